// SPDX-License-Identifier: Apache-2.0
// No suppressed figure reaches the per-service report (HTML and PDF, as the studio and the audit write it)
// or any chart, and none can be recovered from the figures they do show. The evidence is one service's
// table with two small cells whose figures are numbers that appear nowhere else.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/scoring/scorer.hpp>

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QProcess>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <report/chart_mapping.hpp>
#include <report/charts.hpp>
#include <report/service_report.hpp>
#include <string>
#include <support/small_cells.hpp>
#include <support/test_support.hpp>
#include <tuple>
#include <vector>

namespace capeq::report {
namespace {

namespace fs = std::filesystem;

// The small-cells table of tests/support/small_cells.hpp (also fed through the CLI in
// tests/cli/test_cli_disclosure.cpp).
using capeq::test::findNumber;
using capeq::test::kSmallCellsCsv;
using capeq::test::secretNumbers;
using capeq::test::secretTexts;

class NoDisclosureReports : public test::TempDirTest {
protected:
    void SetUp() override {
        test::TempDirTest::SetUp();
        const fs::path file = tempDir() / "small_cells.csv";
        test::writeFile(file, kSmallCellsCsv);
        m_rows = readEvidenceFile(file, m_catalogue).rows;
        const DisclosureOutcome outcome = applyDisclosureControl(m_rows, DisclosurePolicy{});
        m_suppression = indexSuppression(m_rows, outcome);
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (outcome.isSuppressed(i))
                m_suppressed.push_back(m_rows[i]);
        const ScoreInput input{m_catalogue,
                               ServiceId{"adult_social_care"},
                               AreaCode{"E10999999"},
                               "2024/25",
                               m_rows,
                               {},
                               {},
                               ScoringProfile{},
                               WeightProfile{},
                               RuleSet{},
                               DisclosurePolicy{}};
        m_score = scoreService(input);
    }

    void expectNoSecretText(const std::string& text, const std::string& what) const {
        ASSERT_FALSE(text.empty()) << what;
        for (const std::string& secret : secretTexts(m_suppressed, m_rows)) {
            const auto at = findNumber(text, secret);
            EXPECT_EQ(at, std::string::npos)
                << what << " shows " << secret << ": ..." << text.substr(at > 80 ? at - 80 : 0, 160) << "...";
        }
    }

    // Every number a chart plots and every text it shows (series, bar sets, axes and categories).
    // Returns how many numbers the chart plots.
    std::size_t expectNoSecretInChart(const QChart& chart, const std::string& what) const {
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
            if (const auto* boxes = qobject_cast<const QBoxPlotSeries*>(series))
                for (const QBoxSet* set : boxes->boxSets()) {
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
        expectNoSecretText(texts.join(QLatin1Char('|')).toStdString(), what + " (texts)");
        return plotted.size();
    }

    ServiceReportInput reportInput() const {
        ServiceReportInput input(m_catalogue, m_score);
        input.rows = m_rows;
        input.disclosure = DisclosurePolicy{};
        input.provenance.disclosureRule = DisclosurePolicy{}.describe();
        input.title = "Northshire County Council - Adult social care, 2024/25";
        return input;
    }

    Catalogue m_catalogue = loadCatalogue(test::sourceDir() / "indicators");
    std::vector<EvidenceRow> m_rows;
    std::vector<EvidenceRow> m_suppressed;
    SuppressionIndex m_suppression;
    ServiceScore m_score;
};

TEST_F(NoDisclosureReports, TheSmallCellsAndEnoughOthersAreSuppressed) {
    std::vector<std::string> groups;
    for (const EvidenceRow& row : m_suppressed)
        groups.push_back(row.group.str());
    // disabled and black by the rule; not_disabled, disabled's only complement, with it; black's secondary
    // partner is suppression's choice.
    EXPECT_NE(std::find(groups.begin(), groups.end(), "disabled"), groups.end());
    EXPECT_NE(std::find(groups.begin(), groups.end(), "not_disabled"), groups.end());
    EXPECT_NE(std::find(groups.begin(), groups.end(), "black"), groups.end());
    EXPECT_GE(groups.size(), 4u);
    // No margin gives a suppressed cell back: with the whole population published, each table has no
    // suppressed group or at least two.
    for (const char* characteristic : {"sex", "disability", "ethnicity_5"}) {
        const auto count = std::count_if(m_suppressed.begin(), m_suppressed.end(), [&](const EvidenceRow& r) {
            return r.characteristic.str() == characteristic;
        });
        EXPECT_NE(count, 1) << characteristic;
    }
    EXPECT_FALSE(secretTexts(m_suppressed, m_rows).empty());
}

TEST_F(NoDisclosureReports, ServiceReportHtmlShowsNoSuppressedFigure) {
    const OffscreenGui gui;
    const std::string html = renderServiceReportHtml(reportInput());
    // Base64 images have no '.', so a figure found is one printed in the text.
    expectNoSecretText(html, "service report HTML");
    EXPECT_NE(html.find(capeq::test::fixedDecimals(69.461, 1)), std::string::npos)
        << "the published whole population is shown";
}

TEST_F(NoDisclosureReports, ServiceReportPdfShowsNoSuppressedFigure) {
    const OffscreenGui gui;
    const fs::path pdf = tempDir() / "report.pdf";
    writeServiceReportPdf(reportInput(), pdf);
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), QString::fromStdString(pdf.string()), QStringLiteral("-")});
    ASSERT_TRUE(process.waitForFinished(60000));
    const std::string text = process.readAllStandardOutput().toStdString();
    ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) must be installed";
    expectNoSecretText(text, "service report PDF");
    EXPECT_NE(text.find(capeq::test::fixedDecimals(69.461, 1)), std::string::npos)
        << "the published whole population is shown";
}

