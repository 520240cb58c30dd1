// SPDX-License-Identifier: Apache-2.0
// Grid charts painted as cells over category axes: heat map, intersection view and coverage matrix.
#include "chart_style.hpp"

#include <QValueAxis>

#include <cmath>
#include <report/charts.hpp>
#include <report/palette.hpp>
#include <set>

namespace capeq::report {

namespace {

// Axes for a rows x columns grid (first row at the top) with an empty anchor series the cells map through.
QScatterSeries* gridAxes(QChart& chart, const std::vector<std::string>& rows,
                         const std::vector<std::string>& columns) {
    auto* anchor = new QScatterSeries(&chart);
    chart.addSeries(anchor);
    auto* x = categoryAxis(columns);
    if (columns.size() > 4)
        x->setLabelsAngle(-35);
    auto* y = categoryAxis(rows, true);
    chart.addAxis(x, Qt::AlignBottom);
    chart.addAxis(y, Qt::AlignLeft);
    anchor->attachAxis(x);
    anchor->attachAxis(y);
    hideFromLegend(chart, anchor);
    return anchor;
}

// Heat cells are labelled with their finding; the legend names the colours in the same words.
QString heatLegend(SignificanceClass significance) {
    switch (significance) {
    case SignificanceClass::Worse:
        return QStringLiteral("worse: a significant gap");
    case SignificanceClass::Similar:
        return QStringLiteral("unclear or no gap");
    case SignificanceClass::NotCompared:
        return QStringLiteral("no CI / suppressed: not compared");
    default:
        break;
    }
    return classLegend(significance);
}

QString formatted(double value) {
    return QString::number(value, 'f', std::abs(value) >= 100.0 ? 0 : 1);
}

} // namespace

std::unique_ptr<QChart> buildHeatMapChart(const HeatMapData& data) {
    auto chart = newChart(data.title, data.method);
    std::vector<GridCell> cells;
    std::set<SignificanceClass> seen;
    bool anyMissing = false;
    for (std::size_t r = 0; r < data.cells.size(); ++r)
        for (std::size_t c = 0; c < data.cells[r].size(); ++c) {
            const HeatMapCell& cell = data.cells[r][c];
            GridCell grid{static_cast<double>(c), static_cast<double>(r), Qt::white, qs(cell.label), false};
            if (cell.significance) {
                grid.fill = classColour(*cell.significance);
                seen.insert(*cell.significance);
            } else {
                grid.hatched = true;
                anyMissing = true;
            }
            cells.push_back(std::move(grid));
        }
    // Legend entries first so they exist before the anchor (which is hidden).
    for (SignificanceClass significance : seen)
        legendEntry(*chart, heatLegend(significance), classColour(significance));
    if (anyMissing)
        legendEntry(*chart, QStringLiteral("No data (hatched)"), QColor::fromRgb(0xEEEEEE));
    QScatterSeries* anchor = gridAxes(*chart, data.rowLabels, data.columnLabels);
    for (QAbstractSeries* series : chart->series())
        if (series != anchor)
            for (QAbstractAxis* axis : anchor->attachedAxes())
                series->attachAxis(axis);
    new CellLayer(*chart, *anchor, std::move(cells), QSizeF(1.0, 1.0)); // owned by the chart
    return chart;
}

std::unique_ptr<QChart> buildIntersectionChart(const IntersectionData& data) {
    auto chart = newChart(data.title, data.method);
    std::vector<GridCell> cells;
    std::set<SignificanceClass> seen;
    bool anySuppressed = false;
    for (std::size_t r = 0; r < data.cells.size(); ++r)
        for (std::size_t c = 0; c < data.cells[r].size(); ++c) {
            const IntersectionCell& cell = data.cells[r][c];
            GridCell grid{static_cast<double>(c), static_cast<double>(r), Qt::white, QString(), false};
            if (cell.suppression.suppressed) {
                grid.hatched = true;
                grid.text = QStringLiteral("suppressed\n") + qs(cell.suppression.code);
                anySuppressed = true;
            } else if (cell.figure.value) {
                grid.fill = classColour(cell.significance);
                grid.text = formatted(*cell.figure.value);
                if (cell.significance != SignificanceClass::Similar &&
                    cell.significance != SignificanceClass::NotCompared)
                    grid.text +=
                        QStringLiteral("\n") + QString::fromUtf8(significanceText(cell.significance).data());
                seen.insert(cell.significance);
            } else {
                grid.hatched = true;
                grid.text = QStringLiteral("no data");
            }
            cells.push_back(std::move(grid));
        }
    for (SignificanceClass significance : seen)
        legendEntry(*chart, classLegend(significance).section(QLatin1Char(' '), 0, 0),
                    classColour(significance));
    if (anySuppressed)
        legendEntry(*chart, QStringLiteral("Suppressed by the disclosure rule (hatched)"),
                    QColor::fromRgb(0xEEEEEE));
    QScatterSeries* anchor = gridAxes(*chart, data.rowLabels, data.columnLabels);
    for (QAbstractSeries* series : chart->series())
        if (series != anchor)
            for (QAbstractAxis* axis : anchor->attachedAxes())
                series->attachAxis(axis);
    chart->axes(Qt::Horizontal).front()->setTitleText(qs(data.columnCharacteristic).toHtmlEscaped());
    chart->axes(Qt::Vertical).front()->setTitleText(qs(data.rowCharacteristic).toHtmlEscaped());
    new CellLayer(*chart, *anchor, std::move(cells), QSizeF(1.0, 1.0)); // owned by the chart
    return chart;
}

std::unique_ptr<QChart> buildCoverageChart(const CoverageData& data) {
    auto chart = newChart(data.title,
                          data.summary + ". Cell text: indicators with evidence of those in the catalogue");
    std::vector<GridCell> cells;
    const QColor covered = significanceColour(1);
    for (std::size_t r = 0; r < data.cells.size(); ++r)
        for (std::size_t c = 0; c < data.cells[r].size(); ++c) {
            const CoverageCell& cell = data.cells[r][c];
            GridCell grid{static_cast<double>(c), static_cast<double>(r), Qt::white, QString(), false};
            grid.text = QString::number(cell.indicatorsWithEvidence) + QStringLiteral(" of ") +
                        QString::number(cell.indicatorsInCatalogue);
            if (cell.indicatorsWithEvidence == 0) {
                grid.hatched = true;
                grid.text += QStringLiteral("\nno evidence");
            } else {
                // Lighter blue for thin evidence; the text carries the exact count.
                const double share = cell.indicatorsInCatalogue > 0
                                         ? std::min(1.0, static_cast<double>(cell.indicatorsWithEvidence) /
                                                             cell.indicatorsInCatalogue)
                                         : 1.0;
                grid.fill = QColor::fromRgbF(1.0 - share * (1.0 - covered.redF()) * 0.85,
                                             1.0 - share * (1.0 - covered.greenF()) * 0.85,
                                             1.0 - share * (1.0 - covered.blueF()) * 0.85);
            }
            cells.push_back(std::move(grid));
        }
    legendEntry(*chart, QStringLiteral("Evidence (darker = more of the cell's indicators)"), covered);
    legendEntry(*chart, QStringLiteral("No evidence (hatched): itself a finding"), QColor::fromRgb(0xEEEEEE));
    QScatterSeries* anchor = gridAxes(*chart, data.domainLabels, data.dimensionLabels);
    for (QAbstractSeries* series : chart->series())
        if (series != anchor)
            for (QAbstractAxis* axis : anchor->attachedAxes())
                series->attachAxis(axis);
    new CellLayer(*chart, *anchor, std::move(cells), QSizeF(1.0, 1.0)); // owned by the chart
    return chart;
}

} // namespace capeq::report
