// SPDX-License-Identifier: Apache-2.0
// The officer's whole journey, scripted offscreen through the real window: new assessment, import the
// demo evidence for one service, analysis, findings, PDF export (with the findings and action plan), save,
// and reopen equal to what was saved.
#include <capeq/assessment/assessment_file.hpp>

#include <QProcess>
#include <QStandardPaths>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <array>
#include <gtest/gtest.h>
#include <gui/models/assessment_document.hpp>
#include <gui/models/findings_model.hpp>
#include <gui/models/score_model.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/evidence_page.hpp>
#include <gui/widgets/findings_page.hpp>
#include <gui/widgets/main_window.hpp>
#include <gui/widgets/report_page.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

namespace {

class StudioEndToEndTest : public capeq::test::TempDirTest {
protected:
    QString path(const char* name) const { return QString::fromStdString((tempDir() / name).string()); }
};

std::string pdfText(const QString& pdf) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000))
        return {};
    return process.readAllStandardOutput().toStdString();
}

// The PDF's text in reading order with runs of whitespace collapsed: a table cell may wrap a sentence.
std::string flowingPdfText(const QString& pdf) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000))
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput()).simplified();
    // The PDF fonts' typographic ligatures (U+FB00-FB04), spelled out so sentences match as written.
    const std::array<const char*, 5> letters{"ff", "fi", "fl", "ffi", "ffl"};
    for (std::size_t i = 0; i < letters.size(); ++i)
        text.replace(QChar(static_cast<char16_t>(0xFB00 + i)), QLatin1String(letters[i]));
    return text.toStdString();
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

} // namespace

