// SPDX-License-Identifier: Apache-2.0
// scoreService with a ScoringCache kept across edits gives exactly what a fresh scoreService gives, and
// recomputes only the indicators whose evidence or settings changed.
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/scoring/score_report.hpp>
#include <capeq/scoring/scorer.hpp>
#include <capeq/scoring/scoring_cache.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <random>

namespace capeq {
namespace {

const ServiceId kService{"service"};
const AreaCode kArea{"E10000001"};

Indicator makeIndicator(const std::string& id, const std::string& domain, const std::string& dimension,
                        Polarity polarity, double lo, double hi) {
    Indicator indicator;
    indicator.id = IndicatorId{id};
    indicator.domain = DomainId{domain};
    indicator.dimension = DimensionId{dimension};
    indicator.polarity = polarity;
    indicator.measureType = MeasureType::Proportion;
    indicator.multiplier = 100.0;
    indicator.goalposts = {lo, hi};
    return indicator;
}

Catalogue makeCatalogue() {
    std::vector<Domain> domains = {{DomainId{"health"}, "Health", "", 1, {}},
                                   {DomainId{"work"}, "Work", "", 2, {}}};
    std::vector<Dimension> dimensions = {{DimensionId{"outcome"}, "Outcomes", "", 1, {}},
                                         {DimensionId{"treatment"}, "Treatment", "", 2, {}}};
    Indicator health = makeIndicator("health", "health", "outcome", Polarity::HigherIsBetter, 40, 100);
    health.minimumStandard = 60.0;
    Indicator waiting = makeIndicator("waiting", "health", "treatment", Polarity::LowerIsBetter, 0, 50);
    waiting.referenceRule = ReferenceRule::WholePopulation;
    Indicator employment = makeIndicator("employment", "work", "outcome", Polarity::HigherIsBetter, 30, 90);
    employment.referenceRule = ReferenceRule::LargestGroup;
    Indicator respect = makeIndicator("respect", "work", "treatment", Polarity::HigherIsBetter, 20, 100);
    Indicator context = makeIndicator("context", "work", "outcome", Polarity::NoJudgement, 0, 100);
    return Catalogue("test", domains, dimensions, {}, {}, {health, waiting, employment, respect, context});
}

const std::vector<std::pair<std::string, std::string>> kGroups = {
    {"sex", "female"},  {"sex", "male"},       {"age", "16_34"},     {"age", "35_64"},
    {"age", "65_plus"}, {"disability", "yes"}, {"disability", "no"},
};

// Two periods of every indicator (and one the catalogue lacks), with small bases and small counts so
// that disclosure control suppresses cells, and some rows without uncertainty.
std::vector<EvidenceRow> makeEvidence(std::mt19937& random) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<EvidenceRow> rows;
    for (const std::string period : {"2023/24", "2024/25"})
        for (const std::string indicator :
             {"health", "waiting", "employment", "respect", "context", "unknown"})
            for (std::size_t g = 0; g <= kGroups.size(); ++g) {
                EvidenceRow row;
                row.indicator = IndicatorId{indicator};
                row.area = kArea;
                row.service = kService;
                row.period = period;
                row.characteristic = CharacteristicId{g == 0 ? "all" : kGroups[g - 1].first};
                row.group = GroupCode{g == 0 ? "all" : kGroups[g - 1].second};
                // Mostly large bases; one cell in twenty small enough for primary suppression.
                const double base = g == 0                ? 900.0
                                    : unit(random) < 0.05 ? std::floor(3.0 + 8.0 * unit(random))
                                                          : std::floor(50.0 + 300.0 * unit(random));
                row.denominator = base;
                row.numerator = std::floor(base * (0.3 + 0.6 * unit(random)));
                row.value = 100.0 * *row.numerator / base;
                if (unit(random) < 0.2) // a survey figure with no counts and no uncertainty
                    row.numerator = row.denominator = std::nullopt;
                else
                    row.standardError = 100.0 * std::sqrt(0.25 / base);
                row.populationShare = g == 0 ? 1.0 : 0.5;
                rows.push_back(row);
            }
    return rows;
}

struct Evidence {
    std::vector<EvidenceRow> rows;
    std::vector<EvidenceRow> previousRows;
};

Evidence splitByPeriod(const std::vector<EvidenceRow>& all) {
    Evidence evidence;
    for (const EvidenceRow& row : all)
        (row.period == "2024/25" ? evidence.rows : evidence.previousRows).push_back(row);
    return evidence;
}

ScoreInput makeInput(const Catalogue& catalogue, Evidence evidence) {
    EvidenceRow benchmark;
    benchmark.indicator = IndicatorId{"health"};
    benchmark.period = "2024/25";
    benchmark.characteristic = CharacteristicId{"all"};
    benchmark.group = GroupCode{"all"};
    benchmark.value = 80.0;
    return ScoreInput{catalogue,
                      kService,
                      kArea,
                      "2024/25",
                      std::move(evidence.rows),
                      std::move(evidence.previousRows),
                      {benchmark},
                      ScoringProfile{},
                      WeightProfile{},
                      RuleSet{},
                      DisclosurePolicy{}};
}

std::string asJson(const ServiceScore& score) {
    return scoreToJson(score, ScoreProvenance{});
}

// One random change of the kinds an equality officer makes in the studio.
void randomEdit(ScoreInput& input, std::mt19937& random) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto pick = [&random](std::vector<EvidenceRow>& rows) -> EvidenceRow& {
        return rows[std::uniform_int_distribution<std::size_t>(0, rows.size() - 1)(random)];
    };
    switch (std::uniform_int_distribution<int>(0, 7)(random)) {
    case 0: // change a value (and its count, where the row has counts)
        if (EvidenceRow& row = pick(input.rows); row.value) {
            row.value = std::min(100.0, *row.value * (0.5 + unit(random)));
            if (row.numerator && row.denominator)
                row.numerator = std::round(*row.value * *row.denominator / 100.0);
        }
        break;
    case 1: // change a base (keeping the count possible), which can switch suppression on or off
        if (EvidenceRow& row = pick(input.rows); row.numerator && row.value) {
            row.denominator = std::floor(2.0 + 60.0 * unit(random));
            row.numerator = std::round(*row.value * *row.denominator / 100.0);
        }
        break;
    case 2: // change a value of the compared period (widening and red-red flags)
        if (EvidenceRow& row = pick(input.previousRows); row.value)
            row.value = *row.value * (0.5 + unit(random));
        break;
    case 3: // delete a row
        if (input.rows.size() > 1)
            input.rows.erase(input.rows.begin() +
                             std::uniform_int_distribution<std::ptrdiff_t>(
                                 0, static_cast<std::ptrdiff_t>(input.rows.size()) - 1)(random));
        break;
    case 4: { // add a row: a new group, or a second copy that now decides the whole-population figure
        EvidenceRow row = pick(input.rows);
        if (unit(random) < 0.5)
            row.group = GroupCode{"new_" + std::to_string(input.rows.size())};
        row.value = 100.0 * unit(random);
        input.rows.push_back(row);
        break;
    }
    case 5: // change the profile
        input.profile.equality =
            unit(random) < 0.5 ? EqualityMeasure::RelativeShortfall : EqualityMeasure::Shortfall;
        input.profile.gaps = unit(random) < 0.5 ? GapCounting::AllGaps : GapCounting::SignificantOnly;
        break;
    case 6: // change the disclosure policy or the rules
        input.disclosure.minimumBase = unit(random) < 0.5 ? 10.0 : 30.0;
        input.rules.largeGapThreshold = unit(random) < 0.5 ? 10.0 : 5.0;
        break;
    case 7: // change the weights
        input.weights.domainWeights["health"] = unit(random) < 0.5 ? 1.0 : 2.0;
        break;
    }
}

