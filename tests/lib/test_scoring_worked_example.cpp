// SPDX-License-Identifier: Apache-2.0
// The worked example of docs/METHOD.md ("Scoring: a worked example"), computed there by hand.
#include <capeq/scoring/explain.hpp>
#include <capeq/scoring/scorer.hpp>

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>

namespace capeq {
namespace {

Indicator makeIndicator(const std::string& id, const std::string& domain, const std::string& dimension,
                        Polarity polarity, MeasureType type, double lo, double hi) {
    Indicator indicator;
    indicator.id = IndicatorId{id};
    indicator.title = id;
    indicator.domain = DomainId{domain};
    indicator.dimension = DimensionId{dimension};
    indicator.polarity = polarity;
    indicator.measureType = type;
    indicator.multiplier = type == MeasureType::Rate ? 1000.0 : 100.0;
    indicator.goalposts = {lo, hi};
    return indicator;
}

Catalogue exampleCatalogue() {
    std::vector<Domain> domains = {{DomainId{"health"}, "Health", "", 1, {}},
                                   {DomainId{"education"}, "Education", "", 2, {}}};
    std::vector<Dimension> dimensions = {{DimensionId{"outcome"}, "Outcomes", "", 1, {}},
                                         {DimensionId{"treatment"}, "Treatment", "", 2, {}},
                                         {DimensionId{"autonomy"}, "Autonomy", "", 3, {}}};
    Indicator health = makeIndicator("good_health", "health", "outcome", Polarity::HigherIsBetter,
                                     MeasureType::Proportion, 50, 100);
    health.minimumStandard = 60.0;
    std::vector<Indicator> indicators = {
        health,
        makeIndicator("dignity", "health", "treatment", Polarity::HigherIsBetter, MeasureType::Proportion, 40,
                      100),
        makeIndicator("attainment", "education", "outcome", Polarity::HigherIsBetter, MeasureType::Proportion,
                      20, 80),
        makeIndicator("exclusion_rate", "education", "treatment", Polarity::LowerIsBetter, MeasureType::Rate,
                      0, 10),
    };
    return Catalogue("example", domains, dimensions, {}, {}, indicators);
}

EvidenceRow row(const std::string& indicator, const std::string& characteristic, const std::string& group,
                double value, std::optional<double> se) {
    EvidenceRow r;
    r.indicator = IndicatorId{indicator};
    r.area = AreaCode{"E10999999"};
    r.service = ServiceId{"example_service"};
    r.period = "2024/25";
    r.characteristic = CharacteristicId{characteristic};
    r.group = GroupCode{group};
    r.value = value;
    r.standardError = se;
    r.sampleSize = 400;
    return r;
}

std::vector<EvidenceRow> exampleEvidence() {
    return {
        row("good_health", "all", "all", 74, 1.0),
        row("good_health", "sex", "female", 76, 1.5),
        row("good_health", "sex", "male", 71, 1.5),
        row("good_health", "disability", "disabled", 58, 2.5),
        row("good_health", "disability", "not_disabled", 77, 1.2),
        row("dignity", "all", "all", 85, 1.0),
        row("dignity", "sex", "female", 86, 2.0),
        row("dignity", "sex", "male", 84, 2.0),
        row("dignity", "ethnicity_5", "white", 87, 1.5),
        row("dignity", "ethnicity_5", "black", 78, 3.0),
        row("dignity", "ethnicity_5", "asian", 80, 3.5),
        row("attainment", "all", "all", 50, std::nullopt),
        row("attainment", "sex", "female", 55, std::nullopt),
        row("attainment", "sex", "male", 45, std::nullopt),
        row("exclusion_rate", "all", "all", 4.0, 0.5),
        row("exclusion_rate", "imd_quintile", "1", 6.0, 0.8),
        row("exclusion_rate", "imd_quintile", "5", 2.5, 0.6),
    };
}

ScoreInput exampleInput(const Catalogue& catalogue) {
    ScoreInput input{catalogue,
                     ServiceId{"example_service"},
                     AreaCode{"E10999999"},
                     "2024/25",
                     exampleEvidence(),
                     {},
                     {},
                     ScoringProfile{},
                     WeightProfile{},
                     RuleSet{},
                     DisclosurePolicy{}};
    return input;
}

const IndicatorScore& indicatorScore(const ServiceScore& score, const std::string& id) {
    for (const IndicatorScore& s : score.indicators)
        if (s.indicator.str() == id)
            return s;
    throw std::runtime_error("no score for " + id);
}

TEST(ScoringWorkedExample, IndicatorScoresMatchTheHandComputation) {
    const Catalogue catalogue = exampleCatalogue();
    const ServiceScore score = scoreService(exampleInput(catalogue));

    const IndicatorScore& health = indicatorScore(score, "good_health");
    EXPECT_NEAR(health.achievement, 48.0, 1e-9);                 // 100 (74 - 50) / 50
    EXPECT_NEAR(health.characteristics[0].equality, 62.0, 1e-9); // disability: 100 (1 - 19/50)
    EXPECT_NEAR(health.characteristics[1].equality, 90.0, 1e-9); // sex: 100 (1 - 5/50)
    EXPECT_NEAR(health.equality, 76.0, 1e-9);
    EXPECT_NEAR(health.adjusted, 36.48, 1e-9);

    const IndicatorScore& dignity = indicatorScore(score, "dignity");
    EXPECT_NEAR(dignity.achievement, 75.0, 1e-9);
    EXPECT_EQ(dignity.characteristics[1].status, GapStatus::Unclear); // sex: 2 +- 5.54 is not significant
    EXPECT_NEAR(dignity.characteristics[1].equality, 100.0, 1e-9);
    EXPECT_EQ(dignity.characteristics[0].status, GapStatus::Counted); // ethnicity: 9 +- 6.57
    EXPECT_NEAR(dignity.characteristics[0].equality, 85.0, 1e-9);
    EXPECT_NEAR(dignity.adjusted, 69.375, 1e-9);

    const IndicatorScore& attainment = indicatorScore(score, "attainment");
    EXPECT_EQ(attainment.characteristics[0].status, GapStatus::NoUncertainty);
    EXPECT_NEAR(attainment.equality, 100.0 * (1.0 - 10.0 / 60.0), 1e-9);
    EXPECT_NEAR(attainment.adjusted, 50.0 * (1.0 - 10.0 / 60.0), 1e-9);

    const IndicatorScore& exclusion = indicatorScore(score, "exclusion_rate");
    EXPECT_NEAR(exclusion.achievement, 60.0, 1e-9); // lower is better: 100 (10 - 4) / 10
    EXPECT_EQ(exclusion.characteristics[0].best.str(), "5");
    EXPECT_EQ(exclusion.characteristics[0].worst.str(), "1");
    EXPECT_NEAR(exclusion.adjusted, 39.0, 1e-9);
}

TEST(ScoringWorkedExample, CellsDomainsAndIndexMatchTheHandComputation) {
    const Catalogue catalogue = exampleCatalogue();
    const ServiceScore score = scoreService(exampleInput(catalogue));
    ASSERT_EQ(score.domains.size(), 2u);
    EXPECT_NEAR(*score.domains[0].score, (36.48 + 69.375) / 2.0, 1e-9);            // health 52.9275
    EXPECT_NEAR(*score.domains[1].score, (50.0 * 50.0 / 60.0 + 39.0) / 2.0, 1e-9); // education 40.3333
    ASSERT_TRUE(score.overall.has_value());
    EXPECT_NEAR(*score.overall, 46.20327, 1e-5); // sqrt(52.9275 x 40.33333) = sqrt(2134.7425)
    EXPECT_EQ(score.coverage.cellsWithEvidence, 4);
    EXPECT_EQ(score.coverage.cellsTotal, 6);
    EXPECT_TRUE(score.coverage.partial);
    EXPECT_EQ(score.coverage.characteristicsAssessed.size(), 4u);
}

TEST(ScoringWorkedExample, FlagsMatchTheHandComputation) {
    const Catalogue catalogue = exampleCatalogue();
    const ServiceScore score = scoreService(exampleInput(catalogue));
    std::vector<std::string> seen;
    for (const Flag& flag : score.flags)
        seen.push_back(toString(flag.kind) + " " + flag.indicator.str() + " " + flag.characteristic.str() +
                       "=" + flag.group.str());
    const std::vector<std::string> expected = {
        "below_minimum_standard good_health disability=disabled",
        "significant_worse_gap good_health disability=disabled",
        "significant_worse_gap good_health sex=male",
        "significant_worse_gap dignity ethnicity_5=black",
        "large_gap_no_uncertainty attainment sex=male",
        "significant_worse_gap exclusion_rate imd_quintile=1",
    };
    EXPECT_EQ(seen.size(), expected.size());
    for (const std::string& flag : expected)
        EXPECT_NE(std::find(seen.begin(), seen.end(), flag), seen.end()) << flag;
    EXPECT_TRUE(score.breached());
}

TEST(ScoringWorkedExample, EdsGradingOfTheExample) {
    const Catalogue catalogue = exampleCatalogue();
    ScoreInput input = exampleInput(catalogue);
    input.rules.grading = Grading{};
    const ServiceScore score = scoreService(input);
    ASSERT_TRUE(score.grading.has_value());
    // health 52.9 -> grade 1 (>= 40; capped at 1 anyway by its worse gaps); education 40.3 -> grade 1.
    EXPECT_EQ(score.grading->total, 2);
    EXPECT_EQ(score.grading->maximum, 6);
    EXPECT_EQ(score.grading->band, "Developing"); // 2/6 = 0.33: at least 0.25, below 0.66
}

TEST(ScoringWorkedExample, DomainWeightsChangeTheGeometricMean) {
    const Catalogue catalogue = exampleCatalogue();
    ScoreInput input = exampleInput(catalogue);
    input.weights.domainWeights = {{"health", 3.0}, {"education", 1.0}};
    const ServiceScore score = scoreService(input);
    const double health = (36.48 + 69.375) / 2.0;
    const double education = (50.0 * 50.0 / 60.0 + 39.0) / 2.0;
    EXPECT_NEAR(*score.overall, std::pow(health, 0.75) * std::pow(education, 0.25), 1e-9);
}

TEST(Scoring, AchievementIsClampedAndReversedForLowerIsBetter) {
    Indicator indicator;
    indicator.goalposts = {20, 80};
    EXPECT_DOUBLE_EQ(achievementScore(50, indicator), 50.0);
    EXPECT_DOUBLE_EQ(achievementScore(95, indicator), 100.0);
    EXPECT_DOUBLE_EQ(achievementScore(5, indicator), 0.0);
    indicator.polarity = Polarity::LowerIsBetter;
    EXPECT_DOUBLE_EQ(achievementScore(35, indicator), 75.0);
}

TEST(Scoring, GeometricMeanFloorsZeroDomains) {
    // A zero domain is floored at 1 before the geometric mean: sqrt(1 x 64) = 8.
    EXPECT_DOUBLE_EQ(combineScores({{0.0, 1.0}, {64.0, 1.0}}, Aggregation::Geometric, 1.0), 8.0);
    EXPECT_DOUBLE_EQ(combineScores({{10.0, 1.0}, {30.0, 3.0}}, Aggregation::Arithmetic, 1.0), 25.0);
    EXPECT_DOUBLE_EQ(combineScores({{10.0, 0.0}, {30.0, 1.0}}, Aggregation::Geometric, 1.0), 30.0);
}

TEST(ScoringWorkedExample, ExplanationShowsTheFormulaAndTheNumbers) {
    const Catalogue catalogue = exampleCatalogue();
    const ServiceScore score = scoreService(exampleInput(catalogue));
    const std::string text =
        explainIndicator(indicatorScore(score, "good_health"), catalogue, ScoringProfile{});
    EXPECT_NE(text.find("Achievement A = 100 x clamp((y - lo) / (hi - lo)) = 100 x clamp((74.00 - 50.00) / "
                        "(100.00 - 50.00)) = 48.00"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("disabled: 58.00 (95.0% CI 53.10 to 62.90, normal), n = 400"), std::string::npos)
        << text;
    EXPECT_NE(text.find("S = (y_best - y_worst) / (hi - lo) = 0.3800; E = 100 x (1 - S) = 62.00"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("EA = A x E / 100 = 48.00 x 76.00 / 100 = 36.48"), std::string::npos) << text;
    const std::string all = explainService(score, catalogue, ScoringProfile{}, WeightProfile{});
    EXPECT_NE(all.find("over domains with evidence = 46.20"), std::string::npos) << all;
}

} // namespace
} // namespace capeq
