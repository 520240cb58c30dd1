// SPDX-License-Identifier: Apache-2.0
#include "chart_style.hpp"

#include <QBrush>
#include <QFont>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <report/palette.hpp>

namespace capeq::report {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::unique_ptr<QChart> newChart(const std::string& title, const std::string& method) {
    auto chart = std::make_unique<QChart>();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    // The title is rich text: escape user-supplied names before wrapping them in markup.
    QString html = QStringLiteral("<b>") + qs(title).toHtmlEscaped() + QStringLiteral("</b>");
    if (!method.empty()) {
        // Chart titles never wrap by themselves and would be cut off: break the method into short lines.
        QStringList lines{QString()};
        for (const QString& word : qs(method).split(QLatin1Char(' '))) {
            if (!lines.back().isEmpty() && lines.back().size() + word.size() > 90)
                lines.append(QString());
            lines.back() += (lines.back().isEmpty() ? QString() : QStringLiteral(" ")) + word.toHtmlEscaped();
        }
        html += QStringLiteral("<br/><span style=\"font-size:8pt; color:#444444\">") +
                lines.join(QStringLiteral("<br/>")) + QStringLiteral("</span>");
    }
    chart->setTitle(html);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(8.0);
    chart->legend()->setFont(legendFont);
    return chart;
}

QColor classColour(SignificanceClass significance) {
    switch (significance) {
    case SignificanceClass::Better:
        return significanceColour(1);
    case SignificanceClass::Similar:
        return QColor::fromRgb(
            0xBDBDBD); // a shade darker than the palette grey so markers stand out on white
    case SignificanceClass::Worse:
        return significanceColour(-1);
    case SignificanceClass::Lower:
        return seriesColour(1); // sky blue: no judgement
    case SignificanceClass::Higher:
        return QColor::fromRgb(0x004C7A); // dark blue: no judgement
    case SignificanceClass::NotCompared:
        break;
    }
    return significanceColour(2);
}

QScatterSeries::MarkerShape classShape(SignificanceClass significance) {
    switch (significance) {
    case SignificanceClass::Better:
        return QScatterSeries::MarkerShapeCircle;
    case SignificanceClass::Similar:
        return QScatterSeries::MarkerShapeRectangle;
    case SignificanceClass::Worse:
        return QScatterSeries::MarkerShapeTriangle;
    case SignificanceClass::Lower:
        return QScatterSeries::MarkerShapeRotatedRectangle;
    case SignificanceClass::Higher:
        return QScatterSeries::MarkerShapePentagon;
    case SignificanceClass::NotCompared:
        break;
    }
    return QScatterSeries::MarkerShapeCircle;
}

QString classLegend(SignificanceClass significance) {
    switch (significance) {
    case SignificanceClass::Better:
        return QStringLiteral("Better (circle)");
    case SignificanceClass::Similar:
        return QStringLiteral("Similar (square)");
    case SignificanceClass::Worse:
        return QStringLiteral("Worse (triangle)");
    case SignificanceClass::Lower:
        return QStringLiteral("Lower (diamond)");
    case SignificanceClass::Higher:
        return QStringLiteral("Higher (pentagon)");
    case SignificanceClass::NotCompared:
        break;
    }
    return QStringLiteral("Not compared (hollow)");
}

QScatterSeries* classSeries(QChart& chart, SignificanceClass significance, bool labelPoints) {
    auto* series = new QScatterSeries(&chart);
    series->setName(classLegend(significance));
    series->setMarkerShape(classShape(significance));
    series->setMarkerSize(significance == SignificanceClass::Worse ? 13.0 : 11.0);
    series->setColor(classColour(significance));
    series->setBorderColor(QColor::fromRgb(0x333333));
    if (labelPoints && significance != SignificanceClass::Similar) {
        // The class word beside each marker: the cue that survives greyscale printing and colour blindness.
        series->setPointLabelsFormat(
            QString::fromUtf8(significanceText(significance).data(),
                              static_cast<qsizetype>(significanceText(significance).size())));
        series->setPointLabelsVisible(true);
        series->setPointLabelsClipping(false);
        QFont font = series->pointLabelsFont();
        font.setPointSizeF(7.5);
        series->setPointLabelsFont(font);
    }
    chart.addSeries(series);
    return series;
}

QScatterSeries* legendEntry(QChart& chart, const QString& text, QColor fill,
                            QScatterSeries::MarkerShape shape) {
    auto* series = new QScatterSeries(&chart);
    series->setName(text);
    series->setMarkerShape(shape);
    series->setColor(fill);
    series->setBorderColor(QColor::fromRgb(0x333333));
    chart.addSeries(series);
    return series;
}

void hideFromLegend(QChart& chart, QAbstractSeries* series) {
    for (QLegendMarker* marker : chart.legend()->markers(series))
        marker->setVisible(false);
}

void fitRange(QValueAxis& axis, const std::vector<double>& values, double margin) {
    if (values.empty())
        return;
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const double pad = std::max((*high - *low) * margin, std::abs(*high) * 0.01 + 1e-9);
    axis.setRange(*low - pad, *high + pad);
    axis.applyNiceNumbers();
}

QCategoryAxis* categoryAxis(const std::vector<std::string>& labels, bool reversed) {
    auto* axis = new QCategoryAxis;
    for (std::size_t i = 0; i < labels.size(); ++i)
        // Axis labels are rich text: escape names (a group could be called "<b>"), then keep line breaks.
        axis->append(qs(labels[i]).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")),
                     static_cast<qreal>(i));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, static_cast<qreal>(labels.size()) - 0.5);
    axis->setGridLineVisible(false);
    axis->setReverse(reversed);
    QFont font = axis->labelsFont();
    font.setPointSizeF(8.0);
    axis->setLabelsFont(font);
    return axis;
}