std::size_t indicatorCount(const ScoreInput& input) {
    std::vector<std::string> ids;
    for (const EvidenceRow& row : input.rows)
        ids.push_back(row.indicator.str());
    std::sort(ids.begin(), ids.end());
    return static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
}

} // namespace

TEST(ScoringIncremental, RandomEditsGiveExactlyTheFreshScore) {
    const Catalogue catalogue = makeCatalogue();
    std::mt19937 random(7);
    ScoreInput input = makeInput(catalogue, splitByPeriod(makeEvidence(random)));
    ScoringCache cache;
    int suppressedSeen = 0;
    int scoredSeen = 0;
    for (int edit = 0; edit < 300; ++edit) {
        if (edit % 30 == 29) { // deletions pile up: start again from new evidence, keeping the cache
            Evidence evidence = splitByPeriod(makeEvidence(random));
            input.rows = std::move(evidence.rows);
            input.previousRows = std::move(evidence.previousRows);
        }
        const ServiceScore cached = scoreService(input, cache);
        const ServiceScore fresh = scoreService(input);
        // Not ASSERT_EQ: the two documents would fill the log; the edit number is enough to replay it.
        ASSERT_TRUE(asJson(cached) == asJson(fresh)) << "cached and fresh scores differ after edit " << edit;
        ASSERT_EQ(cached.overall, fresh.overall) << "after edit " << edit; // bit for bit, not as printed
        scoredSeen += static_cast<int>(cached.indicators.size());
        for (const IndicatorScore& score : cached.indicators)
            for (const CharacteristicEquality& equality : score.characteristics)
                suppressedSeen += static_cast<int>(
                    std::count_if(equality.groups.begin(), equality.groups.end(), [](const GroupFigure& g) {
                        return g.excludedBecause == "suppressed by disclosure control";
                    }));
        randomEdit(input, random);
    }
    EXPECT_GT(suppressedSeen, 0) << "the edits must exercise disclosure control";
    EXPECT_GT(scoredSeen, 2 * 300) << "most indicators must stay scored for the comparison to mean much";
}

