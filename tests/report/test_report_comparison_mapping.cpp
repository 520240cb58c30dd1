// SPDX-License-Identifier: Apache-2.0
// Chart data of the views that compare a service with other services and areas (spine chart from evidence
// rows, funnel plot) and that cross two characteristics (intersection view), from small hand-made evidence
// with the expected figures worked out by hand below.
#include "report_fixture.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <report/chart_mapping.hpp>

namespace capeq::report {
namespace {

EvidenceRow wholeRow(const std::string& indicator, const std::string& area, double value, double se, double n,
                     const std::string& period = "2024/25") {
    EvidenceRow r;
    r.indicator = IndicatorId{indicator};
    r.area = AreaCode{area};
    r.service = ServiceId{"adult_social_care"};
    r.period = period;
    r.characteristic = kAllCharacteristic;
    r.group = kAllGroup;
    r.value = value;
    r.standardError = se;
    r.sampleSize = n;
    return r;
}

EvidenceRow countRow(const std::string& area, double numerator, double denominator,
                     const std::string& period = "2024/25") {
    EvidenceRow r;
    r.indicator = IndicatorId{"good_health"};
    r.area = AreaCode{area};
    r.service = ServiceId{"adult_social_care"};
    r.period = period;
    r.characteristic = kAllCharacteristic;
    r.group = kAllGroup;
    r.numerator = numerator;
    r.denominator = denominator;
    return r;
}

EvidenceRow crossedRow(const std::string& group, double value, double se, double n) {
    EvidenceRow r = wholeRow("good_health", "A1", value, se, n);
    r.characteristic = CharacteristicId{"sex*ethnicity_5"};
    r.group = GroupCode{group};
    return r;
}

// Wilson score interval of a proportion p observed out of n (Wilson 1927), written out independently of
// CapEq: centre (p + z^2/2n) / (1 + z^2/n), half-width z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
std::pair<double, double> wilson(double p, double n, double z) {
    const double shrink = 1.0 + z * z / n;
    const double centre = (p + z * z / (2.0 * n)) / shrink;
    const double half = z / shrink * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n));
    return {centre - half, centre + half};
}

TEST(ReportComparisonMapping, SpineFromRowsRanksTheServiceAmongTheOtherAreas) {
    const Catalogue catalogue = test::reportCatalogue();
    std::vector<EvidenceRow> rows = {
        wholeRow("good_health", "A1", 60, 2, 500), wholeRow("good_health", "A2", 70, 2, 500),
        wholeRow("good_health", "A3", 72, 2, 500), wholeRow("good_health", "A4", 80, 2, 500),
        wholeRow("good_health", "A5", 90, 2, 500), wholeRow("good_health", "A6", 95, 2, 500),
        // Base 5 is below the minimum of 10: suppressed, so its 20 must not stretch the range.
        wholeRow("good_health", "A7", 20, 2, 5),
        // Another period: ignored.
        wholeRow("good_health", "A1", 10, 2, 500, "2023/24"),
        // Only the subject has dignity: nothing to compare it with, so the row is left out.
        wholeRow("dignity", "A6", 85, 1, 900)};
    const SpineData spine = spineFromRows(rows, catalogue, ServiceId{"adult_social_care"}, AreaCode{"A6"},
                                          "2024/25", DisclosurePolicy{});
    EXPECT_EQ(spine.subjectLabel, "adult_social_care (A6)");
    ASSERT_EQ(spine.rows.size(), 1U);
    const SpineRow& row = spine.rows[0];
    EXPECT_EQ(row.label, "Good health");
    EXPECT_EQ(row.servicesCompared, 6);
    EXPECT_EQ(row.value, 95.0);
    // Sorted 60 70 72 80 90 95 (n = 6); type-7 quantile at p sits at position p * (n - 1):
    //   p = .25 -> 1.25 -> 70 + .25 * (72 - 70) = 70.5;  p = .5 -> 2.5 -> 72 + .5 * (80 - 72) = 76;
    //   p = .75 -> 3.75 -> 80 + .75 * (90 - 80) = 87.5.
    EXPECT_DOUBLE_EQ(row.minimum, 60.0);
    EXPECT_DOUBLE_EQ(row.p25, 70.5);
    EXPECT_DOUBLE_EQ(row.benchmark, 76.0);
    EXPECT_DOUBLE_EQ(row.p75, 87.5);
    EXPECT_DOUBLE_EQ(row.maximum, 95.0);
    // 95 - 1.96 * 2 = 91.08 > 76 and higher is better: significantly better than the median.
    EXPECT_EQ(row.significance, SignificanceClass::Better);
    EXPECT_NE(spine.method.find("1 indicator without another service to compare"), std::string::npos);

    // A6 seen from A1 (60 + 1.96 * 2 = 63.92 < 76): significantly worse.
    const SpineData fromA1 = spineFromRows(rows, catalogue, ServiceId{"adult_social_care"}, AreaCode{"A1"},
                                           "2024/25", DisclosurePolicy{});
    ASSERT_EQ(fromA1.rows.size(), 1U);
    EXPECT_EQ(fromA1.rows[0].significance, SignificanceClass::Worse);
}

