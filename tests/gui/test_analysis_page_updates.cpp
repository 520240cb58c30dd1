// SPDX-License-Identifier: Apache-2.0
// The analysis page takes in a new score lazily: only the visible chart tab is redrawn, another tab is
// drawn when shown and then with the newest score (never the stale one), and the comparison views' evidence
// is read only when one of them is shown. The flags list shows every flag of the newest score, and
// activating one selects its indicator and shows its gap chart.
#include <capeq/scoring/explain.hpp>

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QListView>
#include <QPointer>
#include <QTreeView>
#include <QXYSeries>

#include <algorithm>
#include <gtest/gtest.h>
#include <gui/charts/chart_views.hpp>
#include <gui/models/assessment_document.hpp>
#include <gui/models/flag_list_model.hpp>
#include <gui/models/score_model.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/chart_panel.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

namespace {

// What a chart draws: its title, and each series' name and points or bar values. Two charts with the same
// fingerprint show the same data.
QStringList fingerprint(const QChart* chart) {
    QStringList parts{chart->title()};
    for (const QAbstractSeries* series : chart->series()) {
        parts << series->name();
        if (const auto* xy = qobject_cast<const QXYSeries*>(series))
            for (const QPointF& point : xy->points())
                parts << QStringLiteral("%1,%2").arg(point.x()).arg(point.y());
        if (const auto* bars = qobject_cast<const QAbstractBarSeries*>(series))
            for (const QBarSet* set : bars->barSets())
                for (int i = 0; i < set->count(); ++i)
                    parts << set->label() + QString::number(set->at(i));
    }
    return parts;
}

class AnalysisPageUpdates : public ::testing::Test {
protected:
    void SetUp() override {
        // With other areas' figures, so the spine chart has something to compare with.
        Assessment assessment = test::demoAssessment(*test::shippedCatalogue());
        for (EvidenceRow& row : test::regulatorRows(*test::shippedCatalogue()))
            assessment.evidence.push_back(std::move(row));
        m_document.reset(std::move(assessment));
        m_page = std::make_unique<AnalysisPage>(&m_document, &m_scores);
        m_page->resize(1200, 700);
        m_page->show();
        QObject::connect(m_page.get(), &AnalysisPage::scored, m_page.get(), [this] { ++m_scoredCount; });
        m_page->setCatalogue(test::shippedCatalogue(), defaultScoringSettings());
        rescoreNow();
        m_panel = qobject_cast<ChartPanel*>(m_page->charts());
        ASSERT_NE(m_panel, nullptr);
    }
    void TearDown() override { m_page.reset(); } // before the document and model it points at

    // Rescores at once (not after the page's wait for more typing) and waits for the result.
    void rescoreNow() {
        const int before = m_scoredCount;
        m_page->rescore();
        ASSERT_TRUE(test::waitUntil([&] { return m_scoredCount > before && !m_page->worker()->isBusy(); }));
        ASSERT_TRUE(m_scores.hasScore());
    }
    template <typename View>
    View* view() const {
        return m_panel->findChild<View*>();
    }
    int equiplotChoice() const {
        return m_panel->findChild<QComboBox*>(QStringLiteral("equiplotChoice"))->currentIndex();
    }

    AssessmentDocument m_document;
    ScoreModel m_scores;
    std::unique_ptr<AnalysisPage> m_page;
    ChartPanel* m_panel = nullptr;
    int m_scoredCount = 0;
};

} // namespace

TEST_F(AnalysisPageUpdates, OnlyTheVisibleChartIsRedrawnAndAnotherTabShowsTheNewestScore) {
    // Draws the equiplot once, then goes back to the wheel.
    m_panel->setCurrentIndex(ChartPanel::Equiplot);
    const QStringList equiplotBefore = fingerprint(view<EquiplotChartView>()->chart());
    m_panel->setCurrentIndex(ChartPanel::Spine);
    ASSERT_FALSE(view<SpineChartView>()->chart()->series().isEmpty()) << "the spine chart draws data";
    m_panel->setCurrentIndex(ChartPanel::Wheel);
    const QPointer<QChart> wheelBefore = view<WheelChartView>()->chart();
    const QPointer<QChart> equiplotChart = view<EquiplotChartView>()->chart();
    const QPointer<QChart> spineChart = view<SpineChartView>()->chart();
    const QPointer<QChart> heatMapChart = view<HeatMapChartView>()->chart();

    // Every group's figure in the scored period halved: every group's dot in the equiplot moves.
    std::vector<EvidenceRow> rows = m_document.assessment().evidence;
    for (EvidenceRow& row : rows)
        if (row.period == m_scores.result()->request.period && !row.isWholePopulation() && row.value)
            row.value = *row.value / 2.0;
    m_document.replaceEvidence(std::move(rows), QStringLiteral("Halve every group's figure"));
    rescoreNow();

    // The wheel, on show, was redrawn (its chart replaced); the hidden tabs were not touched.
    EXPECT_TRUE(wheelBefore.isNull());
    EXPECT_FALSE(equiplotChart.isNull());
    EXPECT_FALSE(spineChart.isNull());
    EXPECT_FALSE(heatMapChart.isNull());
    EXPECT_EQ(fingerprint(view<EquiplotChartView>()->chart()), equiplotBefore);

    // Shown now, the equiplot is drawn from the new score: the same as a view given the new score's data
    // directly, and not the old picture.
    m_panel->setCurrentIndex(ChartPanel::Equiplot);
    EXPECT_TRUE(equiplotChart.isNull());
    const std::vector<report::EquiplotData>& plots = m_scores.result()->charts.equiplots;
    ASSERT_GE(equiplotChoice(), 0);
    ASSERT_LT(static_cast<std::size_t>(equiplotChoice()), plots.size());
    EquiplotChartView expected;
    expected.setData(plots[static_cast<std::size_t>(equiplotChoice())]);
    const QStringList equiplotAfter = fingerprint(view<EquiplotChartView>()->chart());
    EXPECT_EQ(equiplotAfter, fingerprint(expected.chart()));
    EXPECT_NE(equiplotAfter, equiplotBefore);
    m_panel->setCurrentIndex(ChartPanel::Spine);
    EXPECT_TRUE(spineChart.isNull());

    // Shown again with no new score, a tab keeps its chart.
    const QPointer<QChart> equiplotNow = view<EquiplotChartView>()->chart();
    m_panel->setCurrentIndex(ChartPanel::Equiplot);
    EXPECT_FALSE(equiplotNow.isNull());
}

