// SPDX-License-Identifier: Apache-2.0
// Spine chart (one service against the range of all services) and equiplot (groups as dots per line).
#include "chart_style.hpp"

#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>
#include <report/charts.hpp>
#include <report/palette.hpp>
#include <sstream>

namespace capeq::report {

namespace {

// Position of a value on a spine row: the benchmark at 0, the farther end of the range at +-1, and the
// better direction to the right (Fingertips orients each row by its polarity).
double spinePosition(const SpineRow& row, double value) {
    const double scale =
        std::max({std::abs(row.minimum - row.benchmark), std::abs(row.maximum - row.benchmark), 1e-12});
    const double position = (value - row.benchmark) / scale;
    return row.polarity == ChartPolarity::LowerIsBetter ? -position : position;
}

std::string spineLabel(const SpineRow& row) {
    std::string label = row.label + ": ";
    if (row.value) {
        std::ostringstream text;
        text.precision(1);
        text << std::fixed << *row.value;
        label += text.str() + (row.unit.empty() ? "" : " " + row.unit);
    } else {
        label += "no figure";
    }
    return label;
}

} // namespace

std::unique_ptr<QChart> buildSpineChart(const SpineData& data) {
    auto chart = newChart(data.title, data.method);
    std::vector<std::string> labels;
    std::map<SignificanceClass, QScatterSeries*> classes;
    auto* anchor = new QScatterSeries(chart.get());
    chart->addSeries(anchor);
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        const SpineRow& row = data.rows[r];
        labels.push_back(spineLabel(row));
        if (!row.value)
            continue;
        QScatterSeries*& series = classes[row.significance];
        if (series == nullptr)
            series = classSeries(*chart, row.significance, true);
        series->append(std::clamp(spinePosition(row, *row.value), -1.1, 1.1), static_cast<double>(r));
    }
    legendEntry(*chart, QStringLiteral("Range of all services (light) and 25th-75th percentile (dark)"),
                QColor::fromRgb(0x9E9E9E));
    auto* x = new QValueAxis;
    x->setRange(-1.15, 1.15);
    x->setLabelsVisible(false);
    x->setTickCount(3);
    auto* y = categoryAxis(labels, true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    hideFromLegend(*chart, anchor);
    const std::vector<SpineRow> rows = data.rows;
    new PaintLayer(*chart, *anchor, [rows](QPainter& painter, const std::function<QPointF(QPointF)>& map) {
        painter.setPen(Qt::NoPen);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const SpineRow& row = rows[r];
            const double centre = static_cast<double>(r);
            const auto band = [&](double from, double to, double half, QColor colour) {
                const QPointF a = map(QPointF(spinePosition(row, from), centre - half));
                const QPointF b = map(QPointF(spinePosition(row, to), centre + half));
                painter.setBrush(colour);
                painter.drawRect(QRectF(a, b).normalized());
            };
            band(row.minimum, row.maximum, 0.28, QColor::fromRgb(0xE0E0E0));
            band(row.p25, row.p75, 0.28, QColor::fromRgb(0x9E9E9E));
        }
        painter.setPen(QPen(Qt::black, 1.5));
        painter.drawLine(map(QPointF(0.0, -0.5)), map(QPointF(0.0, static_cast<double>(rows.size()) - 0.5)));
    }); // owned by the chart
    return chart;
}

std::unique_ptr<QChart> buildEquiplotChart(const EquiplotData& data) {
    auto chart = newChart(data.title, data.method);
    static constexpr std::array<QScatterSeries::MarkerShape, 5> kShapes = {
        QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle,
        QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRotatedRectangle,
        QScatterSeries::MarkerShapePentagon};
    std::vector<std::string> labels;
    std::vector<QAbstractSeries*> hidden;
    std::vector<QScatterSeries*> groups(data.groupLabels.size(), nullptr);
    std::vector<double> extent;
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        const EquiplotRow& row = data.rows[r];
        const double y = static_cast<double>(r);
        std::vector<double> values;
        int suppressed = 0;
        for (const EquiplotDot& dot : row.dots) {
            if (dot.suppression.suppressed) {
                ++suppressed;
                continue;
            }
            if (!dot.value || dot.group >= groups.size())
                continue;
            values.push_back(*dot.value);
            extent.push_back(*dot.value);
            QScatterSeries*& series = groups[dot.group];
            if (series == nullptr) {
                series = new QScatterSeries(chart.get());
                series->setName(qs(data.groupLabels[dot.group]).toHtmlEscaped()); // legends are rich text
                series->setColor(seriesColour(dot.group));
                series->setBorderColor(QColor::fromRgb(0x333333));
                series->setMarkerShape(kShapes[dot.group % kShapes.size()]);
                series->setMarkerSize(11.0);
            }
            series->append(*dot.value, y);
        }
        std::string label = row.label;
        if (suppressed > 0)
            label += " [" + std::to_string(suppressed) + " suppressed]";
        labels.push_back(label);
        if (values.size() >= 2) {
            const auto [low, high] = std::minmax_element(values.begin(), values.end());
            auto* line = new QLineSeries(chart.get());
            line->append(*low, y);
            line->append(*high, y);
            line->setPen(QPen(Qt::black, 1.5));
            chart->addSeries(line);
            hidden.push_back(line);
        }
    }
    for (QScatterSeries* series : groups)
        if (series != nullptr)
            chart->addSeries(series); // after the lines, so dots sit on top
    auto* x = new QValueAxis;
    x->setTitleText(qs(data.unit).toHtmlEscaped());
    auto* y = categoryAxis(labels, true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    fitRange(*x, extent);
    for (QAbstractSeries* series : hidden)
        hideFromLegend(*chart, series);
    return chart;
}

} // namespace capeq::report
