// SPDX-License-Identifier: Apache-2.0
#pragma once

// Qt Charts builders for every chart of chart_data.hpp, and rendering to images. Charts use the
// Okabe-Ito palette and always pair colour with a second cue (marker shape and a text label such as
// "worse"); legends state the method; suppressed figures appear as a labelled gap, never as a mark.
// Thread: Qt Charts are QGraphicsWidgets, so build and render only on the thread that owns the
// QApplication (see OffscreenGui for command-line tools).

#include <QByteArray>
#include <QImage>
#include <QSize>

#include <memory>
#include <report/chart_data.hpp>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace capeq::report {

// Each builder returns a chart the caller owns; a QChartView takes it over with setChart(chart.release()).
std::unique_ptr<QChart> buildWheelChart(const WheelData& data);
std::unique_ptr<QChart> buildGapChart(const GapChartData& data);
std::unique_ptr<QChart> buildHeatMapChart(const HeatMapData& data);
std::unique_ptr<QChart> buildTrendChart(const TrendData& data);
std::unique_ptr<QChart> buildIntersectionChart(const IntersectionData& data);
std::unique_ptr<QChart> buildCoverageChart(const CoverageData& data);
std::unique_ptr<QChart> buildSpineChart(const SpineData& data);
std::unique_ptr<QChart> buildFunnelChart(const FunnelData& data);
std::unique_ptr<QChart> buildEquiplotChart(const EquiplotData& data);

/// Renders a chart that is not shown in a view at size (logical pixels) and device pixel ratio dpr
/// (2 for sharp print): white background, ARGB32. The chart is laid out at that size.
QImage renderChartImage(QChart& chart, QSize size, qreal dpr = 1.0);

/// The chart rendered as PNG bytes (see renderChartImage).
QByteArray chartPng(QChart& chart, QSize size, qreal dpr = 1.0);

/// An image as PNG bytes with fast compression (deterministic: same image, same bytes).
QByteArray pngBytes(const QImage& image);

} // namespace capeq::report
