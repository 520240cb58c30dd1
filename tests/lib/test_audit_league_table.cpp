// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/league_table.hpp>

#include <gtest/gtest.h>

namespace capeq::audit {
namespace {

TEST(AuditRankRanges, OverlappingIntervalsGiveRangesWorkedByHand) {
    // Intervals: A [70, 80], B [60, 75], C [40, 50], D [45, 65].
    // A: nobody's lower exceeds 80 -> best 1; uppers below 70: C (50), D (65) -> worst 4 - 2 = 2.
    // B: lowers above 75: none -> 1; uppers below 60: C -> worst 3.
    // C: lowers above 50: A, B -> best 3; uppers below 40: none -> worst 4.
    // D: lowers above 65: A -> best 2; uppers below 45: none -> worst 4.
    const auto ranges = rankRanges({70, 60, 40, 45}, {80, 75, 50, 65});
    ASSERT_EQ(ranges.size(), 4u);
    EXPECT_EQ(ranges[0], std::make_pair(1, 2));
    EXPECT_EQ(ranges[1], std::make_pair(1, 3));
    EXPECT_EQ(ranges[2], std::make_pair(3, 4));
    EXPECT_EQ(ranges[3], std::make_pair(2, 4));
}

TEST(AuditRankRanges, PointValuesGiveExactRanks) {
    const auto ranges = rankRanges({3, 1, 2}, {3, 1, 2});
    EXPECT_EQ(ranges[0], std::make_pair(1, 1));
    EXPECT_EQ(ranges[1], std::make_pair(3, 3));
    EXPECT_EQ(ranges[2], std::make_pair(2, 2));
}

UnitDigest digest(const std::string& service, const std::string& area, std::optional<double> index,
                  std::optional<double> lower = {}, std::optional<double> upper = {}) {
    UnitDigest d;
    d.service = ServiceId{service};
    d.area = AreaCode{area};
    d.score.service = d.service;
    d.score.area = d.area;
    d.score.overall = index;
    d.status = index ? UnitStatus::Scored : UnitStatus::NoUsableEvidence;
    d.interval.lower = lower;
    d.interval.upper = upper;
    if (!lower)
        d.interval.unavailableReason = "no figure carries a standard error, interval or counts";
    return d;
}

TEST(AuditSummarise, LeaguesPerServiceBestFirstWithFlagCounts) {
    std::vector<UnitDigest> digests{digest("housing", "A", 40, 35, 45), digest("housing", "B", 60, 55, 65),
                                    digest("housing", "C", 50), digest("libraries", "A", 70, 60, 80),
                                    digest("libraries", "B", std::nullopt)};
    digests[0].score.flags.push_back({FlagKind::SignificantWorseGap, IndicatorId{"x"}, DomainId{"health"},
                                      CharacteristicId{"sex"}, GroupCode{"female"}, "m", true});
    digests[0].score.flags.push_back({FlagKind::BelowMinimumStandard, IndicatorId{"x"}, DomainId{"health"},
                                      CharacteristicId{}, GroupCode{}, "m", true});
    digests[1].score.flags.push_back({FlagKind::LargeGapNoUncertainty, IndicatorId{"y"}, DomainId{"life"},
                                      CharacteristicId{"sex"}, GroupCode{"male"}, "m", false});
    SensitivityOptions sensitivity;
    sensitivity.draws = 0;
    const AuditSummary summary = summarise(digests, AuditSettings{}, sensitivity);
    EXPECT_EQ(summary.scored, 4);
    EXPECT_EQ(summary.noUsableEvidence, 1);
    EXPECT_EQ(summary.breached, 1);
    ASSERT_EQ(summary.leagues.size(), 2u);
    const League& housing = summary.leagues[0];
    EXPECT_EQ(housing.service.str(), "housing");
    ASSERT_EQ(housing.entries.size(), 3u);
    EXPECT_EQ(housing.entries[0].unit, 1u); // B 60
    EXPECT_EQ(housing.entries[1].unit, 2u); // C 50, no interval: no rank range
    EXPECT_EQ(housing.entries[2].unit, 0u); // A 40
    EXPECT_EQ(housing.entries[0].rank, 1);
    EXPECT_FALSE(housing.entries[1].rankBest.has_value());
    // B [55, 65] against C (point 50) and A [35, 45]: nobody surely above, both surely below -> 1..1.
    EXPECT_EQ(*housing.entries[0].rankBest, 1);
    EXPECT_EQ(*housing.entries[0].rankWorst, 1);
    EXPECT_EQ(summary.flagsByDomain.at("health").at("significant_worse_gap"), 1);
    EXPECT_EQ(summary.flagsByDomain.at("health").at("below_minimum_standard"), 1);
    EXPECT_EQ(summary.flagsByCharacteristic.at("everyone").at("below_minimum_standard"), 1);
    EXPECT_EQ(summary.flagsByCharacteristic.at("sex").at("large_gap_no_uncertainty"), 1);
}

} // namespace
} // namespace capeq::audit
