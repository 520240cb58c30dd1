// SPDX-License-Identifier: Apache-2.0
// Capability wheel: a polar chart with one sector per domain, split into one wedge per dimension whose
// length is the cell score (0 at the centre, 100 at the rim).
#include "chart_style.hpp"

#include <QAreaSeries>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>

#include <report/charts.hpp>
#include <report/palette.hpp>

namespace capeq::report {

namespace {

// A wedge from angle a0 to a1 (degrees on the 0..360 angular axis) out to radius r. Intermediate points
// make the outer edge follow the circle, since the polar chart joins points with straight lines.
QAreaSeries* wedge(QChart& chart, double a0, double a1, double r, const QBrush& brush, const QString& name) {
    auto* upper = new QLineSeries(&chart);
    constexpr int kSteps = 6;
    for (int i = 0; i <= kSteps; ++i)
        upper->append(a0 + (a1 - a0) * i / kSteps, r);
    // Without a lower series a polar area closes at the centre, which makes the wedge.
    auto* area = new QAreaSeries(upper);
    area->setParent(&chart);
    area->setName(name);
    area->setBrush(brush);
    area->setPen(QPen(QColor::fromRgb(0xFFFFFF), 0.8));
    chart.addSeries(area);
    return area;
}

} // namespace

std::unique_ptr<QChart> buildWheelChart(const WheelData& data) {
    auto polar = std::make_unique<QPolarChart>();
    // Reuse the common styling by moving its settings onto the polar chart.
    {
        const auto style = newChart(data.title, "Each domain's sector is split into " +
                                                    std::to_string(data.dimensionLabels.size()) +
                                                    " wedges, one per dimension in legend order; "
                                                    "wedge length = score; hatched = no evidence");
        polar->setTitle(style->title());
        polar->setAnimationOptions(QChart::NoAnimation);
        polar->setBackgroundBrush(Qt::white);
        polar->setBackgroundRoundness(0);
        polar->legend()->setAlignment(Qt::AlignBottom);
        polar->legend()->setFont(style->legend()->font());
    }
    const auto domains = static_cast<double>(std::max<std::size_t>(data.domainLabels.size(), 1));
    const auto dimensions = static_cast<double>(std::max<std::size_t>(data.dimensionLabels.size(), 1));
    const double sector = 360.0 / domains;
    std::vector<bool> named(data.dimensionLabels.size(), false);
    bool missingNamed = false;
    std::vector<QAreaSeries*> unnamed;
    for (std::size_t d = 0; d < data.domainLabels.size() && d < data.scores.size(); ++d)
        for (std::size_t k = 0; k < data.scores[d].size() && k < data.dimensionLabels.size(); ++k) {
            const double a0 = sector * static_cast<double>(d) + sector * static_cast<double>(k) / dimensions;
            const double a1 = a0 + sector / dimensions;
            const std::optional<double>& score = data.scores[d][k];
            if (score) {
                QAreaSeries* area =
                    wedge(*polar, a0, a1, std::clamp(*score, 0.0, 100.0), QBrush(seriesColour(k)),
                          qs(data.dimensionLabels[k]).toHtmlEscaped());
                if (named[k])
                    unnamed.push_back(area);
                named[k] = true;
            } else {
                QAreaSeries* area =
                    wedge(*polar, a0, a1, 100.0, QBrush(QColor::fromRgb(0xBDBDBD), Qt::BDiagPattern),
                          QStringLiteral("No evidence"));
                if (missingNamed)
                    unnamed.push_back(area);
                missingNamed = true;
            }
        }
    auto* domainMarks = new QScatterSeries(polar.get());
    domainMarks->setName(QStringLiteral("Domain score (black dot)"));
    domainMarks->setMarkerSize(8.0);
    domainMarks->setColor(Qt::black);
    for (std::size_t d = 0; d < data.domainScores.size(); ++d)
        if (data.domainScores[d])
            domainMarks->append(sector * (static_cast<double>(d) + 0.5),
                                std::clamp(*data.domainScores[d], 0.0, 100.0));
    polar->addSeries(domainMarks);

    auto* angular = new QCategoryAxis;
    for (std::size_t d = 0; d < data.domainLabels.size(); ++d)
        angular->append(qs(data.domainLabels[d]).toHtmlEscaped(), sector * static_cast<double>(d + 1));
    angular->setRange(0.0, 360.0);
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    QFont font = angular->labelsFont();
    font.setPointSizeF(7.5);
    angular->setLabelsFont(font);
    polar->addAxis(angular, QPolarChart::PolarOrientationAngular);
    auto* radial = new QValueAxis;
    radial->setRange(0.0, 100.0);
    radial->setTickCount(5);
    radial->setLabelFormat(QStringLiteral("%d"));
    radial->setLabelsFont(font);
    polar->addAxis(radial, QPolarChart::PolarOrientationRadial);
    for (QAbstractSeries* series : polar->series()) {
        series->attachAxis(angular);
        series->attachAxis(radial);
    }
    for (QAreaSeries* area : unnamed)
        hideFromLegend(*polar, area);
    return polar;
}

} // namespace capeq::report