TEST_F(NoDisclosureReports, NoChartPlotsOrLabelsASuppressedFigure) {
    const OffscreenGui gui;
    const IndicatorId indicator{"control_over_daily_life"};
    const auto scored = std::find_if(m_score.indicators.begin(), m_score.indicators.end(),
                                     [&](const IndicatorScore& s) { return s.indicator == indicator; });
    ASSERT_NE(scored, m_score.indicators.end());
    int gapCharts = 0;
    for (const CharacteristicEquality& equality : scored->characteristics) {
        // With and without the suppression index: the scorer's own mark must be enough.
        for (const SuppressionIndex& index : {m_suppression, SuppressionIndex{}}) {
            const GapChartData data = gapChartFor(*scored, equality.characteristic, m_catalogue, index);
            for (const GapGroup& group : data.groups) {
                if (group.suppression.suppressed) {
                    EXPECT_FALSE(group.figure.value || group.figure.lower || group.figure.upper)
                        << group.code;
                }
            }
            EXPECT_GT(
                expectNoSecretInChart(*buildGapChart(data), "gap chart " + equality.characteristic.str()),
                0u);
            ++gapCharts;
        }
        for (const SuppressionIndex& index : {m_suppression, SuppressionIndex{}})
            expectNoSecretInChart(
                *buildEquiplotChart(equiplotFrom(m_score, equality.characteristic, m_catalogue, index)),
                "equiplot " + equality.characteristic.str());
        expectNoSecretInChart(*buildTrendChart(trendFromRows(m_rows, m_catalogue, indicator,
                                                             equality.characteristic, DisclosurePolicy{})),
                              "trend " + equality.characteristic.str());
    }
    EXPECT_GE(gapCharts, 4) << "disability and ethnicity at least";
    expectNoSecretInChart(*buildWheelChart(wheelFromScore(m_score, m_catalogue)), "wheel");
    expectNoSecretInChart(*buildHeatMapChart(heatMapFromScore(m_score, m_catalogue)), "heat map");
    expectNoSecretInChart(*buildCoverageChart(coverageFromScore(m_score, m_catalogue)), "coverage");
    expectNoSecretInChart(*buildTrendChart(trendFromHistory({}, m_score, m_catalogue)), "index trend");
}

TEST_F(NoDisclosureReports, IntersectionCellsAndTheirMarginsStayHidden) {
    std::vector<EvidenceRow> rows = m_rows;
    // A crossed table whose small cells (the two black ones, bases 4 and 5) would be its margins'
    // differences.
    const std::vector<std::tuple<std::string, double, double>> cells = {
        {"female*black", 43.219, 4}, {"male*black", 39.871, 5},    {"female*white", 71.356, 520},
        {"male*white", 69.012, 510}, {"female*asian", 65.538, 79}, {"male*asian", 67.904, 71}};
    for (const auto& [group, value, base] : cells) {
        EvidenceRow cell = m_rows.front();
        cell.characteristic = CharacteristicId{"sex*ethnicity_5"};
        cell.group = GroupCode{group};
        cell.value = value;
        cell.standardError = 2.0;
        cell.lowerCi = value - 3.92;
        cell.upperCi = value + 3.92;
        cell.sampleSize = base;
        cell.populationShare.reset();
        rows.push_back(cell);
    }
    const IntersectionData data =
        intersectionFrom(rows, m_catalogue, IndicatorId{"control_over_daily_life"}, CharacteristicId{"sex"},
                         CharacteristicId{"ethnicity_5"}, DisclosurePolicy{});
    auto chart = buildIntersectionChart(data);
    std::vector<double> plotted;
    for (QAbstractSeries* series : chart->series())
        if (const auto* xy = qobject_cast<const QXYSeries*>(series))
            for (const QPointF& point : xy->points())
                plotted.insert(plotted.end(), {point.x(), point.y()});
    for (const double secret : {43.219, 39.871, 43.219 - 3.92, 43.219 + 3.92})
        for (const double number : plotted)
            EXPECT_GT(std::fabs(number - secret), 5e-4) << "the intersection chart plots " << number;
    expectNoSecretInChart(*chart, "intersection");
}

} // namespace
} // namespace capeq::report
