// SPDX-License-Identifier: Apache-2.0
// The scoring worker returns exactly what scoreService returns, on another thread; a newer request
// supersedes an older one and cancel drops the result. The score model and the impact suggestion sit
// on its result.
#include <capeq/assessment/impact_suggestion.hpp>
#include <capeq/scoring/explain.hpp>
#include <capeq/scoring/score_report.hpp>

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <gui/models/score_model.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <set>

namespace capeq::gui {

namespace {

class ScoringWorkerTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_catalogue = test::shippedCatalogue();
        m_assessment = test::demoAssessment(*m_catalogue);
    }
    ScoringResult runWorker(ScoringWorker& worker, const ScoringRequest& request) {
        std::optional<ScoringResult> result;
        // Disconnected before returning: a worker may run again after result is gone.
        const QMetaObject::Connection delivered = QObject::connect(
            &worker, &ScoringWorker::finished, &worker, [&result](const ScoringResult& r) { result = r; });
        worker.start(request);
        EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }));
        QObject::disconnect(delivered);
        return result.value_or(ScoringResult{});
    }
    std::shared_ptr<const Catalogue> m_catalogue;
    Assessment m_assessment;
};

std::string asJson(const ServiceScore& score) {
    return scoreToJson(score, ScoreProvenance{});
}

std::size_t indicatorsIn(const std::vector<EvidenceRow>& rows) {
    std::set<std::string> ids;
    for (const EvidenceRow& row : rows)
        ids.insert(row.indicator.str());
    return ids.size();
}

// Indicators scored over every period of a request: the scored one and each earlier one.
std::size_t indicatorsScored(const ScoringRequest& request) {
    std::size_t count = indicatorsIn(request.rows);
    for (const auto& [period, rows] : request.history)
        count += indicatorsIn(rows);
    return count;
}

// The index of the first group row of the period with a value and a base large enough to be published.
std::size_t firstRowWithValue(const Assessment& assessment, const std::string& period) {
    for (std::size_t i = 0; i < assessment.evidence.size(); ++i) {
        const EvidenceRow& row = assessment.evidence[i];
        const double base = row.sampleSize.value_or(row.denominator.value_or(0.0));
        if (row.period == period && row.value && !row.isWholePopulation() && base >= 50.0)
            return i;
    }
    return assessment.evidence.size();
}

// Halves a row's figure, whether it is given as a value or as counts.
void halve(EvidenceRow& row) {
    row.value = *row.value * 0.5;
    if (row.numerator)
        row.numerator = std::round(*row.numerator * 0.5);
}

} // namespace

TEST_F(ScoringWorkerTest, ReturnsTheSameScoreAsScoreService) {
    const ScoringRequest request = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    EXPECT_EQ(request.service.str(), "adult_social_care");
    EXPECT_EQ(request.period, "2024/25");
    EXPECT_EQ(request.comparedPeriod, "2023/24");
    ASSERT_FALSE(request.rows.empty());
    // The compared period's rows are kept once, in the history, and are every row of that period of the
    // scored service and area whose characteristic is in scope (or the whole population).
    const auto& scope = m_assessment.scope.characteristics;
    std::size_t comparedInDocument = 0;
    for (const EvidenceRow& row : m_assessment.evidence)
        comparedInDocument += row.service == request.service && row.area == request.area &&
                              row.period == request.comparedPeriod &&
                              (row.isWholePopulation() || std::find(scope.begin(), scope.end(),
                                                                    row.characteristic.str()) != scope.end());
    ASSERT_GT(comparedInDocument, 0u);
    EXPECT_TRUE(request.previousRows.empty());
    EXPECT_EQ(request.comparedRows().size(), comparedInDocument);
    for (const EvidenceRow& row : request.comparedRows())
        EXPECT_EQ(row.period, request.comparedPeriod);
    const ServiceScore direct = scoreService(request.toInput());
    EXPECT_EQ(request.toInput().previousRows.size(), comparedInDocument);

    ScoringWorker worker;
    int busyChanges = 0;
    QObject::connect(&worker, &ScoringWorker::busyChanged, &worker, [&] { ++busyChanges; });
    const ScoringResult result = runWorker(worker, request);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    ASSERT_TRUE(direct.overall.has_value());
    EXPECT_EQ(result.score.overall, direct.overall);
    EXPECT_EQ(asJson(result.score), asJson(direct)) << "every figure, flag and note identical";
    EXPECT_EQ(busyChanges, 2);
    EXPECT_FALSE(worker.isBusy());
}

TEST_F(ScoringWorkerTest, WorksOutTheExplanationThePageWillShow) {
    // The index's explanation by default, the named indicator's when asked: the core's own texts for the
    // directly computed score.
    ScoringRequest request = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    const ServiceScore direct = scoreService(request.toInput());
    ASSERT_FALSE(direct.indicators.empty());
    ScoringWorker worker;
    const ScoringResult overall = runWorker(worker, request);
    ASSERT_TRUE(overall.ok && overall.explanation.has_value());
    EXPECT_EQ(overall.explanation->toStdString(),
              explainService(direct, *m_catalogue, request.settings.profile, request.weights));

    const IndicatorScore& last = direct.indicators.back();
    request.explain = last.indicator.str();
    const ScoringResult indicator = runWorker(worker, request);
    ASSERT_TRUE(indicator.ok && indicator.explanation.has_value());
    EXPECT_EQ(indicator.explanation->toStdString(),
              explainIndicator(last, *m_catalogue, request.settings.profile));
    EXPECT_NE(*indicator.explanation, *overall.explanation);
}

