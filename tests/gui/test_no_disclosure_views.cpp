// SPDX-License-Identifier: Apache-2.0
// The studio's analysis views, rendered offscreen, show no suppressed figure: the score tree (every
// column and tooltip), the explanation of every score, the flags, every chart tab with each of its choices
// (plotted numbers, series, axis and category labels), and the reports it exports. The evidence is one
// service's table with two small cells whose figures are numbers that appear nowhere else.
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/evidence/evidence_reader.hpp>

#include <QAbstractBarSeries>
#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QListView>
#include <QProcess>
#include <QTabWidget>
#include <QTreeView>
#include <QXYSeries>

#include <cmath>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <gui/models/score_model.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/main_window.hpp>
#include <gui/widgets/report_page.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <string>
#include <support/small_cells.hpp>
#include <vector>

namespace capeq::gui {
namespace {

namespace fs = std::filesystem;

// The small-cells table of tests/support/small_cells.hpp (also fed through the CLI in
// tests/cli/test_cli_disclosure.cpp).
using ::capeq::test::findNumber;
using ::capeq::test::kSmallCellsCsv;
using ::capeq::test::secretNumbers;
using ::capeq::test::secretTexts;

class NoDisclosureViews : public capeq::test::TempDirTest {
protected:
    void SetUp() override {
        capeq::test::TempDirTest::SetUp();
        const fs::path file = tempDir() / "small_cells.csv";
        capeq::test::writeFile(file, kSmallCellsCsv);
        m_catalogue = test::shippedCatalogue();
        m_rows = readEvidenceFile(file, *m_catalogue).rows;
        const DisclosureOutcome outcome = applyDisclosureControl(m_rows, DisclosurePolicy{});
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (outcome.isSuppressed(i))
                m_suppressed.push_back(m_rows[i]);
        ASSERT_GE(m_suppressed.size(), 4u) << "disabled, black and at least one complement of each";

        StudioOptions options;
        options.recoveryDirectory = QString::fromStdString((tempDir() / "recovery").string());
        m_window = std::make_unique<MainWindow>(options);
        m_window->setUnsavedChangesQuestion([] { return MainWindow::UnsavedAnswer::Discard; });
        ASSERT_TRUE(m_window->loadCatalogue(capeq::test::sourceDir() / "indicators"));
        m_window->resize(1366, 768);
        m_window->show();
        Assessment assessment;
        assessment.metadata.title = "Adult social care 2024/25";
        assessment.metadata.organisation = "Northshire County Council";
        assessment.metadata.service = "adult_social_care";
        assessment.metadata.area = "E10999999";
        assessment.metadata.period = "2024/25";
        assessment.scope.characteristics = {"sex", "disability", "ethnicity_5"};
        assessment.evidence = m_rows;
        ASSERT_TRUE(m_window->newAssessmentFrom(assessment));
        ASSERT_TRUE(test::waitUntil([this] {
            return m_window->scores()->hasScore() && !m_window->analysisPage()->worker()->isBusy();
        }));
    }

    void expectNoSecretText(const QString& shown, const std::string& what) const {
        const std::string text = shown.toStdString();
        for (const std::string& secret : secretTexts(m_suppressed, m_rows)) {
            const auto at = findNumber(text, secret);
            EXPECT_EQ(at, std::string::npos)
                << what << " shows " << secret << ": ..." << text.substr(at > 80 ? at - 80 : 0, 160) << "...";
        }
    }

    void expectNoSecretInChart(const QChart& chart, const std::string& what) const {
        std::vector<double> plotted;
        QStringList texts{chart.title()};
        for (QAbstractSeries* series : chart.series()) {
            texts << series->name();
            if (const auto* xy = qobject_cast<const QXYSeries*>(series)) {
                texts << xy->pointLabelsFormat();
                for (const QPointF& point : xy->points())
                    plotted.insert(plotted.end(), {point.x(), point.y()});
            }
            if (const auto* area = qobject_cast<const QAreaSeries*>(series))
                for (const QXYSeries* edge : {static_cast<QXYSeries*>(area->upperSeries()),
                                              static_cast<QXYSeries*>(area->lowerSeries())})
                    if (edge != nullptr)
                        for (const QPointF& point : edge->points())
                            plotted.insert(plotted.end(), {point.x(), point.y()});
            if (const auto* bars = qobject_cast<const QAbstractBarSeries*>(series))
                for (const QBarSet* set : bars->barSets()) {
                    texts << set->label();
                    for (int i = 0; i < set->count(); ++i)
                        plotted.push_back(set->at(i));
                }
        }
        for (QAbstractAxis* axis : chart.axes()) {
            texts << axis->titleText();
            if (auto* categories = qobject_cast<QCategoryAxis*>(axis))
                texts << categories->categoriesLabels();
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                texts << categories->categories();
        }
        for (const double secret : secretNumbers(m_suppressed, m_rows))
            for (const double number : plotted)
                EXPECT_GT(std::fabs(number - secret), 5e-4) << what << " plots " << number;
        expectNoSecretText(texts.join(QLatin1Char('|')), what + " (texts)");
    }