TEST(ReportComparisonMapping, FunnelLimitsAndClassesFromCounts) {
    const Catalogue catalogue = test::reportCatalogue();
    const std::vector<EvidenceRow> rows = {
        countRow("E1", 30, 100), countRow("E2", 60, 100), countRow("E3", 45, 100),
        // a count of 3 is suppressed (small count 1-4): no point, not pooled
        countRow("E4", 3, 12), countRow("E1", 90, 100, "2023/24")};
    EXPECT_EQ(funnelIndicators(rows, catalogue, "2024/25"),
              std::vector<IndicatorId>{IndicatorId{"good_health"}});
    EXPECT_TRUE(funnelIndicators(rows, catalogue, "2023/24").empty()); // one area only

    const FunnelData funnel = funnelFrom(rows, catalogue, IndicatorId{"good_health"}, "2024/25",
                                         ServiceId{"adult_social_care"}, DisclosurePolicy{}, AreaCode{"E3"});
    ASSERT_EQ(funnel.points.size(), 3U);
    // Pooled baseline: (30 + 60 + 45) / (100 + 100 + 100) = 0.45, shown as 45 (%).
    EXPECT_NEAR(funnel.baseline, 45.0, 1e-9);
    // The limits start at 0.8 x the smallest denominator: n = 80. With z = 1.959964, k = z^2/80 = 0.0480182,
    // A = p0(1 + k) - k/2 = 0.4475991, the limits are the roots of (1 + k)p^2 - (2A + k)p + (A^2 - k^2/4):
    // 0.340984 and 0.559016, i.e. 34.10% and 55.90%.
    ASSERT_FALSE(funnel.limits.empty());
    const FunnelLimitPoint& first = funnel.limits.front();
    EXPECT_NEAR(first.n, 80.0, 1e-9);
    EXPECT_NEAR(first.lower95, 34.0984, 1e-3);
    EXPECT_NEAR(first.upper95, 55.9016, 1e-3);
    // And independently: the Wilson interval of each limit at n = 80 just reaches the baseline.
    EXPECT_NEAR(wilson(first.lower95 / 100.0, 80.0, 1.959964).second, 0.45, 1e-6);
    EXPECT_NEAR(wilson(first.upper95 / 100.0, 80.0, 1.959964).first, 0.45, 1e-6);
    EXPECT_NEAR(wilson(first.upper998 / 100.0, 80.0, 3.090232).first, 0.45, 1e-6);
    EXPECT_LT(first.lower998, first.lower95);
    // At n = 100 the 95% limits are 35.25% and 54.75% (same arithmetic, k = 0.0384146): 30 is below,
    // 60 above, 45 inside.
    std::map<std::string, SignificanceClass> classes;
    for (const FunnelPoint& point : funnel.points)
        classes[point.label] = point.significance;
    EXPECT_EQ(classes["adult_social_care (E1)"], SignificanceClass::Worse);
    EXPECT_EQ(classes["adult_social_care (E2)"], SignificanceClass::Better);
    EXPECT_EQ(classes["adult_social_care (E3)"], SignificanceClass::Similar);
    for (const FunnelPoint& point : funnel.points)
        EXPECT_EQ(point.highlighted, point.label == "adult_social_care (E3)") << point.label;
}

