// SPDX-License-Identifier: Apache-2.0
#include "chart_views.hpp"

#include "chart_explanations.hpp"

#include <QChart>
#include <QCursor>
#include <QScatterSeries>
#include <QToolTip>

#include <cmath>
#include <report/charts.hpp>

namespace capeq::gui {

namespace {

// Calls describe(point) for the point under the mouse of every scatter series and shows it as a tooltip.
template <typename Describe>
void describeHoveredPoints(QChartView& view, Describe describe) {
    for (QAbstractSeries* series : view.chart()->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(series))
            QObject::connect(scatter, &QScatterSeries::hovered, &view,
                             [&view, describe](QPointF point, bool state) {
                                 if (state)
                                     QToolTip::showText(QCursor::pos(), describe(point), &view);
                                 else
                                     QToolTip::hideText();
                             });
}

} // namespace

void WheelChartView::setData(const report::WheelData& chartData) {
    showChart(report::buildWheelChart(chartData), wheelExplanation());
}

void GapChartView::setData(const report::GapChartData& chartData) {
    m_data = chartData;
    showChart(report::buildGapChart(chartData), gapChartExplanation(chartData));
    // Markers sit at x = the group's index, so the hovered point names its group.
    describeHoveredPoints(*this, [this](QPointF point) {
        const auto index = static_cast<std::size_t>(std::lround(point.x()));
        return index < m_data.groups.size() ? gapGroupInWords(m_data.groups[index], m_data.unit) : QString();
    });
}

void HeatMapChartView::setData(const report::HeatMapData& chartData) {
    showChart(report::buildHeatMapChart(chartData), heatMapExplanation());
}

void TrendChartView::setData(const report::TrendData& chartData) {
    showChart(report::buildTrendChart(chartData), trendExplanation(chartData));
}

void IntersectionChartView::setData(const report::IntersectionData& chartData) {
    showChart(report::buildIntersectionChart(chartData), intersectionExplanation());
}

void CoverageChartView::setData(const report::CoverageData& chartData) {
    showChart(report::buildCoverageChart(chartData), coverageExplanation(chartData));
}

void SpineChartView::setData(const report::SpineData& chartData) {
    showChart(report::buildSpineChart(chartData), spineExplanation(chartData));
}

void FunnelChartView::setData(const report::FunnelData& chartData) {
    m_data = chartData;
    showChart(report::buildFunnelChart(chartData), funnelExplanation(chartData));
    describeHoveredPoints(*this, [this](QPointF point) {
        for (const report::FunnelPoint& candidate : m_data.points)
            if (candidate.n == point.x() && candidate.value == point.y())
                return QString::fromStdString(candidate.label).toHtmlEscaped() + QStringLiteral(": ") +
                       QString::number(candidate.value, 'f', 1) + QStringLiteral(" of ") +
                       QString::number(candidate.n, 'f', 0) + QStringLiteral(" counted");
        return QString();
    });
}

void EquiplotChartView::setData(const report::EquiplotData& chartData) {
    showChart(report::buildEquiplotChart(chartData), equiplotExplanation());
}

} // namespace capeq::gui
