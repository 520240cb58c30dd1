// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTabWidget>

#include <report/chart_data.hpp>
#include <vector>

class QComboBox;

namespace capeq::gui {

struct AnalysisCharts;
class CoverageChartView;
class EquiplotChartView;
class GapChartView;
class HeatMapChartView;
class TrendChartView;
class WheelChartView;

/// The analysis charts as tabs: capability wheel, heat map, gap chart of the selected indicator, trend,
/// coverage and equiplot (one characteristic at a time). Reads only lib/report's plain chart data.
class ChartPanel : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { Wheel, HeatMap, Gap, Trend, Coverage, Equiplot, ChartCount };

    explicit ChartPanel(QWidget* parent = nullptr);

    void setCharts(const AnalysisCharts& charts);
    void setGapChart(const report::GapChartData& gap);
    void clearCharts();
    /// The tab names in order (Ctrl+Tab moves between them).
    QStringList tabNames() const;

private:
    void showEquiplot(int index);

    WheelChartView* m_wheel = nullptr;
    HeatMapChartView* m_heatMap = nullptr;
    GapChartView* m_gap = nullptr;
    TrendChartView* m_trend = nullptr;
    CoverageChartView* m_coverage = nullptr;
    EquiplotChartView* m_equiplot = nullptr;
    QComboBox* m_equiplotChoice = nullptr;
    std::vector<report::EquiplotData> m_equiplots;
};

} // namespace capeq::gui
