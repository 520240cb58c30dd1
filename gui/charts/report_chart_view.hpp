// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>
#include <QImage>
#include <QString>

#include <memory>

namespace capeq::gui {

/// A chart view for the studio's analysis charts: antialiased, keyboard-focusable, with a plain-language
/// tooltip explaining the measure, and the same chart builders as the reports (lib/report/charts.hpp),
/// so a chart on screen and in a PDF look alike. GUI thread only.
class ReportChartView : public QChartView {
    Q_OBJECT
public:
    explicit ReportChartView(QWidget* parent = nullptr);

    /// The chart as shown, at the widget's size times the screen's device pixel ratio (for export).
    QImage toImage();
    /// The plain-language explanation shown as the view's tooltip.
    QString explanation() const { return m_explanation; }

protected:
    /// Replaces the shown chart (the view owns it; the previous one is deleted) and the explanation.
    void showChart(std::unique_ptr<QChart> chart, const QString& explanation);

private:
    QString m_explanation;
};

} // namespace capeq::gui