    // Every cell of the score tree, in the roles a user can see.
    QString treeText(const QAbstractItemModel& model, const QModelIndex& parent = {}) const {
        QString text;
        for (int row = 0; row < model.rowCount(parent); ++row) {
            for (int column = 0; column < model.columnCount(parent); ++column)
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::StatusTipRole),
                                       int(Qt::AccessibleTextRole), int(Qt::WhatsThisRole)})
                    text += model.data(model.index(row, column, parent), role).toString() + QLatin1Char('|');
            text += treeText(model, model.index(row, 0, parent));
        }
        return text;
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    std::vector<EvidenceRow> m_rows;
    std::vector<EvidenceRow> m_suppressed;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(NoDisclosureViews, ScoreTreeExplanationsAndFlagsShowNoSuppressedFigure) {
    AnalysisPage* analysis = m_window->analysisPage();
    const QString tree = treeText(*m_window->scores());
    EXPECT_FALSE(tree.isEmpty());
    expectNoSecretText(tree, "score tree");
    expectNoSecretText(analysis->headline(), "headline");
    // The explanation of every score row, including each indicator's group figures.
    int explained = 0;
    std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_window->scores()->rowCount(parent); ++row) {
            const QModelIndex index = m_window->scores()->index(row, 0, parent);
            analysis->tree()->setCurrentIndex(index);
            QCoreApplication::processEvents();
            expectNoSecretText(analysis->explanation(),
                               "explanation of " + index.data().toString().toStdString());
            ++explained;
            visit(index);
        }
    };
    visit({});
    EXPECT_GT(explained, 3);
    // The explanations do show the published groups' figures (female: 71.103).
    analysis->tree()->setCurrentIndex(
        m_window->scores()->indexOfIndicator(QStringLiteral("control_over_daily_life")));
    EXPECT_NE(findNumber(analysis->explanation().toStdString(), ::capeq::test::fixedDecimals(71.103, 2)),
              std::string::npos)
        << analysis->explanation().toStdString();
    const QAbstractItemModel* flags = analysis->flagList()->model();
    ASSERT_NE(flags, nullptr);
    EXPECT_GT(flags->rowCount(), 0) << "the small-cells table raises flags on its published groups";
    for (int i = 0; i < flags->rowCount(); ++i) {
        const QModelIndex flag = flags->index(i, 0);
        expectNoSecretText(flag.data(Qt::DisplayRole).toString() + flag.data(Qt::ToolTipRole).toString(),
                           "flag list");
    }
    for (const QLabel* label : analysis->findChildren<QLabel*>())
        expectNoSecretText(label->text() + label->toolTip(), "label");
}

TEST_F(NoDisclosureViews, EveryChartTabAndChoiceShowsNoSuppressedFigure) {
    AnalysisPage* analysis = m_window->analysisPage();
    // The gap chart follows the indicator selected in the tree.
    analysis->tree()->setCurrentIndex(
        m_window->scores()->indexOfIndicator(QStringLiteral("control_over_daily_life")));
    QTabWidget* tabs = analysis->charts();
    int charts = 0;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        QWidget* page = tabs->widget(tab);
        const auto inspect = [&](const std::string& what) {
            QCoreApplication::processEvents();
            for (const QChartView* view : page->findChildren<QChartView*>())
                if (view->chart() != nullptr) {
                    expectNoSecretInChart(*view->chart(), what);
                    ++charts;
                }
            for (const QLabel* label : page->findChildren<QLabel*>())
                expectNoSecretText(label->text() + label->toolTip(), what + " label");
        };
        const std::string name = tabs->tabText(tab).toStdString();
        inspect(name);
        for (QComboBox* choice : page->findChildren<QComboBox*>())
            for (int i = 0; i < choice->count(); ++i) {
                choice->setCurrentIndex(i);
                inspect(name + ": " + choice->itemText(i).toStdString());
            }
    }
    // Wheel, heat map, gap chart, trend, coverage and equiplot draw one service; the intersection, spine and
    // funnel views need crossed characteristics or other services, which this evidence has not.
    EXPECT_GE(charts, 6);
}

TEST_F(NoDisclosureViews, ReportsExportedFromTheStudioShowNoSuppressedFigure) {
    const QString html = QString::fromStdString((tempDir() / "report.html").string());
    const QString pdf = QString::fromStdString((tempDir() / "report.pdf").string());
    QString error;
    ASSERT_TRUE(m_window->reportPage()->exportHtml(html, &error)) << error.toStdString();
    ASSERT_TRUE(m_window->reportPage()->exportPdf(pdf, &error)) << error.toStdString();
    expectNoSecretText(QString::fromStdString(capeq::test::readFile(html.toStdString())),
                       "studio HTML report");
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    ASSERT_TRUE(process.waitForFinished(60000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    ASSERT_FALSE(text.isEmpty()) << "pdftotext (poppler-utils) must be installed";
    expectNoSecretText(text, "studio PDF report");
}

} // namespace
} // namespace capeq::gui