CellLayer::CellLayer(QChart& chart, QAbstractSeries& anchor, std::vector<GridCell> cells, QSizeF cellSize)
    : QGraphicsItem(&chart)
    , m_chart(chart)
    , m_anchor(anchor)
    , m_cells(std::move(cells))
    , m_cellSize(cellSize) {
    setZValue(1.0);
    QObject::connect(&chart, &QChart::plotAreaChanged, &chart, [this] {
        prepareGeometryChange();
        update();
    });
}

QRectF CellLayer::boundingRect() const {
    return m_chart.plotArea();
}

void CellLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    painter->setFont(font);
    for (const GridCell& cell : m_cells) {
        const QPointF a = m_chart.mapToPosition(
            QPointF(cell.x - m_cellSize.width() / 2, cell.y - m_cellSize.height() / 2), &m_anchor);
        const QPointF b = m_chart.mapToPosition(
            QPointF(cell.x + m_cellSize.width() / 2, cell.y + m_cellSize.height() / 2), &m_anchor);
        const QRectF rect = QRectF(a, b).normalized().adjusted(1, 1, -1, -1);
        painter->setPen(QPen(QColor::fromRgb(0x9E9E9E), 0.5));
        painter->setBrush(cell.hatched ? QBrush(QColor::fromRgb(0xBDBDBD), Qt::BDiagPattern)
                                       : QBrush(cell.fill));
        painter->drawRect(rect);
        // Dark text on light fills, white on the saturated ones, so every label stays legible.
        const bool dark = !cell.hatched && cell.fill.lightnessF() < 0.5;
        painter->setPen(dark ? Qt::white : Qt::black);
        painter->drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, cell.text);
    }
    painter->restore();
}

PaintLayer::PaintLayer(QChart& chart, QAbstractSeries& anchor, Painter painter)
    : QGraphicsItem(&chart)
    , m_chart(chart)
    , m_anchor(anchor)
    , m_painter(std::move(painter)) {
    // Above the grid (z 2) and axes (z 3), below the series (z 4 and up), so markers stay on top.
    setZValue(3.5);
    QObject::connect(&chart, &QChart::plotAreaChanged, &chart, [this] {
        prepareGeometryChange();
        update();
    });
}

QRectF PaintLayer::boundingRect() const {
    return m_chart.plotArea();
}

void PaintLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    m_painter(*painter, [this](QPointF value) { return m_chart.mapToPosition(value, &m_anchor); });
    painter->restore();
}

} // namespace capeq::report
