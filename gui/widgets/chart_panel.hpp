// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTabWidget>

#include <report/chart_data.hpp>

namespace capeq::gui {

struct AnalysisCharts;

/// The analysis charts as tabs: capability wheel, heat map, gap chart of the selected indicator, trend,
/// coverage and equiplot. Reads only the plain chart data of lib/report; each tab is a chart view.
class ChartPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget* parent = nullptr);

    void setCharts(const AnalysisCharts& charts);
    void setGapChart(const report::GapChartData& gap);
    void clearCharts();
    /// The tab names in order, for the keyboard (Ctrl+Page Down moves between them).
    QStringList tabNames() const;

private:
    void setPanel(int tab, const QString& title, const QString& summary);
};

} // namespace capeq::gui