TEST_F(ScoringWorkerTest, AfterAnEditOnlyItsIndicatorIsRescoredAndTheResultIsAFreshOne) {
    ScoringWorker worker;
    const ScoringRequest first = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    ASSERT_FALSE(first.history.empty()) << "the demo has an earlier period";
    const ScoringResult before = runWorker(worker, first);
    ASSERT_TRUE(before.ok) << before.error.toStdString();
    EXPECT_EQ(before.indicatorsRecomputed, indicatorsScored(first));
    EXPECT_EQ(before.indicatorsReused, 0u);

    // An edit in the scored period changes one indicator there; no earlier period holds it.
    const std::size_t edited = firstRowWithValue(m_assessment, first.period);
    ASSERT_LT(edited, m_assessment.evidence.size());
    halve(m_assessment.evidence[edited]);
    const ScoringRequest second = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    const ScoringResult after = runWorker(worker, second);
    ASSERT_TRUE(after.ok) << after.error.toStdString();
    EXPECT_EQ(after.indicatorsRecomputed, 1u);
    EXPECT_EQ(after.indicatorsReused, indicatorsScored(second) - 1);
    EXPECT_EQ(asJson(after.score), asJson(scoreService(second.toInput())));
    EXPECT_NE(asJson(after.score), asJson(before.score)) << "the edit changed a figure";
    const std::vector<ServiceScore> freshHistory = scoreHistory(second);
    ASSERT_EQ(after.history.size(), freshHistory.size());
    for (std::size_t i = 0; i < freshHistory.size(); ++i)
        EXPECT_EQ(asJson(after.history[i]), asJson(freshHistory[i]));

    // An edit in the compared period is that indicator's earlier figure and also a period of the trend.
    const std::size_t earlier = firstRowWithValue(m_assessment, first.comparedPeriod);
    ASSERT_LT(earlier, m_assessment.evidence.size());
    halve(m_assessment.evidence[earlier]);
    const ScoringRequest third = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    const ScoringResult latest = runWorker(worker, third);
    ASSERT_TRUE(latest.ok) << latest.error.toStdString();
    EXPECT_EQ(latest.indicatorsRecomputed, 2u);
    EXPECT_EQ(asJson(latest.score), asJson(scoreService(third.toInput())));
}

TEST_F(ScoringWorkerTest, NewestRequestWinsAndCancelDropsTheResult) {
    ScoringWorker worker;
    int delivered = 0;
    quint64 lastId = 0;
    QObject::connect(&worker, &ScoringWorker::finished, &worker, [&](const ScoringResult& r) {
        ++delivered;
        lastId = r.id;
    });
    const ScoringRequest request = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    worker.start(request);
    const quint64 second = worker.start(request);
    ASSERT_TRUE(test::waitUntil([&] { return !worker.isBusy(); }));
    EXPECT_EQ(delivered, 1);
    EXPECT_EQ(lastId, second);

    worker.start(request);
    worker.cancel();
    ASSERT_TRUE(test::waitUntil([&] { return !worker.isBusy(); }));
    EXPECT_EQ(delivered, 1);
}

TEST_F(ScoringWorkerTest, ScoreModelShowsTheTreeAndTheCoreExplanation) {
    ScoringWorker worker;
    const ScoringRequest request = scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings());
    const ScoringResult result = runWorker(worker, request);
    ScoreModel model;
    model.setResult(result);
    ASSERT_EQ(model.rowCount(), 1 + static_cast<int>(result.score.domains.size()));
    EXPECT_EQ(model.overallText(), QString::number(*result.score.overall, 'f', 1));
    EXPECT_EQ(model.index(0, ScoreModel::Score).data().toString(), model.overallText());
    EXPECT_EQ(model.index(0, 0).data(ScoreModel::ExplanationRole).toString().toStdString(),
              explainService(result.score, *m_catalogue, request.settings.profile, request.weights));

    const IndicatorScore& first = result.score.indicators.front();
    const QModelIndex indicator = model.indexOfIndicator(QString::fromStdString(first.indicator.str()));
    ASSERT_TRUE(indicator.isValid());
    EXPECT_EQ(indicator.data(ScoreModel::ExplanationRole).toString().toStdString(),
              explainIndicator(first, *m_catalogue, request.settings.profile));
    EXPECT_TRUE(indicator.parent().isValid());
    EXPECT_TRUE(indicator.parent().parent().isValid());
    EXPECT_FALSE(
        model.headerData(ScoreModel::Equality, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

TEST_F(ScoringWorkerTest, SuggestsNegativeImpactWherePlantedGapsAre) {
    const ServiceScore score =
        scoreService(scoringRequestFor(m_assessment, m_catalogue, defaultScoringSettings()).toInput());
    // Planted in the demo data: disabled users below the minimum standard and a significant worse gap.
    const ImpactSuggestion disability = suggestImpact(score, CharacteristicId{"disability"});
    EXPECT_EQ(disability.impact, Impact::Negative);
    EXPECT_NE(disability.evidence.find("control_over_daily_life"), std::string::npos) << disability.evidence;

    Assessment assessment = m_assessment;
    assessment.findings = {Finding{"age", Impact::Unknown, Impact::Positive, true, "mine", "because"}};
    const std::vector<Finding> findings = findingsWithSuggestions(assessment, score);
    ASSERT_EQ(findings.size(), assessment.scope.characteristics.size());
    for (const Finding& finding : findings) {
        if (finding.characteristic == "age") {
            EXPECT_EQ(finding.impact, Impact::Positive) << "a confirmed judgement is kept";
            EXPECT_EQ(finding.narrative, "because");
        } else {
            EXPECT_EQ(finding.impact, finding.suggestedImpact);
        }
    }
}

} // namespace capeq::gui
