// SPDX-License-Identifier: Apache-2.0
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPainter>

#include <report/charts.hpp>

namespace capeq::report {

QImage renderChartImage(QChart& chart, QSize size, qreal dpr) {
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.resize(size);
    // Layout requests are posted events: deliver them so axes, series and layers take their final geometry.
    QCoreApplication::sendPostedEvents();
    QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    }
    // The scene must not delete the caller's chart.
    scene.removeItem(&chart);
    return image;
}

QByteArray chartPng(QChart& chart, QSize size, qreal dpr) {
    const QImage image = renderChartImage(chart, size, dpr);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace capeq::report
