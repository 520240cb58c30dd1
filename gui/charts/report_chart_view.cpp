// SPDX-License-Identifier: Apache-2.0
#include "report_chart_view.hpp"

#include <QPainter>

namespace capeq::gui {

ReportChartView::ReportChartView(QWidget* parent)
    : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus); // keyboard users can reach the chart and read its tooltip
    setMinimumSize(360, 260);
}

QImage ReportChartView::toImage() {
    return grab().toImage();
}

void ReportChartView::showChart(std::unique_ptr<QChart> chart, const QString& explanation) {
    // QChartView::setChart takes the new chart and releases the old one without deleting it.
    const std::unique_ptr<QChart> previous(this->chart());
    setChart(chart.release());
    m_explanation = explanation;
    setToolTip(explanation);
    setAccessibleDescription(explanation);
}

} // namespace capeq::gui