TEST_F(StudioEndToEndTest, NewImportAnalyseFindExportSaveReopen) {
    StudioOptions options;
    options.recoveryDirectory = path("recovery");
    MainWindow window(options);
    window.setUnsavedChangesQuestion([] { return MainWindow::UnsavedAnswer::Discard; });
    ASSERT_TRUE(window.loadCatalogue(capeq::test::sourceDir() / "indicators"));
    window.resize(1366, 768);
    window.show();

    // New assessment, as the wizard would return it.
    Assessment fresh;
    fresh.metadata.title = "Adult social care 2024/25";
    fresh.metadata.organisation = "Northshire County Council";
    fresh.metadata.service = "adult_social_care";
    fresh.metadata.period = "2024/25";
    fresh.scope.characteristics = {"sex", "age", "disability", "ethnicity_5"};
    ASSERT_TRUE(window.newAssessmentFrom(fresh));
    EXPECT_EQ(window.currentPage(), MainWindow::Evidence);
    EXPECT_TRUE(window.document()->isDirty());

    // Import the demo evidence: five services in the file, the assessment's one is kept.
    std::optional<bool> imported;
    QObject::connect(window.evidencePage(), &EvidencePage::importFinished, &window,
                     [&](bool ok, const QString&) { imported = ok; });
    window.evidencePage()->importFile(test::demoEvidencePath());
    ASSERT_TRUE(test::waitUntil([&] { return imported.has_value(); }));
    ASSERT_TRUE(*imported);
    const auto& rows = window.document()->assessment().evidence;
    ASSERT_FALSE(rows.empty());
    for (const EvidenceRow& row : rows)
        ASSERT_EQ(row.service.str(), "adult_social_care");
    EXPECT_EQ(window.document()->assessment().metadata.area, "E10999999") << "filled in from the evidence";

    // Analysis runs by itself on the worker thread.
    ASSERT_TRUE(test::waitUntil(
        [&] { return window.scores()->hasScore() && !window.analysisPage()->worker()->isBusy(); }));
    const QString index = window.scores()->overallText();
    EXPECT_TRUE(window.analysisPage()->headline().contains(index))
        << window.analysisPage()->headline().toStdString();
    const ServiceScore direct =
        scoreService(scoringRequestFor(window.document()->assessment(),
                                       std::make_shared<const Catalogue>(
                                           loadCatalogue(capeq::test::sourceDir() / "indicators")),
                                       defaultScoringSettings())
                         .toInput());
    EXPECT_EQ(window.scores()->score()->overall, direct.overall);
    // Drill down: clicking an indicator shows the core's explanation.
    const QModelIndex indicator =
        window.scores()->indexOfIndicator(QStringLiteral("control_over_daily_life"));
    ASSERT_TRUE(indicator.isValid());
    window.analysisPage()->tree()->setCurrentIndex(indicator);
    EXPECT_TRUE(window.analysisPage()->explanation().contains(QStringLiteral("disab")))
        << window.analysisPage()->explanation().toStdString();

    // Findings suggested from the gaps, one confirmed by the officer, an action planned.
    window.findingsPage()->applySuggestions();
    const auto& findings = window.document()->assessment().findings;
    ASSERT_EQ(findings.size(), 4u);
    const auto disability = std::find_if(findings.begin(), findings.end(),
                                         [](const Finding& f) { return f.characteristic == "disability"; });
    ASSERT_NE(disability, findings.end());
    EXPECT_EQ(disability->suggestedImpact, Impact::Negative);
    Finding confirmed = *disability;
    confirmed.confirmed = true;
    confirmed.narrative = "Disabled users have less control over daily life.";
    window.document()->setFinding(static_cast<std::size_t>(disability - findings.begin()), confirmed);
    window.document()->insertAction(0, Action{"Review care planning with disabled users", "disability",
                                              "Head of adult social care", "2025-09-30",
                                              ActionStatus::Planned, ""});

    // Report: the PDF names the service and shows the index the analysis shows.
    const QString pdf = path("report.pdf");
    QString error;
    ASSERT_TRUE(window.reportPage()->exportPdf(pdf, &error)) << error.toStdString();
    const std::string text = pdfText(pdf);
    ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) must be installed";
    EXPECT_NE(text.find("adult_social_care"), std::string::npos) << text.substr(0, 600);
    EXPECT_NE(text.find(index.toStdString()), std::string::npos) << index.toStdString() << "\n"
                                                                 << text.substr(0, 600);
    // ... and carries the officer's finding and the action plan.
    const std::string flowing = flowingPdfText(pdf);
    EXPECT_NE(flowing.find("Findings and action plan"), std::string::npos) << flowing;
    EXPECT_NE(flowing.find("Disabled users have less control over daily life."), std::string::npos)
        << flowing;
    EXPECT_NE(flowing.find("negative (confirmed by the assessing officer)"), std::string::npos) << flowing;
    EXPECT_TRUE(wordsInOrder(flowing, "Review care planning with disabled users")) << flowing;
    EXPECT_TRUE(wordsInOrder(flowing, "Head of adult social care")) << flowing;
    const QString html = path("report.html");
    ASSERT_TRUE(window.reportPage()->exportHtml(html, &error)) << error.toStdString();
    const std::string page = capeq::test::readFile(html.toStdString());
    EXPECT_NE(page.find("Review care planning with disabled users"), std::string::npos);
    EXPECT_NE(page.find("2025-09-30"), std::string::npos);

    // Save, reopen: equal to what was saved.
    const QString file = path("adult_social_care.capeq");
    ASSERT_TRUE(window.saveAs(file));
    EXPECT_FALSE(window.document()->isDirty());
    const Assessment saved = window.document()->assessment();
    EXPECT_TRUE(loadAssessment(file.toStdString()) == saved);
    MainWindow second(options);
    ASSERT_TRUE(second.loadCatalogue(capeq::test::sourceDir() / "indicators"));
    ASSERT_TRUE(second.openFile(file));
    EXPECT_TRUE(second.document()->assessment() == saved);
    EXPECT_FALSE(second.document()->isDirty());
    ASSERT_TRUE(test::waitUntil([&] { return second.scores()->hasScore(); }));
    EXPECT_EQ(second.scores()->overallText(), index);

    // Undo still walks back through the session's edits after saving.
    window.document()->undoStack()->undo();
    EXPECT_TRUE(window.document()->assessment().actions.empty());
    EXPECT_TRUE(window.document()->isDirty());
}

TEST_F(StudioEndToEndTest, UnsavedChangesAreAskedAboutAndCancelKeepsTheWork) {
    StudioOptions options;
    options.recoveryDirectory = path("recovery");
    MainWindow window(options);
    ASSERT_TRUE(window.loadCatalogue(capeq::test::sourceDir() / "indicators"));
    int asked = 0;
    window.setUnsavedChangesQuestion([&] {
        ++asked;
        return MainWindow::UnsavedAnswer::Cancel;
    });
    window.document()->setNotes("precious");
    EXPECT_FALSE(window.newAssessmentFrom(Assessment{}));
    EXPECT_FALSE(window.openFile(path("whatever.capeq")));
    window.show();
    EXPECT_FALSE(window.close()) << "close is refused while the answer is Cancel";
    EXPECT_EQ(asked, 3);
    EXPECT_EQ(window.document()->assessment().notes, "precious");

    window.setUnsavedChangesQuestion([] { return MainWindow::UnsavedAnswer::Discard; });
    EXPECT_TRUE(window.close());
}

} // namespace capeq::gui
