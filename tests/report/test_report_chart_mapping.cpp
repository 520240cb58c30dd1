// SPDX-License-Identifier: Apache-2.0
// Chart data built from core types: labels, values, significance classes, and suppressed groups that never
// carry a value.
#include "report_fixture.hpp"

#include <gtest/gtest.h>
#include <report/chart_mapping.hpp>

namespace capeq::report {
namespace {

GroupFigure figure(const std::string& group, double value, double se, bool used,
                   const std::string& excluded = "") {
    GroupFigure result;
    result.group = GroupCode{group};
    result.estimate = stats::estimateFromSe(value, se);
    result.base = 500;
    result.reliability = Reliability::Reliable;
    result.usedInScore = used;
    result.excludedBecause = excluded;
    return result;
}

// A hand-built score: good_health by ethnicity with white best, asian significantly worse, black suppressed.
ServiceScore handBuiltScore() {
    ServiceScore score;
    score.service = ServiceId{"svc"};
    score.area = AreaCode{"E1"};
    score.period = "2024/25";
    IndicatorScore health;
    health.indicator = IndicatorId{"good_health"};
    health.domain = DomainId{"health"};
    health.dimension = DimensionId{"outcome"};
    health.whole = stats::estimateFromSe(74.0, 1.0);
    CharacteristicEquality ethnicity;
    ethnicity.characteristic = CharacteristicId{"ethnicity_5"};
    ethnicity.groups = {figure("asian", 64.0, 2.0, true),
                        figure("black", 41.0, 9.0, false, "suppressed by disclosure control"),
                        figure("white", 76.0, 1.0, true)};
    ethnicity.best = GroupCode{"white"};
    ethnicity.worst = GroupCode{"asian"};
    ethnicity.status = GapStatus::Counted;
    ethnicity.shortfall = 0.24;
    ethnicity.equality = 76.0;
    health.characteristics.push_back(ethnicity);
    score.indicators.push_back(health);
    score.cells.push_back({DomainId{"health"}, DimensionId{"outcome"}, 56.0, {IndicatorId{"good_health"}}});
    score.domains.push_back({DomainId{"health"}, 56.0, 1.0, 1});
    score.coverage = {1, 9, 1, 3, {CharacteristicId{"ethnicity_5"}}, {}, true};
    return score;
}

TEST(ReportChartMapping, GapChartNeverGivesASuppressedGroupAValue) {
    const Catalogue catalogue = test::reportCatalogue();
    const ServiceScore score = handBuiltScore();
    SuppressionIndex index;
    index[{"good_health", "ethnicity_5", "black"}] = SuppressionReason::SmallBase;
    const GapChartData gap =
        gapChartFor(score.indicators[0], CharacteristicId{"ethnicity_5"}, catalogue, index);
    ASSERT_EQ(gap.groups.size(), 3U);
    EXPECT_EQ(gap.title, "Good health by Ethnicity (5 groups)");
    EXPECT_EQ(gap.groups[0].label, "Asian");
    EXPECT_EQ(gap.groups[0].significance, SignificanceClass::Worse);
    EXPECT_TRUE(gap.groups[1].suppression.suppressed);
    EXPECT_EQ(gap.groups[1].suppression.code, "P-base");
    EXPECT_FALSE(gap.groups[1].figure.value.has_value());
    EXPECT_FALSE(gap.groups[1].figure.lower.has_value());
    EXPECT_TRUE(gap.groups[2].isReference);
    ASSERT_TRUE(gap.referenceValue.has_value());
    EXPECT_DOUBLE_EQ(*gap.referenceValue, 76.0);
    EXPECT_EQ(gap.minimumStandard, std::optional<double>(65.0));

    // Without the index the scorer's note alone still keeps the value out.
    const GapChartData plain = gapChartFor(score.indicators[0], CharacteristicId{"ethnicity_5"}, catalogue);
    EXPECT_TRUE(plain.groups[1].suppression.suppressed);
    EXPECT_FALSE(plain.groups[1].figure.value.has_value());
    EXPECT_THROW(gapChartFor(score.indicators[0], CharacteristicId{"sex"}, catalogue), std::invalid_argument);
}

TEST(ReportChartMapping, WheelHeatMapCoverageAndEquiplotFollowTheCatalogue) {
    const Catalogue catalogue = test::reportCatalogue();
    const ServiceScore score = handBuiltScore();
    const WheelData wheel = wheelFromScore(score, catalogue);
    ASSERT_EQ(wheel.domainLabels.size(), 3U);
    EXPECT_EQ(wheel.dimensionLabels, (std::vector<std::string>{"Outcomes", "Treatment", "Autonomy"}));
    EXPECT_EQ(wheel.scores[0][0], std::optional<double>(56.0));
    EXPECT_FALSE(wheel.scores[0][1].has_value());
    EXPECT_FALSE(wheel.domainScores[1].has_value());

    const HeatMapData heat = heatMapFromScore(score, catalogue);
    EXPECT_EQ(heat.columnLabels, (std::vector<std::string>{"Ethnicity (5 groups)"}));
    EXPECT_EQ(heat.cells[0][0].significance, std::optional<SignificanceClass>(SignificanceClass::Worse));
    EXPECT_EQ(heat.cells[0][0].label, "worse");
    EXPECT_FALSE(heat.cells[1][0].significance.has_value());

    const CoverageData coverage = coverageFromScore(score, catalogue);
    EXPECT_EQ(coverage.cells[0][0].indicatorsInCatalogue, 1);
    EXPECT_EQ(coverage.cells[0][0].indicatorsWithEvidence, 1);
    EXPECT_TRUE(coverage.partial);
    EXPECT_NE(coverage.summary.find("1 of 9 cells"), std::string::npos);

    const EquiplotData equiplot = equiplotFrom(score, CharacteristicId{"ethnicity_5"}, catalogue);
    ASSERT_EQ(equiplot.rows.size(), 1U);
    EXPECT_EQ(equiplot.groupLabels.front(), "Asian");
    EXPECT_TRUE(equiplot.rows[0].dots[1].suppression.suppressed);
    EXPECT_FALSE(equiplot.rows[0].dots[1].value.has_value());
}

TEST(ReportChartMapping, ScoredEvidenceSuppressesTheSmallGroupEverywhere) {
    const test::ReportCase reportCase = test::makeReportCase();
    const SuppressionIndex index =
        indexSuppression(reportCase.rows, applyDisclosureControl(reportCase.rows, DisclosurePolicy{}));
    ASSERT_TRUE(index.count({"good_health", "ethnicity_5", "black"}));
    for (const IndicatorScore& indicator : reportCase.score.indicators)
        for (const CharacteristicEquality& equality : indicator.characteristics) {
            const GapChartData gap =
                gapChartFor(indicator, equality.characteristic, reportCase.catalogue, index);
            for (const GapGroup& group : gap.groups)
                if (group.suppression.suppressed) {
                    EXPECT_FALSE(group.figure.value.has_value()) << group.code;
                }
        }
    const TrendData trend = trendFromRows(reportCase.rows, reportCase.catalogue, IndicatorId{"good_health"},
                                          CharacteristicId{"ethnicity_5"}, DisclosurePolicy{});
    ASSERT_EQ(trend.periods, (std::vector<std::string>{"2024/25"}));
    for (const TrendSeries& series : trend.series)
        if (series.name == "Black") {
            EXPECT_FALSE(series.points[0].value.has_value());
        }
}

TEST(ReportChartMapping, IndexTrendSpineFunnelAndIntersection) {
    const test::ReportCase reportCase = test::makeReportCase();
    const TrendData trend = trendFromHistory(reportCase.history, reportCase.score, reportCase.catalogue);
    EXPECT_EQ(trend.periods, (std::vector<std::string>{"2022/23", "2023/24", "2024/25"}));
    EXPECT_EQ(trend.series.front().name, "Capability-equality index");
    EXPECT_EQ(trend.series.front().points[2].value, reportCase.score.overall);

    const std::vector<ServiceScore> services = {reportCase.history[0], reportCase.history[1],
                                                reportCase.score};
    const SpineData spine = spineFrom(services, 2, reportCase.catalogue);
    ASSERT_EQ(spine.rows.size(), reportCase.score.indicators.size());
    for (const SpineRow& row : spine.rows) {
        EXPECT_LE(row.minimum, row.p25);
        EXPECT_LE(row.p75, row.maximum);
        EXPECT_EQ(row.servicesCompared, 3);
    }

    std::vector<EvidenceRow> areas;
    for (int i = 0; i < 8; ++i) {
        EvidenceRow r;
        r.indicator = IndicatorId{"good_health"};
        r.area = AreaCode{"E0" + std::to_string(i)};
        r.service = ServiceId{"svc" + std::to_string(i)};
        r.period = "2024/25";
        r.characteristic = kAllCharacteristic;
        r.group = kAllGroup;
        r.denominator = 200.0 * (i + 1);
        r.numerator = (i == 7 ? 0.55 : 0.74) * *r.denominator;
        r.value = *r.numerator / *r.denominator * 100.0;
        areas.push_back(r);
    }
    const FunnelData funnel = funnelFrom(areas, reportCase.catalogue, IndicatorId{"good_health"}, "2024/25",
                                         ServiceId{"svc7"}, DisclosurePolicy{});
    ASSERT_EQ(funnel.points.size(), 8U);
    ASSERT_FALSE(funnel.limits.empty());
    EXPECT_LT(funnel.limits.back().lower998, funnel.limits.back().lower95);
    EXPECT_EQ(funnel.points[7].significance, SignificanceClass::Worse);
    EXPECT_TRUE(funnel.points[7].highlighted);

    std::vector<EvidenceRow> crossed = reportCase.rows;
    for (const auto& [group, n] : std::vector<std::pair<std::string, double>>{
             {"female*white", 500}, {"male*white", 480}, {"female*black", 4}, {"male*black", 30}}) {
        EvidenceRow r = crossed.front();
        r.characteristic = CharacteristicId{"sex*ethnicity_5"};
        r.group = GroupCode{group};
        r.sampleSize = n;
        crossed.push_back(r);
    }
    const IntersectionData intersection =
        intersectionFrom(crossed, reportCase.catalogue, IndicatorId{"good_health"}, CharacteristicId{"sex"},
                         CharacteristicId{"ethnicity_5"}, DisclosurePolicy{});
    EXPECT_EQ(intersection.rowLabels, (std::vector<std::string>{"Female", "Male"}));
    EXPECT_EQ(intersection.columnLabels, (std::vector<std::string>{"Black", "White"}));
    EXPECT_TRUE(intersection.cells[0][0].suppression.suppressed);
    EXPECT_FALSE(intersection.cells[0][0].figure.value.has_value());
    EXPECT_TRUE(intersection.cells[1][1].figure.value.has_value() ||
                intersection.cells[1][1].suppression.suppressed);
}

} // namespace
} // namespace capeq::report
