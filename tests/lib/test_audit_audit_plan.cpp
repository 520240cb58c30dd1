// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_plan.hpp>

#include <gtest/gtest.h>

namespace capeq::audit {
namespace {

EvidenceRow row(const std::string& service, const std::string& area, const std::string& period) {
    EvidenceRow r;
    r.indicator = IndicatorId{"x"};
    r.service = ServiceId{service};
    r.area = AreaCode{area};
    r.period = period;
    r.characteristic = kAllCharacteristic;
    r.group = kAllGroup;
    r.value = 50.0;
    return r;
}

std::vector<EvidenceRow> sample() {
    return {row("schools", "B", "2023"), row("schools", "B", "2024"), row("housing", "A", "2022"),
            row("housing", "A", "2023"), row("housing", "A", "2024"), row("schools", "C", "2022")};
}

TEST(AuditPlan, LatestPeriodAndTheOneBeforeByDefaultInServiceAreaOrder) {
    const AuditPlan plan = planAudit(sample(), "", "", "in");
    EXPECT_EQ(plan.period, "2024");
    EXPECT_EQ(plan.compareTo, "2023");
    ASSERT_EQ(plan.units.size(), 2u);
    EXPECT_EQ(plan.units[0].service.str(), "housing");
    EXPECT_EQ(plan.units[1].service.str(), "schools");
    EXPECT_EQ(plan.units[0].earlier.size(), 2u);
    EXPECT_EQ(plan.units[0].earlier.front().first, "2022");
    EXPECT_EQ(plan.units[0].previousRows.size(), 1u);
    // schools C has evidence, but not for 2024: listed, not skipped.
    ASSERT_EQ(plan.absent.size(), 1u);
    EXPECT_EQ(plan.absent[0].area.str(), "C");
    EXPECT_EQ(plan.absent[0].latestPeriod, "2022");
}

TEST(AuditPlan, ChosenPeriodIgnoresLaterEvidence) {
    const AuditPlan plan = planAudit(sample(), "2023", "2022", "in");
    ASSERT_EQ(plan.units.size(), 2u);
    EXPECT_TRUE(plan.units[1].previousRows.empty()); // schools B has nothing for 2022
    EXPECT_EQ(plan.units[0].earlier.size(), 1u);
}

TEST(AuditPlan, UnknownOrLaterPeriodsAreInputErrors) {
    EXPECT_THROW(planAudit(sample(), "2030", "", "in"), InputError);
    EXPECT_THROW(planAudit(sample(), "2023", "2024", "in"), InputError);
    EXPECT_THROW(planAudit({}, "", "", "in"), InputError);
}

TEST(AuditPlan, TheBenchmarkAreaIsTakenOutAndKeptPerServiceAndPeriod) {
    std::vector<EvidenceRow> rows = sample();
    rows.push_back(row("housing", "NAT", "2023"));
    rows.push_back(row("housing", "NAT", "2024"));
    EvidenceRow group = row("housing", "NAT", "2024");
    group.characteristic = CharacteristicId{"sex"};
    group.group = GroupCode{"female"};
    rows.push_back(group); // only whole-population figures are a benchmark
    const AuditPlan plan = planAudit(rows, "", "", "in", "NAT");
    EXPECT_EQ(plan.benchmarkArea, "NAT");
    ASSERT_EQ(plan.units.size(), 2u); // housing A and schools B: NAT is not audited
    EXPECT_EQ(plan.units[0].area.str(), "A");
    EXPECT_EQ(plan.benchmarkFor(ServiceId{"housing"}, "2024").size(), 1u);
    EXPECT_EQ(plan.benchmarkFor(ServiceId{"housing"}, "2023").size(), 1u);
    EXPECT_TRUE(plan.benchmarkFor(ServiceId{"housing"}, "2022").empty());
    // schools has no benchmark figure for 2024: listed, so the summary can say red-red was not judged.
    ASSERT_EQ(plan.servicesWithoutBenchmark.size(), 1u);
    EXPECT_EQ(plan.servicesWithoutBenchmark[0].str(), "schools");
    try {
        planAudit(sample(), "", "", "in", "NOWHERE");
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.diagnostics().front().message, "no evidence for the benchmark area 'NOWHERE'");
    }
}

} // namespace
} // namespace capeq::audit
