// SPDX-License-Identifier: Apache-2.0
// Trend lines across periods and the funnel plot of many areas.
#include "chart_style.hpp"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <map>
#include <report/charts.hpp>
#include <report/palette.hpp>

namespace capeq::report {

namespace {

constexpr std::array<QScatterSeries::MarkerShape, 5> kShapes = {
    QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle,
    QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRotatedRectangle,
    QScatterSeries::MarkerShapePentagon};

void attachAll(QChart& chart, QAbstractAxis* x, QAbstractAxis* y) {
    for (QAbstractSeries* series : chart.series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

} // namespace

std::unique_ptr<QChart> buildTrendChart(const TrendData& data) {
    auto chart = newChart(data.title, data.method);
    std::vector<QAbstractSeries*> hidden;
    std::vector<double> extent;
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        const TrendSeries& trend = data.series[s];
        const QColor colour = seriesColour(s == 0 ? 7 : s - 1); // the headline series in black
        const QPen pen(colour, s == 0 ? 2.5 : 1.5, s % 2 == 0 ? Qt::SolidLine : Qt::DashLine);
        // Each run of consecutive figures is its own line, so a missing period shows as a break.
        QLineSeries* run = nullptr;
        for (std::size_t p = 0; p < trend.points.size(); ++p) {
            const ChartValue& point = trend.points[p];
            if (!point.value) {
                run = nullptr;
                continue;
            }
            if (run == nullptr) {
                run = new QLineSeries(chart.get());
                run->setPen(pen);
                run->setName(qs(trend.name).toHtmlEscaped());
                chart->addSeries(run);
                hidden.push_back(run);
            }
            run->append(static_cast<double>(p), *point.value);
            extent.push_back(*point.value);
            if (point.lower && point.upper) {
                auto* whisker = new QLineSeries(chart.get());
                whisker->append(static_cast<double>(p), *point.lower);
                whisker->append(static_cast<double>(p), *point.upper);
                whisker->setPen(QPen(colour, 1.0));
                chart->addSeries(whisker);
                hidden.push_back(whisker);
                extent.push_back(*point.lower);
                extent.push_back(*point.upper);
            }
        }
        // Markers carry the legend entry: colour, line style and shape identify the series.
        auto* markers = new QScatterSeries(chart.get());
        markers->setName(qs(trend.name).toHtmlEscaped()); // legends are rich text
        markers->setColor(colour);
        markers->setMarkerShape(kShapes[s % kShapes.size()]);
        markers->setMarkerSize(9.0);
        for (std::size_t p = 0; p < trend.points.size(); ++p)
            if (trend.points[p].value)
                markers->append(static_cast<double>(p), *trend.points[p].value);
        chart->addSeries(markers);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* x = categoryAxis(data.periods);
    auto* y = new QValueAxis;
    y->setTitleText(qs(data.unit).toHtmlEscaped());
    if (data.yMinimum && data.yMaximum) {
        y->setRange(*data.yMinimum, *data.yMaximum);
    } else {
        fitRange(*y, extent, 0.1);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attachAll(*chart, x, y);
    for (QAbstractSeries* series : hidden)
        hideFromLegend(*chart, series);
    return chart;
}

std::unique_ptr<QChart> buildFunnelChart(const FunnelData& data) {
    auto chart = newChart(data.title, data.method);
    const auto limitLine = [&](auto value, const QString& name, QPen pen, bool legend) {
        auto* series = new QLineSeries(chart.get());
        for (const FunnelLimitPoint& limit : data.limits)
            series->append(limit.n, value(limit));
        series->setName(name);
        series->setPen(pen);
        chart->addSeries(series);
        return legend ? nullptr : series;
    };
    std::vector<QAbstractSeries*> hidden;
    if (!data.limits.empty()) {
        auto* baseline = new QLineSeries(chart.get());
        baseline->append(data.limits.front().n, data.baseline);
        baseline->append(data.limits.back().n, data.baseline);
        baseline->setName(QStringLiteral("Baseline: ") + QString::number(data.baseline, 'f', 1));
        baseline->setPen(QPen(Qt::black, 1.5));
        chart->addSeries(baseline);
        const QPen p95(QColor::fromRgb(0x555555), 1.2, Qt::DashLine);
        const QPen p998(QColor::fromRgb(0x555555), 1.2, Qt::DotLine);
        limitLine([](const FunnelLimitPoint& l) { return l.upper95; }, QStringLiteral("95% limits (dashed)"),
                  p95, true);
        hidden.push_back(
            limitLine([](const FunnelLimitPoint& l) { return l.lower95; }, QString(), p95, false));
        limitLine([](const FunnelLimitPoint& l) { return l.upper998; },
                  QStringLiteral("99.8% limits (dotted)"), p998, true);
        hidden.push_back(
            limitLine([](const FunnelLimitPoint& l) { return l.lower998; }, QString(), p998, false));
    }
    std::map<SignificanceClass, QScatterSeries*> classes;
    QScatterSeries* highlight = nullptr;
    for (const FunnelPoint& point : data.points) {
        QScatterSeries*& series = classes[point.significance];
        if (series == nullptr)
            series = classSeries(*chart, point.significance, false);
        series->append(point.n, point.value);
        if (point.highlighted) {
            if (highlight == nullptr) {
                highlight = new QScatterSeries(chart.get());
                // The point's own label names the service; the legend stays short enough not to be cut.
                highlight->setName(QStringLiteral("This service (ringed)"));
                highlight->setMarkerSize(22.0);
                highlight->setColor(Qt::transparent);
                highlight->setBorderColor(Qt::black);
                highlight->setPointLabelsFormat(qs(point.label).toHtmlEscaped());
                highlight->setPointLabelsVisible(true);
                chart->addSeries(highlight);
            }
            highlight->append(point.n, point.value);
        }
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* x = new QValueAxis;
    x->setTitleText(qs(data.xLabel).toHtmlEscaped());
    auto* y = new QValueAxis;
    y->setTitleText(qs(data.unit).toHtmlEscaped());
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attachAll(*chart, x, y);
    // y covers the points, the baseline and the limits from the smallest point's n on (the limits widen
    // without bound towards n = 0, which would flatten everything else).
    std::vector<double> extent{data.baseline};
    double maxN = 1.0;
    double minN = data.points.empty() ? 0.0 : data.points.front().n;
    for (const FunnelPoint& point : data.points) {
        extent.push_back(point.value);
        maxN = std::max(maxN, point.n);
        minN = std::min(minN, point.n);
    }
    for (const FunnelLimitPoint& limit : data.limits)
        if (limit.n >= minN) {
            extent.push_back(limit.lower998);
            extent.push_back(limit.upper998);
        }
    fitRange(*y, extent, 0.05);
    x->setRange(0.0, maxN * 1.05);
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%.0f")); // people are counted in whole numbers
    for (QAbstractSeries* series : hidden)
        if (series != nullptr)
            hideFromLegend(*chart, series);
    return chart;
}

} // namespace capeq::report
