// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/impact_suggestion.hpp>

#include <gtest/gtest.h>

namespace capeq {
namespace {

ServiceScore scoreWithFlags() {
    ServiceScore score;
    score.coverage.characteristicsAssessed = {CharacteristicId{"disability"}, CharacteristicId{"sex"}};
    score.flags.push_back({FlagKind::SignificantWorseGap, IndicatorId{"control_over_daily_life"}, DomainId{"health"},
                           CharacteristicId{"disability"}, GroupCode{"disabled"}, "disabled: 61 against 77", true});
    score.flags.push_back({FlagKind::LargeGapNoUncertainty, IndicatorId{"attainment"}, DomainId{"education"},
                           CharacteristicId{"sex"}, GroupCode{"male"}, "male: 45 against 55", false});
    return score;
}

TEST(ImpactSuggestion, NegativeNeutralOrUnknownNeverPositive) {
    const ServiceScore score = scoreWithFlags();
    const ImpactSuggestion disability = suggestImpact(score, CharacteristicId{"disability"});
    EXPECT_EQ(disability.impact, Impact::Negative);
    EXPECT_EQ(disability.evidence, "control_over_daily_life: disabled: 61 against 77");
    // A non-breaching threshold flag does not make the impact negative on its own.
    EXPECT_EQ(suggestImpact(score, CharacteristicId{"sex"}).impact, Impact::Neutral);
    EXPECT_EQ(suggestImpact(score, CharacteristicId{"religion"}).impact, Impact::Unknown);
}

TEST(ImpactSuggestion, ConfirmedFindingsKeepTheOfficersJudgement) {
    Assessment assessment;
    assessment.scope.characteristics = {"disability", "sex"};
    assessment.findings = {{"disability", Impact::Unknown, Impact::Neutral, true, "officer's evidence", "why"}};
    const std::vector<Finding> findings = findingsWithSuggestions(assessment, scoreWithFlags());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].suggestedImpact, Impact::Negative);
    EXPECT_EQ(findings[0].impact, Impact::Neutral) << "confirmed by the officer";
    EXPECT_EQ(findings[0].evidence, "officer's evidence");
    EXPECT_EQ(findings[1].impact, Impact::Neutral);
    EXPECT_FALSE(findings[1].confirmed);
}

} // namespace
} // namespace capeq
