// SPDX-License-Identifier: Apache-2.0
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QPainter>

#include <report/charts.hpp>

namespace capeq::report {

QImage renderChartImage(QChart& chart, QSize size, qreal dpr) {
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.resize(size);
    // Layout requests are posted events: deliver them so axes, series and layers take their final geometry.
    QCoreApplication::sendPostedEvents();
    // Opaque RGB: charts have a white background, and three channels encode faster and smaller than four.
    QImage image(size * dpr, QImage::Format_RGB32);
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
    return pngBytes(image);
}

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    // Qt maps quality 80 to zlib level 1: most of the size saving for a fraction of the default's time,
    // which matters when an audit encodes charts for thousands of reports.
    writer.setQuality(80);
    writer.write(image);
    return bytes;
}

} // namespace capeq::report
