// SPDX-License-Identifier: Apache-2.0
// The report's findings and action plan: per characteristic the impact, evidence and mitigation, and the
// actions with owner, due date and status, in the HTML and the PDF; officers' text is escaped; a report
// made without an assessment says so.
#include "report_fixture.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <memory>
#include <report/service_report.hpp>
#include <support/test_support.hpp>
#include <utility>
#include <vector>

namespace capeq::report {
namespace {

std::string runCommand(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string output;
    std::array<char, 4096> buffer{};
    while (pipe && std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
        output += buffer.data();
    return output;
}

// pdftotext's text with runs of whitespace collapsed to one space and the typographic ligatures the PDF
// fonts use (U+FB00-FB04: ff, fi, fl, ffi, ffl) spelled out, so sentences can be searched for as written.
std::string collapseWhitespace(const std::string& raw) {
    std::string text = raw;
    for (const auto& [ligature, letters] :
         std::vector<std::pair<std::string, std::string>>{{"\xEF\xAC\x80", "ff"},
                                                          {"\xEF\xAC\x81", "fi"},
                                                          {"\xEF\xAC\x82", "fl"},
                                                          {"\xEF\xAC\x83", "ffi"},
                                                          {"\xEF\xAC\x84", "ffl"}})
        for (std::size_t at = text.find(ligature); at != std::string::npos; at = text.find(ligature, at))
            text.replace(at, ligature.size(), letters);
    std::string collapsed;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (!space)
            collapsed += c;
        else if (!collapsed.empty() && collapsed.back() != ' ')
            collapsed += ' ';
    }
    return collapsed;
}

// Whether the words of phrase appear in order: a PDF table cell wraps its text, and pdftotext may put a
// neighbouring cell's words between the lines.
bool wordsInOrder(const std::string& text, const std::string& phrase) {
    std::size_t at = 0;
    std::size_t start = 0;
    while (start < phrase.size()) {
        const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
        at = text.find(phrase.substr(start, end - start), at);
        if (at == std::string::npos)
            return false;
        start = end + 1;
    }
    return true;
}

ReportFindings sampleJudgement() {
    ReportFindings judgement;
    Finding disability;
    disability.characteristic = "disability";
    disability.suggestedImpact = Impact::Negative;
    disability.impact = Impact::Negative;
    disability.confirmed = true;
    disability.evidence = "Good health: disabled 58% against 77% for people who are not disabled";
    disability.narrative = "Care reviews rarely offer an advocate.";
    Finding sex;
    sex.characteristic = "sex";
    sex.suggestedImpact = Impact::Neutral;
    judgement.findings = {disability, sex};
    judgement.mitigations = {Mitigation{"disability", "Offer an advocate at every care review."}};
    judgement.actions = {Action{"Review care planning with disabled users", "disability",
                                "Head of adult social care", "2025-09-30", ActionStatus::InProgress, ""},
                         Action{"Publish <script>alert('owned')</script> results", "", "Comms & engagement",
                                "2025-12-01", ActionStatus::Planned, "Quarterly"}};
    return judgement;
}

class ReportFindingsTest : public test::TempDirTest {
protected:
    test::ReportCase m_case = test::makeReportCase();

    ServiceReportInput inputWithJudgement() const {
        ServiceReportInput input = test::reportInput(m_case, "Northshire findings");
        input.assessment = sampleJudgement();
        return input;
    }
};

TEST_F(ReportFindingsTest, HtmlHasEachCharacteristicsFindingMitigationAndActions) {
    const std::string html = renderServiceReportHtml(inputWithJudgement());
    const std::size_t section = html.find("<h2>Findings and action plan</h2>");
    ASSERT_NE(section, std::string::npos);
    // After the flags, before the method.
    EXPECT_LT(html.find("<h2>Flags</h2>"), section);
    EXPECT_GT(html.find("<h2>Method</h2>"), section);
    const std::string part = html.substr(section, html.find("<h2>Method</h2>") - section);
    EXPECT_NE(part.find("<h3>Disability</h3>"), std::string::npos);
    EXPECT_NE(part.find("negative (confirmed by the assessing officer)"), std::string::npos);
    EXPECT_NE(part.find("disabled 58% against 77%"), std::string::npos);
    EXPECT_NE(part.find("Care reviews rarely offer an advocate."), std::string::npos);
    EXPECT_NE(part.find("Offer an advocate at every care review."), std::string::npos);
    EXPECT_NE(part.find("Review care planning with disabled users"), std::string::npos);
    EXPECT_NE(part.find("Head of adult social care"), std::string::npos);
    EXPECT_NE(part.find("2025-09-30"), std::string::npos);
    EXPECT_NE(part.find("in progress"), std::string::npos);
    // Sex: the officer has not judged it yet, and the report says what the evidence suggests.
    EXPECT_NE(part.find("<h3>Sex</h3>"), std::string::npos);
    EXPECT_NE(part.find("not yet judged; the evidence suggests neutral"), std::string::npos);
    // The action naming no characteristic is listed under all characteristics, last.
    EXPECT_GT(part.find("<h3>All characteristics</h3>"), part.find("<h3>Sex</h3>"));
}

TEST_F(ReportFindingsTest, OfficersTextIsEscaped) {
    const std::string html = renderServiceReportHtml(inputWithJudgement());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("Publish &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; results"),
              std::string::npos);
    EXPECT_NE(html.find("Comms &amp; engagement"), std::string::npos);
}

TEST_F(ReportFindingsTest, ReportWithoutAnAssessmentSaysItHasNoFindings) {
    const std::string html = renderServiceReportHtml(test::reportInput(m_case, "Audit report"));
    EXPECT_NE(html.find("<h2>Findings and action plan</h2>"), std::string::npos);
    EXPECT_NE(html.find("without an equality assessment"), std::string::npos);
    ServiceReportInput empty = test::reportInput(m_case, "Empty assessment");
    empty.assessment = ReportFindings{};
    EXPECT_NE(renderServiceReportHtml(empty).find("No findings, mitigations or actions have been recorded"),
              std::string::npos);
}

TEST_F(ReportFindingsTest, PdfCarriesTheFindingsAndActionPlan) {
    ASSERT_EQ(std::system("command -v pdftotext > /dev/null 2>&1"), 0)
        << "pdftotext is missing: install poppler-utils (scripts/install-deps) to check the PDF's text";
    const std::filesystem::path pdf = tempDir() / "findings.pdf";
    writeServiceReportPdf(inputWithJudgement(), pdf);
    // Reading order without -layout, whitespace collapsed: a table cell may wrap a sentence over lines.
    const std::string text = collapseWhitespace(runCommand("pdftotext '" + pdf.string() + "' - 2>&1"));
    EXPECT_NE(text.find("Findings and action plan"), std::string::npos) << text.substr(0, 400);
    EXPECT_TRUE(wordsInOrder(text, "Review care planning with disabled users")) << text;
    EXPECT_TRUE(wordsInOrder(text, "Head of adult social care")) << text;
    EXPECT_NE(text.find("Offer an advocate at every care review."), std::string::npos) << text;
    EXPECT_NE(text.find("confirmed by the assessing officer"), std::string::npos) << text;
    if (const char* keep = std::getenv("CAPEQ_KEEP_SCREENSHOTS"); keep != nullptr && *keep != '\0') {
        std::filesystem::create_directories(keep);
        std::filesystem::copy_file(pdf, std::filesystem::path(keep) / "report_findings.pdf",
                                   std::filesystem::copy_options::overwrite_existing);
    }
}

} // namespace
} // namespace capeq::report
