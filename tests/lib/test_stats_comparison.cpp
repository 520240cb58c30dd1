// SPDX-License-Identifier: Apache-2.0
// Expected values: R prop.trend.test and lm(weights = 1/se^2) via tools/reference/stats_reference.R;
// PHEindicatormethods testdata_funnel_prop_outputs.csv (commit 093fd288d8f8949dbcfbed70049dbbf385b6141d),
// whose baseline is sum(numerator)/sum(denominator) of testdata_funnel_prop_inputs.csv.
#include "test_stats_reference_data.hpp"

#include <capeq/stats/comparison.hpp>
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/group_estimates.hpp>
#include <capeq/stats/trend.hpp>

#include <cmath>
#include <gtest/gtest.h>

namespace capeq::stats {

TEST(Comparison, GapDifferenceRatioAndSignificance) {
    // By hand: 60 (SE 2) vs 50 (SE 1.5): D = 10, SE = sqrt(4 + 2.25) = 2.5, 95% CI 10 +- 1.959964 * 2.5.
    const Estimate group = estimateFromSe(60.0, 2.0);
    const Estimate reference = estimateFromSe(50.0, 1.5);
    const Gap gap = gapToReference(group, reference, Polarity::HigherIsBetter);
    EXPECT_NEAR(*gap.difference.se, 2.5, 1e-15);
    EXPECT_NEAR(*gap.difference.lower, 10.0 - 1.959963984540054 * 2.5, 1e-12);
    EXPECT_EQ(gap.significance, Significance::Better);
    // Ratio 1.2, SE(ln R) = sqrt((2/60)^2 + (1.5/50)^2) = sqrt(0.00111111 + 0.0009) = 0.0448454...
    ASSERT_TRUE(gap.ratio);
    EXPECT_NEAR(*gap.ratio->logSe, std::sqrt(1.0 / 900.0 + 0.0009), 1e-15);
    EXPECT_NEAR(*gap.ratio->lower, 1.2 * std::exp(-1.959963984540054 * std::sqrt(1.0 / 900.0 + 0.0009)),
                1e-12);
    EXPECT_EQ(gapToReference(group, reference, Polarity::LowerIsBetter).significance, Significance::Worse);
    EXPECT_EQ(gapToReference(group, reference, Polarity::NoJudgement).significance, Significance::Higher);
    // At 99.8% the same gap (z = 4.0) is still significant; a gap of 7 (z = 2.8) is only at 95%.
    const Estimate closer = estimateFromSe(57.0, 2.0);
    EXPECT_EQ(gapToReference(closer, reference, Polarity::HigherIsBetter, 0.95).significance,
              Significance::Better);
    EXPECT_EQ(gapToReference(closer, reference, Polarity::HigherIsBetter, 0.998).significance,
              Significance::Similar);
    // No SE: not assessed, never called significant.
    const Gap unknown =
        gapToReference(estimateWithoutCi(70.0, "published without SE"), reference, Polarity::HigherIsBetter);
    EXPECT_EQ(unknown.significance, Significance::NotAssessed);
    EXPECT_FALSE(unknown.difference.unavailableReason.empty());
    // Zero reference value: no ratio, with a reason.
    const Gap zeroRef = gapToReference(group, estimateFromSe(0.0, 0.5), Polarity::HigherIsBetter);
    EXPECT_FALSE(zeroRef.ratio);
    EXPECT_FALSE(zeroRef.ratioUnavailableReason.empty());
}

TEST(Comparison, BenchmarkAndChange) {
    const Estimate local = wilsonProportion(65, 100, 0.95, 100);
    EXPECT_EQ(compareToBenchmark(local, 50.0, Polarity::HigherIsBetter), Significance::Better);
    EXPECT_EQ(compareToBenchmark(local, 50.0, Polarity::LowerIsBetter), Significance::Worse);
    EXPECT_EQ(compareToBenchmark(local, 60.0, Polarity::HigherIsBetter), Significance::Similar);
    EXPECT_EQ(compareToBenchmark(local, 80.0, Polarity::NoJudgement), Significance::Lower);
    // 99.8%: PHE's fixture limits for 65/100 are 49.549..77.835, so 50 is inside.
    const Estimate wide = wilsonProportion(65, 100, 0.998, 100);
    EXPECT_EQ(compareToBenchmark(wide, 50.0, Polarity::HigherIsBetter), Significance::Similar);
    const Change change =
        changeBetween(estimateFromSe(40.0, 1.0), estimateFromSe(45.0, 1.0), Polarity::LowerIsBetter);
    EXPECT_EQ(change.change, ChangeClass::Worsened);
    EXPECT_NEAR(*change.difference.se, std::sqrt(2.0), 1e-15);
    EXPECT_EQ(
        changeBetween(estimateFromSe(40.0, 1.0), estimateFromSe(41.0, 1.0), Polarity::HigherIsBetter).change,
        ChangeClass::NoSignificantChange);
}

TEST(Comparison, TrendsMatchR) {
    const auto ref = test::readReference("stats/r_reference.csv");
    const std::vector<double> counts = {15, 22, 31, 40};
    const std::vector<double> denominators = {100, 105, 98, 110};
    const std::vector<double> years = {2019, 2020, 2021, 2022};
    const Trend rising = proportionTrend(counts, denominators, years, Polarity::LowerIsBetter);
    const auto& expected = ref.at("prop.trend.test(c(15,22,31,40),c(100,105,98,110),score=2019:2022)");
    EXPECT_NEAR(rising.z * rising.z, expected.at("statistic"), 1e-10);
    EXPECT_NEAR(rising.pValue, expected.at("p.value"), 1e-15);
    EXPECT_EQ(rising.label, "increasing and getting worse");
    const Trend flat = proportionTrend(std::vector<double>{30, 29, 31}, std::vector<double>{100, 100, 100},
                                       std::vector<double>{1, 2, 3}, Polarity::HigherIsBetter);
    EXPECT_NEAR(flat.z * flat.z,
                ref.at("prop.trend.test(c(30,29,31),c(100,100,100),score=1:3)").at("statistic"), 1e-12);
    EXPECT_EQ(flat.direction, TrendDirection::NoSignificantChange);

    const std::vector<double> values = {60.1, 61.5, 61.9, 63.4, 64.0};
    const std::vector<double> ses = {0.8, 0.7, 0.9, 0.6, 0.75};
    std::vector<TrendPoint> points;
    for (std::size_t i = 0; i < values.size(); ++i)
        points.push_back({2018.0 + static_cast<double>(i), estimateFromSe(values[i], ses[i])});
    const Trend wls = weightedTrend(points, Polarity::HigherIsBetter);
    EXPECT_NEAR(wls.slope.value, ref.at("wls(yv~tv,w=1/se^2)").at("slope"), 1e-10);
    EXPECT_NEAR(*wls.slope.se, ref.at("wls(yv~tv,w=1/se^2)").at("se_known_variance"), 1e-10);
    EXPECT_EQ(wls.label, "increasing and getting better");
    EXPECT_EQ(weightedTrend(std::span(points).first(2), Polarity::HigherIsBetter).direction,
              TrendDirection::NotAssessed);
}

TEST(Comparison, ProportionFunnelMatchesPheFixture) {
    const auto inputs = test::readCsvTable("stats/phe/testdata_funnel_prop_inputs.csv");
    double numerator = 0.0;
    double denominator = 0.0;
    for (std::size_t r = 0; r < inputs.rows.size(); ++r) {
        numerator += *inputs.number(r, "numerator");
        denominator += *inputs.number(r, "denominator");
    }
    const double baseline = numerator / denominator;
    const auto outputs = test::readCsvTable("stats/phe/testdata_funnel_prop_outputs.csv");
    int checked = 0;
    for (std::size_t r = 0; r < outputs.rows.size(); ++r) {
        const double n = *outputs.number(r, "Population");
        EXPECT_NEAR(100.0 * baseline, *outputs.number(r, "Baseline"), 5e-7);
        // PHE takes z = qnorm(0.975) for the 95% limits and qnorm(0.999) for the 99.8% limits.
        const FunnelLimits l95 = proportionFunnelLimits(baseline, n, 0.95);
        const FunnelLimits l998 = proportionFunnelLimits(baseline, n, 0.998);
        EXPECT_NEAR(100.0 * l95.lower, *outputs.number(r, "Lower2s0025limit"), 5e-6) << n;
        EXPECT_NEAR(100.0 * l95.upper, *outputs.number(r, "Upper2s0025limit"), 5e-6) << n;
        EXPECT_NEAR(100.0 * l998.lower, *outputs.number(r, "Lower3s0001limit"), 5e-6) << n;
        EXPECT_NEAR(100.0 * l998.upper, *outputs.number(r, "Upper3s0001limit"), 5e-6) << n;
        checked += 4;
    }
    EXPECT_EQ(checked, 400);
}

TEST(Comparison, RateFunnelInvertsExactPoisson) {
    // At the lower limit the exact upper confidence limit of the observed count equals the expected count.
    const FunnelLimits limits = rateFunnelLimits(0.01, 2000.0, 0.95);
    const double expected = 20.0;
    EXPECT_NEAR(exactPoissonLimits(limits.lower * 2000.0, 0.95).second, expected, 1e-6);
    EXPECT_NEAR(exactPoissonLimits(limits.upper * 2000.0, 0.95).first, expected, 1e-6);
    EXPECT_LT(limits.lower, 0.01);
    EXPECT_GT(limits.upper, 0.01);
}

} // namespace capeq::stats
