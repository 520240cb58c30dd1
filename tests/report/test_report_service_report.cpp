// SPDX-License-Identifier: Apache-2.0
// The per-service report: self-contained, escaped, deterministic HTML and a PDF with the same content.
#include "report_fixture.hpp"

#include <capeq/scoring/explain.hpp>

#include <QByteArray>
#include <QImage>

#include <array>
#include <cstdio>
#include <ctime>
#include <gtest/gtest.h>
#include <memory>
#include <report/report_document.hpp>
#include <report/service_report.hpp>
#include <support/test_support.hpp>

namespace capeq::report {
namespace {

constexpr const char* kHostileTitle = "Adult <script>alert('x')</script> care & \"support\"";

class ServiceReport : public test::TempDirTest {
protected:
    test::ReportCase m_case = test::makeReportCase();
};

// The base64 PNGs of the report, decoded. (Plain string search: std::regex recurses per character and
// overflows the stack on images this size.)
std::vector<QImage> embeddedImages(const std::string& html) {
    std::vector<QImage> images;
    const std::string prefix = "data:image/png;base64,";
    for (std::size_t at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at + 1)) {
        const std::size_t begin = at + prefix.size();
        const std::string data = html.substr(begin, html.find('"', begin) - begin);
        images.push_back(QImage::fromData(QByteArray::fromBase64(QByteArray::fromStdString(data)), "PNG"));
    }
    return images;
}

// Every src attribute's value starts with data: (no file, network or relative references).
bool onlyDataSources(const std::string& html) {
    for (std::size_t at = html.find("src="); at != std::string::npos; at = html.find("src=", at + 1))
        if (html.compare(at, 10, "src=\"data:") != 0)
            return false;
    return true;
}

TEST_F(ServiceReport, HtmlNamesTheServiceAndPrintsTheIndex) {
    ASSERT_TRUE(m_case.score.overall.has_value());
    const std::string html =
        renderServiceReportHtml(test::reportInput(m_case, "Northshire: adult social care"));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
    EXPECT_NE(html.find("Northshire: adult social care"), std::string::npos);
    EXPECT_NE(html.find("adult_social_care"), std::string::npos);
    EXPECT_NE(html.find("Capability-equality index: " + formatNumber(*m_case.score.overall)),
              std::string::npos);
    EXPECT_NE(html.find(escapeHtml(DisclosurePolicy{}.describe())), std::string::npos);
    EXPECT_NE(html.find("0123abcd"), std::string::npos);
    EXPECT_NE(html.find("Good health by Ethnicity (5 groups)"), std::string::npos);
    EXPECT_NE(html.find("BREACH"), std::string::npos);
    // Wheel, heat map, at least one gap chart and the trend, each a real, drawn image.
    const std::vector<QImage> images = embeddedImages(html);
    EXPECT_GE(images.size(), 4U);
    for (std::size_t i = 0; i < images.size(); ++i) {
        ASSERT_FALSE(images[i].isNull());
        EXPECT_GT(test::nonBackgroundPixels(images[i]), 2000);
        test::keepImage(images[i], tempDir(), "report_image_" + std::to_string(i));
    }
    test::writeFile(tempDir() / "report.html", html);
}

TEST_F(ServiceReport, HtmlEscapesHostileTextAndReferencesNothingOutside) {
    const std::string html = renderServiceReportHtml(test::reportInput(m_case, kHostileTitle));
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&amp; &quot;support&quot;"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html.find("src=\"file:"), std::string::npos);
    EXPECT_TRUE(onlyDataSources(html));
}

TEST_F(ServiceReport, HtmlIsTheSameBytesEveryTimeAndFastEnoughForABatch) {
    const ServiceReportInput input = test::reportInput(m_case, "Repeatable");
    const std::string first = renderServiceReportHtml(input); // warms up fonts and Qt's caches
    // CPU time rather than wall time: the machine running the tests may be shared.
    constexpr int kRuns = 3;
    const std::clock_t start = std::clock();
    for (int run = 0; run < kRuns; ++run)
        EXPECT_EQ(renderServiceReportHtml(input), first);
    const double milliseconds = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / kRuns;
    std::printf("one HTML report: %.0f ms of CPU, %zu bytes\n", milliseconds, first.size());
    // The audit renders thousands of reports (about 60 ms each measured here); a Debug build gets headroom.
    EXPECT_LT(milliseconds, 1000.0);
}

TEST_F(ServiceReport, SuppressedFigureIsNeverPrinted) {
    // The black group's 60 on good_health (base 6) is suppressed; its CI limits must not appear either.
    const std::string html = renderServiceReportHtml(test::reportInput(m_case, "Suppression"));
    EXPECT_NE(html.find("suppressed"), std::string::npos);
    EXPECT_EQ(html.find("42.36"), std::string::npos); // 60 - 1.96 x 9
}

std::string runPdfToText(const std::filesystem::path& pdf) {
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string text;
    std::array<char, 4096> buffer{};
    while (pipe && std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
        text += buffer.data();
    return text;
}

TEST_F(ServiceReport, PdfIsWrittenWithTheServiceAndIndex) {
    ASSERT_EQ(std::system("command -v pdftotext > /dev/null 2>&1"), 0)
        << "pdftotext is missing: install poppler-utils (scripts/install-deps) to check the PDF's text";
    const std::filesystem::path pdf = tempDir() / "report.pdf";
    writeServiceReportPdf(test::reportInput(m_case, "Northshire PDF report"), pdf);
    const std::string bytes = test::readFile(pdf);
    ASSERT_EQ(bytes.rfind("%PDF", 0), 0U);
    const std::string text = runPdfToText(pdf);
    EXPECT_NE(text.find("Northshire PDF report"), std::string::npos) << text.substr(0, 400);
    EXPECT_NE(text.find("adult_social_care"), std::string::npos);
    EXPECT_NE(text.find(formatNumber(*m_case.score.overall)), std::string::npos);
    if (const char* keep = std::getenv("CAPEQ_KEEP_SCREENSHOTS"); keep != nullptr && *keep != '\0') {
        std::filesystem::create_directories(keep);
        std::filesystem::copy_file(pdf, std::filesystem::path(keep) / "report.pdf",
                                   std::filesystem::copy_options::overwrite_existing);
        test::writeFile(std::filesystem::path(keep) / "report.html",
                        renderServiceReportHtml(test::reportInput(m_case, "Northshire PDF report")));
    }
}

TEST(OffscreenGuiTest, DoesNothingWhenAnApplicationExists) {
    const OffscreenGui inner; // the environment's application is already running
    SUCCEED();
}

} // namespace
} // namespace capeq::report
