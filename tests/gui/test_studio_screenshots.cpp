// SPDX-License-Identifier: Apache-2.0
// Renders every page and chart view of the studio from the demo data at 1366x768, the smallest screen
// we design for, and checks none is blank. CAPEQ_KEEP_SCREENSHOTS=<folder> keeps the PNGs (scaled to
// 1000 px wide) for a person to look at; the user guide's pictures are made this way:
//   CAPEQ_KEEP_SCREENSHOTS=$PWD/docs/images ctest --test-dir build/studio -R StudioScreenshots
#include <QChart>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QPixmap>
#include <QSet>
#include <QTableView>
#include <QTreeView>

#include <gtest/gtest.h>
#include <gui/charts/chart_views.hpp>
#include <gui/models/assessment_document.hpp>
#include <gui/models/assessment_templates.hpp>
#include <gui/models/score_model.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/assessment_wizard.hpp>
#include <gui/widgets/catalogue_browser.hpp>
#include <gui/widgets/chart_panel.hpp>
#include <gui/widgets/evidence_page.hpp>
#include <gui/widgets/findings_page.hpp>
#include <gui/widgets/main_window.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

namespace {

constexpr int kShotWidth = 1000;

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// Share of sampled pixels that differ from the most common colour: near 0 for a blank render.
double inkShare(const QImage& image) {
    QHash<QRgb, int> counts;
    int total = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3, ++total)
            ++counts[image.pixel(x, y)];
    int most = 0;
    for (int n : counts)
        most = std::max(most, n);
    return total == 0 ? 0.0 : 1.0 - static_cast<double>(most) / total;
}

class StudioScreenshots : public capeq::test::TempDirTest {
protected:
    void SetUp() override {
        capeq::test::TempDirTest::SetUp();
        StudioOptions options;
        options.recoveryDirectory = QString::fromStdString((tempDir() / "recovery").string());
        m_window = std::make_unique<MainWindow>(options);
        m_window->setUnsavedChangesQuestion([] { return MainWindow::UnsavedAnswer::Discard; });
        ASSERT_TRUE(m_window->loadCatalogue(capeq::test::sourceDir() / "indicators"));
        m_window->resize(1366, 768);
        m_window->show();
    }
    void TearDown() override {
        m_window.reset();
        capeq::test::TempDirTest::TearDown();
    }

    void loadDemo() {
        Assessment demo = test::demoAssessment(*test::shippedCatalogue());
        demo.scope.characteristics.push_back("imd_quintile");
        demo.evidence = test::demoRows(*test::shippedCatalogue());
        ASSERT_TRUE(m_window->newAssessmentFrom(demo));
        ASSERT_TRUE(test::waitUntil(
            [&] { return m_window->scores()->hasScore() && !m_window->analysisPage()->worker()->isBusy(); }));
    }

    // Renders a widget, checks it is not blank, and keeps it when asked.
    void shoot(QWidget* widget, const QString& name, int minimumColours = 40) {
        QCoreApplication::processEvents();
        const QImage image = widget->grab().toImage();
        EXPECT_GT(distinctColours(image), minimumColours) << name.toStdString();
        EXPECT_GT(inkShare(image), 0.02) << name.toStdString();
        if (const QString folder = qEnvironmentVariable("CAPEQ_KEEP_SCREENSHOTS"); !folder.isEmpty()) {
            QDir().mkpath(folder);
            const QImage small = image.width() > kShotWidth
                                     ? image.scaledToWidth(kShotWidth, Qt::SmoothTransformation)
                                     : image;
            EXPECT_TRUE(small.save(folder + QLatin1Char('/') + name, "PNG"));
        }
    }

    // The spine chart and funnel plot compare the service with other areas, and the intersection view
    // reads crossed rows: adds the regulator batch's areas and the synthetic sex x ethnicity rows, then
    // waits for the rescore.
    void addComparisonEvidence() {
        std::vector<EvidenceRow> rows = m_window->document()->assessment().evidence;
        for (std::vector<EvidenceRow> more :
             {test::regulatorRows(*test::shippedCatalogue()), test::syntheticIntersectionRows()})
            rows.insert(rows.end(), more.begin(), more.end());
        int scored = 0;
        const QMetaObject::Connection counting = QObject::connect(
            m_window->analysisPage(), &AnalysisPage::scored, m_window.get(), [&] { ++scored; });
        m_window->document()->replaceEvidence(std::move(rows), QStringLiteral("Add comparison evidence"));
        ASSERT_TRUE(
            test::waitUntil([&] { return scored > 0 && !m_window->analysisPage()->worker()->isBusy(); }));
        QObject::disconnect(counting);
    }

