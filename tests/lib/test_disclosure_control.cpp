// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>

#include <gtest/gtest.h>

namespace capeq {
namespace {

EvidenceRow countRow(const std::string& characteristic, const std::string& group, double numerator,
                     double denominator) {
    EvidenceRow row;
    row.indicator = IndicatorId{"employment_rate"};
    row.area = AreaCode{"E10999999"};
    row.service = ServiceId{"housing"};
    row.period = "2024/25";
    row.characteristic = CharacteristicId{characteristic};
    row.group = GroupCode{group};
    row.numerator = numerator;
    row.denominator = denominator;
    row.value = 100.0 * numerator / denominator;
    return row;
}

TEST(DisclosurePolicy, PrimaryRuleDefaults) {
    const DisclosurePolicy policy;
    EXPECT_EQ(primarySuppression(policy, 9.0, 5.0), SuppressionReason::SmallBase);
    EXPECT_EQ(primarySuppression(policy, 10.0, 5.0), SuppressionReason::Published);
    EXPECT_EQ(primarySuppression(policy, 200.0, 4.0), SuppressionReason::SmallCount);
    EXPECT_EQ(primarySuppression(policy, 200.0, 1.0), SuppressionReason::SmallCount);
    EXPECT_EQ(primarySuppression(policy, 200.0, 0.0), SuppressionReason::Published) << "a true zero is shown";
    EXPECT_EQ(primarySuppression(policy, std::nullopt, std::nullopt), SuppressionReason::Published);
    EXPECT_EQ(policy.describe(),
              "primary: unweighted base < 10 or count 1-4; secondary: on (checked by linear algebra)");
    EXPECT_EQ(reasonCode(SuppressionReason::SmallCount), "P-count");
}

TEST(DisclosureControl, SingleSmallGroupGetsASecondaryPartner) {
    // total 120 = female 60 + male 57 + other 3: "other" is primary (base 3); without a partner its
    // numerator and denominator would be total minus the rest, so the next smallest group (male) goes too.
    const std::vector<EvidenceRow> rows = {countRow("all", "all", 60, 120), countRow("sex", "female", 30, 60),
                                           countRow("sex", "male", 28, 57), countRow("sex", "other", 2, 3)};
    const DisclosureOutcome outcome = applyDisclosureControl(rows, DisclosurePolicy{});
    EXPECT_EQ(outcome.reasons[0], SuppressionReason::Published);
    EXPECT_EQ(outcome.reasons[1], SuppressionReason::Published);
    EXPECT_EQ(outcome.reasons[2], SuppressionReason::Secondary);
    EXPECT_EQ(outcome.reasons[3], SuppressionReason::SmallBase);
    EXPECT_EQ(outcome.primaryCount, 1u);
    EXPECT_EQ(outcome.secondaryCount, 1u);
}

TEST(DisclosureControl, TablesAreIndependentAcrossServicesAndPeriods) {
    std::vector<EvidenceRow> rows = {countRow("all", "all", 60, 120), countRow("sex", "female", 30, 60),
                                     countRow("sex", "male", 30, 60)};
    EvidenceRow other = countRow("sex", "female", 3, 50);
    other.period = "2023/24";
    rows.push_back(other);
    const DisclosureOutcome outcome = applyDisclosureControl(rows, DisclosurePolicy{});
    EXPECT_EQ(outcome.primaryCount, 1u);
    EXPECT_EQ(outcome.secondaryCount, 0u) << "the 2023/24 table has no total to subtract from";
    EXPECT_EQ(outcome.reasons[3], SuppressionReason::SmallCount);
}

TEST(DisclosureControl, IntersectionMarginsAreProtected) {
    // sex x disability: the single small cell female*disabled could be recovered from the female margin.
    const std::vector<EvidenceRow> rows = {
        countRow("all", "all", 100, 200),
        countRow("sex", "female", 50, 100),
        countRow("sex", "male", 50, 100),
        countRow("sex*disability", "female*disabled", 2, 8),
        countRow("sex*disability", "female*not_disabled", 48, 92),
        countRow("sex*disability", "male*disabled", 10, 30),
        countRow("sex*disability", "male*not_disabled", 40, 70),
    };
    const DisclosureOutcome outcome = applyDisclosureControl(rows, DisclosurePolicy{});
    EXPECT_EQ(outcome.reasons[3], SuppressionReason::SmallBase);
    EXPECT_GE(outcome.secondaryCount, 1u);
    EXPECT_NE(outcome.reasons[4], SuppressionReason::Published)
        << "female*not_disabled = female - female*disabled must be hidden too";
}

TEST(DisclosureControl, DisabledPolicySuppressesNothing) {
    DisclosurePolicy off;
    off.enabled = false;
    const std::vector<EvidenceRow> rows = {countRow("sex", "female", 2, 3)};
    EXPECT_EQ(applyDisclosureControl(rows, off).reasons[0], SuppressionReason::Published);
}

TEST(DisclosureControl, RedactedRowKeepsKeysAndDropsEveryFigure) {
    EvidenceRow row = countRow("sex", "other", 2, 3);
    row.standardError = 0.1;
    row.lowerCi = 10;
    row.upperCi = 90;
    row.sampleSize = 3;
    row.populationShare = 0.01;
    const EvidenceRow redacted = redactRow(row, SuppressionReason::SmallBase);
    EXPECT_EQ(redacted.group.str(), "other");
    EXPECT_FALSE(redacted.value || redacted.standardError || redacted.lowerCi || redacted.upperCi ||
                 redacted.numerator || redacted.denominator || redacted.sampleSize ||
                 redacted.populationShare);
    EXPECT_EQ(redacted.note, "suppressed: too few people in the group");
}

} // namespace
} // namespace capeq