TEST(ScoringIncremental, FlagsAreThoseOfTheWholeServiceInput) {
    // Scoring works indicator by indicator; raiseFlags over the whole input must agree with it.
    const Catalogue catalogue = makeCatalogue();
    std::mt19937 random(11);
    ScoreInput input = makeInput(catalogue, splitByPeriod(makeEvidence(random)));
    for (int edit = 0; edit < 50; ++edit) {
        const ServiceScore score = scoreService(input);
        const std::vector<Flag> whole = raiseFlags(input, score.indicators);
        ASSERT_EQ(score.flags.size(), whole.size()) << "after edit " << edit;
        for (std::size_t i = 0; i < whole.size(); ++i) {
            EXPECT_EQ(score.flags[i].kind, whole[i].kind);
            EXPECT_EQ(score.flags[i].message, whole[i].message);
            EXPECT_EQ(score.flags[i].breach, whole[i].breach);
        }
        randomEdit(input, random);
    }
}

TEST(ScoringIncremental, SuppressionIsThatOfTheWholeServiceTable) {
    // Disclosure control runs per indicator; it must hide exactly what it hides over all the rows.
    const Catalogue catalogue = makeCatalogue();
    std::mt19937 random(13);
    const ScoreInput input = makeInput(catalogue, splitByPeriod(makeEvidence(random)));
    const DisclosureOutcome whole = applyDisclosureControl(input.rows, input.disclosure);
    ASSERT_GT(whole.secondaryCount, 0u) << "the evidence must need secondary suppression";
    const ServiceScore score = scoreService(input);
    int checked = 0;
    for (std::size_t i = 0; i < input.rows.size(); ++i) {
        const EvidenceRow& row = input.rows[i];
        if (row.isWholePopulation() || row.characteristic.str().find('*') != std::string::npos)
            continue;
        for (const IndicatorScore& indicator : score.indicators)
            for (const CharacteristicEquality& equality : indicator.characteristics)
                for (const GroupFigure& group : equality.groups)
                    if (indicator.indicator == row.indicator &&
                        equality.characteristic == row.characteristic && group.group == row.group) {
                        EXPECT_EQ(group.excludedBecause == "suppressed by disclosure control",
                                  whole.isSuppressed(i) && row.value.has_value())
                            << row.indicator.str() << " " << row.group.str();
                        ++checked;
                    }
    }
    EXPECT_GT(checked, 20);
}