TEST_F(AnalysisPageUpdates, AfterAnEditTheSelectedScoreIsExplainedWithTheNewFigures) {
    // An indicator with figures in the demo evidence.
    const auto found =
        std::find_if(m_scores.score()->indicators.begin(), m_scores.score()->indicators.end(),
                     [](const IndicatorScore& i) { return i.indicator.str() == "control_over_daily_life"; });
    ASSERT_NE(found, m_scores.score()->indicators.end());
    const IndicatorScore chosen = *found;
    m_page->tree()->setCurrentIndex(
        m_scores.indexOfIndicator(QString::fromStdString(chosen.indicator.str())));
    const QString before = m_page->explanation();
    // Every figure of the chosen indicator in the scored period lowered by a tenth (a proportion's value
    // comes from its numerator where there is one).
    std::vector<EvidenceRow> rows = m_document.assessment().evidence;
    for (EvidenceRow& row : rows)
        if (row.indicator == chosen.indicator && row.period == m_scores.result()->request.period) {
            if (row.value)
                row.value = *row.value * 0.9;
            if (row.numerator)
                row.numerator = *row.numerator * 0.9;
        }
    m_document.replaceEvidence(std::move(rows), QStringLiteral("Lower one indicator"));
    rescoreNow();
    // Still selected, and explained from the new score: the core's text for it.
    EXPECT_EQ(m_page->tree()->currentIndex().data(ScoreModel::IdRole).toString().toStdString(),
              chosen.indicator.str());
    const ScoringResult& result = *m_scores.result();
    const IndicatorScore* now = nullptr;
    for (const IndicatorScore& indicator : result.score.indicators)
        if (indicator.indicator == chosen.indicator)
            now = &indicator;
    ASSERT_NE(now, nullptr);
    EXPECT_EQ(m_page->explanation().toStdString(),
              explainIndicator(*now, *result.request.catalogue, result.request.settings.profile));
    EXPECT_NE(m_page->explanation(), before) << before.left(300).toStdString() << "\n---\n"
                                             << m_page->explanation().left(300).toStdString();
}

TEST_F(AnalysisPageUpdates, FlagsListEveryFlagAndActivatingOneShowsItsIndicator) {
    const ServiceScore& score = *m_scores.score();
    QListView* list = m_page->flagList();
    ASSERT_NE(list, nullptr);
    ASSERT_FALSE(score.flags.empty()) << "the demo assessment raises flags";
    ASSERT_EQ(list->model()->rowCount(), static_cast<int>(score.flags.size()));
    // The text is "Breach: " for a breach, then the indicator, a dash and the core's message.
    for (std::size_t i = 0; i < score.flags.size(); ++i) {
        const Flag& flag = score.flags[i];
        const QString expected = QString::fromStdString((flag.breach ? "Breach: " : "") +
                                                        flag.indicator.str() + " \u2014 " + flag.message);
        EXPECT_EQ(list->model()->index(static_cast<int>(i), 0).data().toString(), expected);
    }
    // A flag naming a characteristic: activating it selects its indicator and shows the gap chart.
    std::size_t chosen = score.flags.size();
    for (std::size_t i = 0; i < score.flags.size() && chosen == score.flags.size(); ++i)
        if (!score.flags[i].characteristic.empty())
            chosen = i;
    ASSERT_LT(chosen, score.flags.size());
    const QString indicator = QString::fromStdString(score.flags[chosen].indicator.str());
    m_panel->setCurrentIndex(ChartPanel::Wheel);
    Q_EMIT list->activated(list->model()->index(static_cast<int>(chosen), 0));
    EXPECT_EQ(m_page->tree()->currentIndex().data(ScoreModel::IdRole).toString(), indicator);
    EXPECT_EQ(m_panel->currentIndex(), static_cast<int>(ChartPanel::Gap));
    EXPECT_TRUE(view<GapChartView>()->chart()->title().contains(QString::fromStdString(
        test::shippedCatalogue()->findIndicator(score.flags[chosen].indicator)->title)))
        << view<GapChartView>()->chart()->title().toStdString();
}

} // namespace capeq::gui
