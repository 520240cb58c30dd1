// SPDX-License-Identifier: Apache-2.0
#pragma once

// The studio's chart views, one per chart of lib/report/chart_data.hpp. Each takes plain chart data (built
// on a worker thread with lib/report/chart_mapping.hpp) and draws it with the report's chart builders.

#include "report_chart_view.hpp"

#include <report/chart_data.hpp>

namespace capeq::gui {

/// Capability wheel: ten domains x three dimensions, polar.
class WheelChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::WheelData& chartData);
};

/// Gap chart of one indicator and characteristic; hovering a mark describes that group in words.
class GapChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::GapChartData& chartData);
    const report::GapChartData& chartData() const { return m_data; }

private:
    report::GapChartData m_data;
};

/// Heat map of domains x characteristics coloured by significance.
class HeatMapChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::HeatMapData& chartData);
};

/// Trend across periods, one line per series.
class TrendChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::TrendData& chartData);
};

/// Intersection view: two crossed characteristics.
class IntersectionChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::IntersectionData& chartData);
};

/// Coverage matrix: domains x dimensions with evidence counts.
class CoverageChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::CoverageData& chartData);
};

/// Spine chart: one service against the range of all services.
class SpineChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::SpineData& chartData);
};

/// Funnel plot of many areas; hovering a dot names it.
class FunnelChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::FunnelData& chartData);

private:
    report::FunnelData m_data;
};

/// Equiplot: groups as dots on one line per indicator.
class EquiplotChartView : public ReportChartView {
    Q_OBJECT
public:
    using ReportChartView::ReportChartView;
    void setData(const report::EquiplotData& chartData);
};

} // namespace capeq::gui
