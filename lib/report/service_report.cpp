// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/atomic_file.hpp>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <report/charts.hpp>
#include <report/report_document.hpp>
#include <report/service_report.hpp>
#include <string>
#include <system_error>

namespace capeq::report {

namespace {

std::string pngDataUri(const QImage& image) {
    return "data:image/png;base64," + pngBytes(image).toBase64().toStdString();
}

} // namespace

std::string renderServiceReportHtml(const ServiceReportInput& input) {
    // Charts at 1x keep a report to a few hundred kilobytes and its rendering fast enough for batch audits.
    return buildReportHtml(
        input, [](const std::string&, const QImage& image) { return pngDataUri(image); }, QSize(760, 430));
}

void writeServiceReportPdf(const ServiceReportInput& input, const std::filesystem::path& path) {
    // The same HTML as the HTML report, with the charts handed to the document as named resources.
    std::map<std::string, QImage> images;
    const std::string html = buildReportHtml(
        input,
        [&](const std::string& name, const QImage& image) {
            images[name] = image;
            return "chart:" + name;
        },
        // QTextDocument prints an image at its pixel size at 96 dpi (it ignores high-DPI images' ratio when
        // laying out), so the PDF's charts are drawn to fit the A4 text width at that density.
        QSize(620, 350));
    QTextDocument document;
    for (const auto& [name, image] : images)
        document.addResource(QTextDocument::ImageResource, QUrl(QString::fromStdString("chart:" + name)),
                             image);
    document.setHtml(QString::fromStdString(html));

    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        // 96 dpi, the density the charts are drawn for; text stays vector whatever the resolution.
        writer.setResolution(96);
        writer.setTitle(QString::fromStdString(input.title));
        writer.setCreator(QStringLiteral("CapEq ") + QString::fromStdString(input.provenance.capeqVersion));
        // Laid out and painted page by page on the writer itself: QTextDocument::print scales images and
        // text differently, leaving charts shrunk above empty space.
        document.documentLayout()->setPaintDevice(&writer);
        const QRectF page(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.setPageSize(page.size());
        QPainter painter(&writer);
        for (int number = 0; number < document.pageCount(); ++number) {
            if (number > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -number * page.height());
            document.drawContents(&painter, page.translated(0, number * page.height()));
            painter.restore();
        }
    }
    writeFileAtomically(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

namespace {

// Qt on Unix wants a private XDG_RUNTIME_DIR and, when a command-line tool runs without a login session
// (cron, CI, ssh), warns on stderr that it is unset. Giving Qt a fresh directory of its own (mkdtemp makes
// it 0700, as Qt requires) keeps the CLI quiet without filtering Qt's messages, so real errors still show.
// The variable and the directory are removed again once the application is gone.
class PrivateRuntimeDirectory {
public:
    PrivateRuntimeDirectory() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
            return;
        const QByteArray tmp = qEnvironmentVariableIsEmpty("TMPDIR") ? QByteArray("/tmp") : qgetenv("TMPDIR");
        std::string pattern = tmp.toStdString() + "/capeq-runtime-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr)
            return; // Qt then falls back to its own directory and says so: harmless
        m_path = pattern;
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(m_path.string()));
#endif
    }
    ~PrivateRuntimeDirectory() {
        if (m_path.empty())
            return;
        qunsetenv("XDG_RUNTIME_DIR");
        std::error_code ignored; // a directory left in the temporary folder is no reason to fail a run
        std::filesystem::remove_all(m_path, ignored);
    }
    PrivateRuntimeDirectory(const PrivateRuntimeDirectory&) = delete;
    PrivateRuntimeDirectory& operator=(const PrivateRuntimeDirectory&) = delete;

private:
    std::filesystem::path m_path;
};

} // namespace

struct OffscreenGui::State {
    // Declared first so it outlives the application that uses it.
    PrivateRuntimeDirectory runtimeDirectory;
    // QApplication keeps references to argc and argv for its whole life, so they live here with it.
    std::array<char, 16> name{"capeq"};
    std::array<char*, 2> argv{name.data(), nullptr};
    int argc = 1;
    std::unique_ptr<QApplication> application;
};

OffscreenGui::OffscreenGui() {
    if (QCoreApplication::instance() != nullptr)
        return; // inside the studio or a test that made its own application
    m_state = std::make_unique<State>();
    // Command-line tools have no display: render offscreen unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    m_state->application = std::make_unique<QApplication>(m_state->argc, m_state->argv.data());
}

OffscreenGui::~OffscreenGui() = default;

} // namespace capeq::report