    // Each new view drew its data: the series and legend entries that only real data produces.
    static void expectComparisonViews(AnalysisPage& analysis) {
        auto* panel = qobject_cast<ChartPanel*>(analysis.charts());
        ASSERT_NE(panel, nullptr);
        const std::shared_ptr<const Catalogue> catalogue = test::shippedCatalogue();
        const Indicator* control = catalogue->findIndicator(IndicatorId{"control_over_daily_life"});
        ASSERT_NE(control, nullptr);
        EXPECT_TRUE(panel->funnelChoices().contains(QString::fromStdString(control->title)))
            << panel->funnelChoices().join(QLatin1Char('|')).toStdString();
        EXPECT_EQ(panel->intersectionChoices().size(), 1)
            << panel->intersectionChoices().join(QLatin1Char('|')).toStdString();
        const auto seriesNames = [](QChartView* view) {
            QStringList names;
            for (const QAbstractSeries* series : view->chart()->series())
                names << series->name();
            return names;
        };
        auto* spine = panel->findChild<SpineChartView*>();
        auto* funnel = panel->findChild<FunnelChartView*>();
        auto* intersection = panel->findChild<IntersectionChartView*>();
        ASSERT_TRUE(spine != nullptr && funnel != nullptr && intersection != nullptr);
        EXPECT_TRUE(spine->chart()->title().contains(QStringLiteral("adult_social_care (E10999999)")))
            << spine->chart()->title().toStdString();
        EXPECT_TRUE(seriesNames(spine).filter(QStringLiteral("Range of all services")).size() == 1);
        const QStringList funnelSeries = seriesNames(funnel);
        EXPECT_TRUE(funnelSeries.contains(QStringLiteral("95% limits (dashed)")));
        EXPECT_TRUE(funnelSeries.contains(QStringLiteral("99.8% limits (dotted)")));
        EXPECT_TRUE(funnelSeries.contains(QStringLiteral("This service (ringed)")));
        EXPECT_TRUE(seriesNames(intersection)
                        .contains(QStringLiteral("Suppressed by the disclosure rule (hatched)")));
        EXPECT_TRUE(intersection->explanation().contains(QStringLiteral("suppressed")));
    }

    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(StudioScreenshots, EveryPageAndChartRendersFromTheDemoData) {
    m_window->showPage(MainWindow::Start);
    shoot(m_window.get(), QStringLiteral("studio_start.png"), 20);

    AssessmentWizard wizard(*test::shippedCatalogue(), assessmentTemplates()[1].prefill, m_window.get());
    wizard.show();
    wizard.next();
    wizard.next();
    wizard.next();
    shoot(&wizard, QStringLiteral("studio_wizard.png"), 20);
    wizard.close();

    loadDemo();
    m_window->showPage(MainWindow::Details);
    shoot(m_window.get(), QStringLiteral("studio_details.png"), 20);

    m_window->showPage(MainWindow::Evidence);
    m_window->catalogueBrowser()->selectIndicator(QStringLiteral("control_over_daily_life"));
    shoot(m_window.get(), QStringLiteral("studio_evidence.png"));

    // An import with problems: nothing is imported, each problem shown against its row.
    const auto broken = tempDir() / "broken.csv";
    std::string csv = capeq::test::readFile(test::demoEvidencePath().toStdString());
    csv = csv.substr(0, csv.find('\n', 3000) + 1);
    const auto at = csv.find(",69.46,");
    ASSERT_NE(at, std::string::npos);
    csv.replace(at, 7, ",169.46,");
    capeq::test::writeFile(broken, csv);
    std::optional<bool> imported;
    QObject::connect(m_window->evidencePage(), &EvidencePage::importFinished, m_window.get(),
                     [&](bool ok, const QString&) { imported = ok; });
    m_window->evidencePage()->importFile(QString::fromStdString(broken.string()));
    ASSERT_TRUE(test::waitUntil([&] { return imported.has_value(); }));
    EXPECT_FALSE(*imported);
    EXPECT_GT(m_window->evidencePage()->problemList()->count(), 0);
    m_window->evidencePage()->problemList()->setCurrentRow(0);
    shoot(m_window.get(), QStringLiteral("studio_import_problems.png"));

    addComparisonEvidence();
    m_window->showPage(MainWindow::Analysis);
    AnalysisPage* analysis = m_window->analysisPage();
    analysis->tree()->setCurrentIndex(
        m_window->scores()->indexOfIndicator(QStringLiteral("control_over_daily_life")));
    const QStringList files{QStringLiteral("wheel"),        QStringLiteral("heat_map"),
                            QStringLiteral("gap"),          QStringLiteral("trend"),
                            QStringLiteral("intersection"), QStringLiteral("coverage"),
                            QStringLiteral("spine"),        QStringLiteral("funnel"),
                            QStringLiteral("equiplot"),     QStringLiteral("flags")};
    ASSERT_EQ(analysis->charts()->count(), files.size());
    for (int tab = 0; tab < analysis->charts()->count(); ++tab) {
        analysis->charts()->setCurrentIndex(tab);
        shoot(m_window.get(), QStringLiteral("studio_analysis_%1.png").arg(files.value(tab)));
        // The chart alone, too: a blank chart in a busy window would otherwise pass.
        shoot(analysis->charts()->currentWidget(),
              QStringLiteral("studio_chart_%1.png").arg(files.value(tab)), 8);
    }
    expectComparisonViews(*analysis);

    m_window->findingsPage()->applySuggestions();
    m_window->document()->insertAction(0, Action{"Review care planning with disabled users", "disability",
                                                 "Head of adult social care", "2025-09-30",
                                                 ActionStatus::Planned, ""});
    m_window->document()->insertMitigation(
        0, Mitigation{"disability", "Offer an advocate at every care review."});
    m_window->showPage(MainWindow::Findings);
    shoot(m_window.get(), QStringLiteral("studio_findings.png"));

    m_window->showPage(MainWindow::Report);
    shoot(m_window.get(), QStringLiteral("studio_report.png"), 20);
}

} // namespace capeq::gui