TEST(ScoringIncremental, OnlyChangedIndicatorsAreRecomputed) {
    const Catalogue catalogue = makeCatalogue();
    std::mt19937 random(17);
    ScoreInput input = makeInput(catalogue, splitByPeriod(makeEvidence(random)));
    const std::size_t indicators = indicatorCount(input);
    ASSERT_EQ(indicators, 6u); // five in the catalogue and one it lacks
    ScoringCache cache;
    (void)scoreService(input, cache);
    EXPECT_EQ(cache.misses(), indicators);
    EXPECT_EQ(cache.hits(), 0u);

    cache.resetCounts();
    (void)scoreService(input, cache);
    EXPECT_EQ(cache.misses(), 0u) << "nothing changed";
    EXPECT_EQ(cache.hits(), indicators);

    // The whole-population row of "respect": its achievement follows from the new value alone.
    const auto respect = std::find_if(input.rows.begin(), input.rows.end(), [](const EvidenceRow& row) {
        return row.indicator.str() == "respect" && row.isWholePopulation();
    });
    ASSERT_NE(respect, input.rows.end());
    respect->numerator = 540.0; // 540 / 900 = 60%
    respect->value = 60.0;
    cache.resetCounts();
    const ServiceScore edited = scoreService(input, cache);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_EQ(cache.hits(), indicators - 1);
    const auto scored = std::find_if(edited.indicators.begin(), edited.indicators.end(),
                                     [](const IndicatorScore& s) { return s.indicator.str() == "respect"; });
    ASSERT_NE(scored, edited.indicators.end());
    EXPECT_NEAR(scored->achievement, 50.0, 1e-9); // goalposts 20..100: 100 (60 - 20) / 80

    // A figure of the compared period belongs to its indicator too.
    const auto earlier =
        std::find_if(input.previousRows.begin(), input.previousRows.end(),
                     [](const EvidenceRow& row) { return row.indicator.str() == "waiting"; });
    earlier->value = *earlier->value + 1.0;
    cache.resetCounts();
    (void)scoreService(input, cache);
    EXPECT_EQ(cache.misses(), 1u);

    // A settings change touches every indicator.
    input.profile.significanceLevel = 0.998;
    cache.resetCounts();
    (void)scoreService(input, cache);
    EXPECT_EQ(cache.misses(), indicators);
}

TEST(ScoringIncremental, ForgetUnusedDropsWhatTheLatestJobDidNotNeed) {
    const Catalogue catalogue = makeCatalogue();
    std::mt19937 random(19);
    ScoreInput input = makeInput(catalogue, splitByPeriod(makeEvidence(random)));
    ScoringCache cache;
    (void)scoreService(input, cache);
    cache.forgetUnused();
    EXPECT_EQ(cache.size(), 6u);

    std::erase_if(input.rows, [](const EvidenceRow& row) { return row.indicator.str() == "unknown"; });
    (void)scoreService(input, cache);
    cache.forgetUnused();
    EXPECT_EQ(cache.size(), 5u) << "the deleted indicator's entry is dropped";

    input.period = "2023/24"; // another period has entries of its own
    input.rows = input.previousRows;
    (void)scoreService(input, cache);
    cache.forgetUnused();
    EXPECT_EQ(cache.size(), 6u);
}

} // namespace capeq
