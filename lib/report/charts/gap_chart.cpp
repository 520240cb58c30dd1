// SPDX-License-Identifier: Apache-2.0
// Gap chart: each group's value with CI whiskers against the reference line (HEAT/Fingertips style).
#include "chart_style.hpp"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <map>
#include <report/charts.hpp>

namespace capeq::report {

namespace {

// Whisker with caps as one polyline: left cap, stem, right cap.
QLineSeries* whisker(QChart& chart, double x, double lower, double upper) {
    auto* series = new QLineSeries(&chart);
    constexpr double kCap = 0.12;
    series->append(
        {{x - kCap, lower}, {x + kCap, lower}, {x, lower}, {x, upper}, {x - kCap, upper}, {x + kCap, upper}});
    series->setPen(QPen(QColor::fromRgb(0x333333), 1.2));
    series->setName(QStringLiteral("95% confidence interval"));
    chart.addSeries(series);
    return series;
}

QLineSeries* horizontalLine(QChart& chart, double y, double width, const QString& name, QPen pen) {
    auto* series = new QLineSeries(&chart);
    series->append(-0.5, y);
    series->append(width - 0.5, y);
    series->setPen(pen);
    series->setName(name);
    chart.addSeries(series);
    return series;
}

} // namespace

std::unique_ptr<QChart> buildGapChart(const GapChartData& data) {
    auto chart = newChart(data.title, data.method);
    std::vector<std::string> labels;
    std::vector<double> extent;
    std::map<SignificanceClass, QScatterSeries*> classes;
    std::vector<QAbstractSeries*> all;
    bool anySuppressed = false;
    bool anyWhisker = false;
    QLineSeries* firstWhisker = nullptr;
    QScatterSeries* reference = nullptr;
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const GapGroup& group = data.groups[i];
        const double x = static_cast<double>(i);
        std::string label = group.label;
        if (group.isReference)
            label += "\n(reference)";
        if (group.suppression.suppressed) {
            // A labelled gap: no marker, no whisker, the reason in the axis label.
            label += "\nsuppressed " + group.suppression.code;
            anySuppressed = true;
        } else if (!group.figure.value) {
            label += "\nno figure";
        } else if (group.lowReliability) {
            label += "\n(n under 50)";
        }
        labels.push_back(label);
        if (group.suppression.suppressed || !group.figure.value)
            continue;
        extent.push_back(*group.figure.value);
        if (group.figure.lower && group.figure.upper) {
            QLineSeries* series = whisker(*chart, x, *group.figure.lower, *group.figure.upper);
            if (firstWhisker == nullptr)
                firstWhisker = series;
            else
                all.push_back(series);
            extent.push_back(*group.figure.lower);
            extent.push_back(*group.figure.upper);
            anyWhisker = true;
        }
        if (group.isReference) {
            if (reference == nullptr) {
                reference = legendEntry(*chart, QStringLiteral("Reference group (star)"), Qt::black,
                                        QScatterSeries::MarkerShapeStar);
                reference->setMarkerSize(14.0);
            }
            reference->append(x, *group.figure.value);
            continue;
        }
        QScatterSeries*& series = classes[group.significance];
        if (series == nullptr)
            series = classSeries(*chart, group.significance, true);
        series->append(x, *group.figure.value);
    }
    const double width = static_cast<double>(std::max<std::size_t>(data.groups.size(), 1));
    if (data.referenceValue) {
        extent.push_back(*data.referenceValue);
        QPen pen(QColor::fromRgb(0x000000), 1.5, Qt::DashLine);
        horizontalLine(*chart, *data.referenceValue, width, qs(data.referenceLabel).toHtmlEscaped(), pen);
    }
    if (data.minimumStandard) {
        extent.push_back(*data.minimumStandard);
        QPen pen(QColor::fromRgb(0xCC79A7), 2.0, Qt::DotLine); // reddish purple: distinct from the classes
        horizontalLine(*chart, *data.minimumStandard, width,
                       QStringLiteral("Minimum standard ") + QString::number(*data.minimumStandard), pen);
    }
    if (anySuppressed)
        legendEntry(*chart, QStringLiteral("Suppressed: not drawn"), Qt::white,
                    QScatterSeries::MarkerShapeRectangle);

    // A column of legend entries at the side never truncates them as a bottom row would.
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* xAxis = categoryAxis(labels);
    if (labels.size() > 4)
        xAxis->setLabelsAngle(-35);
    chart->addAxis(xAxis, Qt::AlignBottom);
    auto* yAxis = new QValueAxis;
    yAxis->setTitleText(qs(data.unit).toHtmlEscaped());
    fitRange(*yAxis, extent, 0.12);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // One legend entry explains every whisker.
    for (QAbstractSeries* series : all)
        hideFromLegend(*chart, series);
    if (!anyWhisker && firstWhisker != nullptr)
        hideFromLegend(*chart, firstWhisker);
    return chart;
}

} // namespace capeq::report
