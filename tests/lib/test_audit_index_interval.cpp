// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_runner.hpp>
#include <capeq/audit/index_interval.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/evidence/evidence_reader.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq::audit {
namespace {

const Catalogue& catalogue() {
    static const Catalogue loaded = loadCatalogue(test::sourceDir() / "indicators");
    return loaded;
}

ScoreInput libraries(std::vector<EvidenceRow> rows) {
    return ScoreInput{
        catalogue(), ServiceId{"libraries"}, AreaCode{"E10999999"}, "2024/25", std::move(rows),   {},
        {},          ScoringProfile{},       WeightProfile{},       RuleSet{}, DisclosurePolicy{}};
}

std::vector<EvidenceRow> demoRows() {
    EvidenceSet evidence =
        readEvidenceFile(test::sourceDir() / "datasets" / "county_council" / "evidence.csv", catalogue());
    std::vector<EvidenceRow> rows;
    for (EvidenceRow& row : evidence.rows)
        if (row.service.str() == "libraries" && row.period == "2024/25")
            rows.push_back(std::move(row));
    return rows;
}

TEST(AuditIndexInterval, SeededDeterministicAndAroundTheIndex) {
    const ScoreInput input = libraries(demoRows());
    const ServiceScore score = scoreService(input);
    ASSERT_TRUE(score.overall.has_value());
    IntervalOptions options;
    options.draws = 60;
    const IndexInterval first = simulateIndexInterval(input, *score.overall, options);
    const IndexInterval again = simulateIndexInterval(input, *score.overall, options);
    ASSERT_TRUE(first.lower && first.upper);
    EXPECT_EQ(*first.lower, *again.lower);
    EXPECT_EQ(*first.upper, *again.upper);
    EXPECT_LE(*first.lower, *score.overall);
    EXPECT_GE(*first.upper, *score.overall);
    EXPECT_GT(*first.upper - *first.lower, 0.5);
    EXPECT_EQ(first.draws, 60);
    options.seed += 1;
    EXPECT_NE(*simulateIndexInterval(input, *score.overall, options).lower, *first.lower);
}

TEST(AuditIndexInterval, NoUncertaintyMeansNoInterval) {
    std::vector<EvidenceRow> rows = demoRows();
    for (EvidenceRow& row : rows) {
        row.standardError.reset();
        row.lowerCi.reset();
        row.upperCi.reset();
        row.numerator.reset();
        row.denominator.reset();
        row.sampleSize.reset();
    }
    const ScoreInput input = libraries(rows);
    const ServiceScore score = scoreService(input);
    ASSERT_TRUE(score.overall.has_value());
    const IndexInterval interval = simulateIndexInterval(input, *score.overall, IntervalOptions{});
    EXPECT_FALSE(interval.lower.has_value());
    EXPECT_EQ(interval.unavailableReason, "no figure carries a standard error, interval or counts");
}

TEST(AuditIndexInterval, UnitSeedsDifferPerUnitAndAreStable) {
    const auto a = unitSeed(1, ServiceId{"ab"}, AreaCode{"c"});
    EXPECT_NE(a, unitSeed(1, ServiceId{"a"}, AreaCode{"bc"}));
    EXPECT_EQ(a, unitSeed(1, ServiceId{"ab"}, AreaCode{"c"}));
}

TEST(AuditRunner, SameResultsInPlanOrderWhateverTheThreads) {
    EvidenceSet evidence =
        readEvidenceFile(test::sourceDir() / "datasets" / "county_council" / "evidence.csv", catalogue());
    const AuditPlan plan = planAudit(std::move(evidence.rows), "", "", "demo");
    AuditSettings settings;
    settings.interval.draws = 20;
    std::vector<std::vector<std::string>> seen;
    for (const int jobs : {1, 3}) {
        AuditRunner runner(catalogue(), settings, plan, jobs);
        std::vector<std::string> results;
        while (auto result = runner.next())
            results.push_back(result->score.service.str() + " " + std::to_string(*result->score.overall) +
                              " " + std::to_string(*result->interval.lower) + " " +
                              std::to_string(result->score.flags.size()));
        seen.push_back(results);
    }
    ASSERT_EQ(seen[0].size(), 5u);
    EXPECT_EQ(seen[0], seen[1]);
    EXPECT_EQ(seen[0].front().rfind("adult_social_care ", 0), 0u);
}

TEST(AuditRunner, CancelStopsHandingOver) {
    EvidenceSet evidence =
        readEvidenceFile(test::sourceDir() / "datasets" / "county_council" / "evidence.csv", catalogue());
    const AuditPlan plan = planAudit(std::move(evidence.rows), "", "", "demo");
    AuditSettings settings;
    settings.interval.draws = 0;
    AuditRunner runner(catalogue(), settings, plan, 2);
    ASSERT_TRUE(runner.next().has_value());
    runner.cancel();
    EXPECT_FALSE(runner.next().has_value());
}

} // namespace
} // namespace capeq::audit
