// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared look of CapEq's charts (internal to capeq_report): titles with the method underneath, marker
// shapes and colours per significance class, legend-only series and a layer of painted cells.

#include <QCategoryAxis>
#include <QChart>
#include <QColor>
#include <QGraphicsItem>
#include <QScatterSeries>
#include <QString>
#include <QValueAxis>

#include <functional>
#include <memory>
#include <report/chart_data.hpp>
#include <string>
#include <vector>

namespace capeq::report {

/// std::string (UTF-8) to QString.
QString qs(const std::string& text);

/// A new chart with CapEq's look: white background, no animation, legend at the bottom, the title in bold
/// with the method in small type below it.
std::unique_ptr<QChart> newChart(const std::string& title, const std::string& method);

/// The marker colour, shape and legend wording of a significance class.
QColor classColour(SignificanceClass significance);
QScatterSeries::MarkerShape classShape(SignificanceClass significance);
QString classLegend(SignificanceClass significance);

/// A scatter series styled for a class: coloured marker of its shape, dark outline, each point labelled
/// with the class word (the non-colour cue). Owned by chart once added.
QScatterSeries* classSeries(QChart& chart, SignificanceClass significance, bool labelPoints);

/// An empty series that only adds a legend entry (a marker of this colour and shape, with text).
QScatterSeries* legendEntry(QChart& chart, const QString& text, QColor fill,
                            QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeRectangle);

/// Hides the series' own entry in the legend (whiskers and segments that the class markers explain).
void hideFromLegend(QChart& chart, QAbstractSeries* series);

/// One painted cell of a grid, in axis coordinates (column x, row y, centred on integers).
struct GridCell {
    double x = 0.0;
    double y = 0.0;
    QColor fill;
    QString text;
    bool hatched = false; ///< no data or suppressed: grey diagonal lines instead of a colour
};

/// Paints cells over a chart's plot area, mapped through the axes of `anchor`; follows plot-area changes.
/// Owned by the chart (a child graphics item).
class CellLayer : public QGraphicsItem {
public:
    CellLayer(QChart& chart, QAbstractSeries& anchor, std::vector<GridCell> cells, QSizeF cellSize);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart& m_chart;
    QAbstractSeries& m_anchor;
    std::vector<GridCell> m_cells;
    QSizeF m_cellSize; ///< in axis units
};

/// Paints anything over the plot area with a mapping from axis values to scene positions.
class PaintLayer : public QGraphicsItem {
public:
    using Painter = std::function<void(QPainter&, const std::function<QPointF(QPointF)>& map)>;
    PaintLayer(QChart& chart, QAbstractSeries& anchor, Painter painter);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart& m_chart;
    QAbstractSeries& m_anchor;
    Painter m_painter;
};

/// Sets the axis to cover every value with a margin and nice round ticks. Qt Charts does not widen an axis
/// for every series attached to it, so each builder fits its axes from its own data.
void fitRange(QValueAxis& axis, const std::vector<double>& values, double margin = 0.08);

/// Category labels for positions 0..n-1 (labels sit on the values); reversed puts the first at the top.
QCategoryAxis* categoryAxis(const std::vector<std::string>& labels, bool reversed = false);

} // namespace capeq::report