TEST(ReportComparisonMapping, IntersectionCellsAgainstTheWholePopulation) {
    const Catalogue catalogue = test::reportCatalogue();
    std::vector<EvidenceRow> rows = {
        wholeRow("good_health", "A1", 70, 1, 1000), crossedRow("female*white", 80, 2, 400),
        crossedRow("male*white", 69, 2, 400), crossedRow("female*black", 55, 8, 4), // base 4 < 10: suppressed
        crossedRow("male*black", 50, 5, 60)};
    EvidenceRow otherArea = crossedRow("female*white", 10, 1, 500);
    otherArea.area = AreaCode{"A2"};
    EvidenceRow threeWay = crossedRow("female*white*young", 75, 3, 100);
    threeWay.characteristic = CharacteristicId{"sex*ethnicity_5*age"};
    std::vector<EvidenceRow> all = rows;
    all.push_back(otherArea);
    all.push_back(threeWay);
    const std::vector<IntersectionChoice> choices =
        intersectionsIn(all, ServiceId{"adult_social_care"}, AreaCode{"A1"}, "2024/25");
    ASSERT_EQ(choices.size(), 1U);
    EXPECT_EQ(choices[0].indicator, IndicatorId{"good_health"});
    EXPECT_EQ(choices[0].rowCharacteristic, CharacteristicId{"sex"});
    EXPECT_EQ(choices[0].columnCharacteristic, CharacteristicId{"ethnicity_5"});

    DisclosurePolicy primaryOnly;
    primaryOnly.secondary = false; // the cells expected below follow from the primary rule alone
    const IntersectionData data =
        intersectionFrom(rows, catalogue, IndicatorId{"good_health"}, CharacteristicId{"sex"},
                         CharacteristicId{"ethnicity_5"}, primaryOnly);
    EXPECT_EQ(data.rowLabels, (std::vector<std::string>{"Female", "Male"}));
    EXPECT_EQ(data.columnLabels, (std::vector<std::string>{"Black", "White"})); // the catalogue's order
    ASSERT_EQ(data.cells.size(), 2U);
    ASSERT_EQ(data.cells[0].size(), 2U);
    const IntersectionCell& femaleBlack = data.cells[0][0];
    EXPECT_TRUE(femaleBlack.suppression.suppressed);
    EXPECT_EQ(femaleBlack.suppression.code, "P-base");
    EXPECT_FALSE(femaleBlack.figure.value.has_value());
    EXPECT_FALSE(femaleBlack.figure.lower.has_value());
    // female*white: 80 +- 1.96 x 2 = 76.08 to 83.92, above 70: better.
    EXPECT_EQ(data.cells[0][1].figure.value, 80.0);
    EXPECT_NEAR(*data.cells[0][1].figure.lower, 76.08, 0.01);
    EXPECT_EQ(data.cells[0][1].significance, SignificanceClass::Better);
    // male*black: 50 +- 1.96 x 5 = 40.2 to 59.8, below 70: worse.
    EXPECT_EQ(data.cells[1][0].significance, SignificanceClass::Worse);
    // male*white: 69 +- 3.92 = 65.08 to 72.92 contains 70: similar.
    EXPECT_EQ(data.cells[1][1].significance, SignificanceClass::Similar);
}

} // namespace
} // namespace capeq::report
