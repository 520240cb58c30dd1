// SPDX-License-Identifier: Apache-2.0
// Expected values from outside CapEq:
// - PHEindicatormethods v2.1.0 test fixtures (https://github.com/ukhsa-collaboration/PHEindicatormethods,
//   commit 093fd288d8f8949dbcfbed70049dbbf385b6141d, tests/testthat/testdata_{Proportion,Rate,Byars_Wilson,
//   Mean}.xlsx), converted unchanged to CSV by tools/reference/phe_fixtures_to_csv.py into
//   tests/data/stats/phe.
// - base R (poisson.test, prop.test(correct = FALSE), t.test) via tools/reference/stats_reference.R.
#include "test_stats_reference_data.hpp"

#include <capeq/stats/group_estimates.hpp>

#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>

namespace capeq::stats {

namespace {

void expectClose(double actual, double expected, const std::string& what, double rel = 1e-9) {
    EXPECT_NEAR(actual, expected, rel * std::max(1e-12, std::fabs(expected))) << what;
}

} // namespace

TEST(GroupEstimates, WilsonMatchesPheProportionFixture) {
    // testdata_Prop: value, 95% and 99.8% limits for 16 rows (fraction and percentage): 80 values.
    const auto table = test::readCsvTable("stats/phe/testdata_Prop.csv");
    int checked = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto x = table.number(r, "Numerator");
        const auto n = table.number(r, "Denominator");
        if (!x || !n)
            continue;
        const double multiplier = *table.number(r, "multiplier");
        const Estimate e95 = wilsonProportion(*x, *n, 0.95, multiplier);
        const Estimate e998 = wilsonProportion(*x, *n, 0.998, multiplier);
        const std::string row = table.text(r, "Area") + " x" + std::to_string(multiplier);
        expectClose(e95.value, *table.number(r, "value"), row);
        expectClose(*e95.lower, *table.number(r, "lower95_0cl"), row);
        expectClose(*e95.upper, *table.number(r, "upper95_0cl"), row);
        expectClose(*e998.lower, *table.number(r, "lower99_8cl"), row);
        expectClose(*e998.upper, *table.number(r, "upper99_8cl"), row);
        EXPECT_EQ(e95.ciMethod, CiMethod::Wilson);
        checked += 5;
    }
    EXPECT_EQ(checked, 80);
}

TEST(GroupEstimates, WilsonMatchesPheGroupedFixture) {
    const auto table = test::readCsvTable("stats/phe/testdata_Prop_g.csv");
    int checked = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto x = table.number(r, "Numerator");
        const auto n = table.number(r, "Denominator");
        if (!x || !n)
            continue;
        const Estimate e = wilsonProportion(*x, *n, 0.95);
        expectClose(e.value, *table.number(r, "value"), table.text(r, "Area"));
        expectClose(*e.lower, *table.number(r, "lowercl"), table.text(r, "Area"));
        expectClose(*e.upper, *table.number(r, "uppercl"), table.text(r, "Area"));
        checked += 3;
    }
    EXPECT_EQ(checked, 24);
}

TEST(GroupEstimates, RatesMatchPheRateFixtures) {
    // testdata_Rate (exact below 10 events, Byar otherwise) at 95% and 99.8%, and testdata_Rate_g at 95%.
    int checked = 0;
    const auto rate = test::readCsvTable("stats/phe/testdata_Rate.csv");
    for (std::size_t r = 0; r < rate.rows.size(); ++r) {
        const auto x = rate.number(r, "Numerator");
        const auto n = rate.number(r, "Denominator");
        if (!x || !n)
            continue;
        const double multiplier = *rate.number(r, "multiplier");
        const Estimate e95 = poissonRate(*x, *n, 0.95, multiplier);
        const Estimate e998 = poissonRate(*x, *n, 0.998, multiplier);
        const std::string row = rate.text(r, "Area") + " x" + std::to_string(multiplier);
        EXPECT_EQ(toString(e95.ciMethod), rate.text(r, "method") == "Exact" ? "exact_poisson" : "byar")
            << row;
        expectClose(e95.value, *rate.number(r, "value"), row);
        expectClose(*e95.lower, *rate.number(r, "lower95_0cl"), row);
        expectClose(*e95.upper, *rate.number(r, "upper95_0cl"), row);
        expectClose(*e998.lower, *rate.number(r, "lower99_8cl"), row);
        expectClose(*e998.upper, *rate.number(r, "upper99_8cl"), row);
        checked += 5;
    }
    const auto grouped = test::readCsvTable("stats/phe/testdata_Rate_g.csv");
    for (std::size_t r = 0; r < grouped.rows.size(); ++r) {
        const auto x = grouped.number(r, "Numerator");
        const auto n = grouped.number(r, "Denominator");
        if (!x || !n)
            continue;
        const Estimate e = poissonRate(*x, *n, 0.95, *grouped.number(r, "multiplier"));
        expectClose(e.value, *grouped.number(r, "value"), grouped.text(r, "Area"));
        expectClose(*e.lower, *grouped.number(r, "lowercl"), grouped.text(r, "Area"));
        expectClose(*e.upper, *grouped.number(r, "uppercl"), grouped.text(r, "Area"));
        checked += 3;
    }
    EXPECT_EQ(checked, 17 * 5 + 9 * 3);
}

TEST(GroupEstimates, ByarAndWilsonMatchPheByarsWilsonFixture) {
    const auto table = test::readCsvTable("stats/phe/testdata_B_W.csv");
    int checked = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const double level = table.text(r, "confidence") == "95%" ? 0.95 : 0.998;
        const double x = *table.number(r, "x");
        const auto lower = table.number(r, "lowercl");
        const auto upper = table.number(r, "uppercl");
        if (table.text(r, "method") == "Byars") {
            const auto [lo, hi] = byarLimits(x, level);
            if (lower) {
                expectClose(lo, *lower, "byar lower " + std::to_string(x));
                ++checked;
            } else {
                EXPECT_EQ(lo, 0.0) << "PHE gives no lower Byar limit for 1 event at 99.8%; CapEq floors at 0";
            }
            expectClose(hi, *upper, "byar upper " + std::to_string(x));
        } else {
            const Estimate e = wilsonProportion(x, *table.number(r, "n"), level);
            expectClose(*e.lower, *lower, "wilson lower");
            expectClose(*e.upper, *upper, "wilson upper");
            ++checked;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 25);
}

TEST(GroupEstimates, StudentMeanMatchesPheMeanFixture) {
    // testdata_Mean: raw values per area; testdata_Mean_results: mean, sd and 95%/99.8% t limits.
    const auto raw = test::readCsvTable("stats/phe/testdata_Mean.csv");
    const auto results = test::readCsvTable("stats/phe/testdata_Mean_results.csv");
    int checked = 0;
    for (std::size_t r = 0; r < results.rows.size(); ++r) {
        const std::string area = results.text(r, "area");
        std::vector<double> values;
        for (std::size_t i = 0; i < raw.rows.size(); ++i)
            if (area == "No grouping" || raw.text(i, "area") == area)
                values.push_back(*raw.number(i, "values"));
        double mean = 0.0;
        for (double v : values)
            mean += v;
        mean /= static_cast<double>(values.size());
        double squares = 0.0;
        for (double v : values)
            squares += (v - mean) * (v - mean);
        const double sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
        const auto n = static_cast<double>(values.size());
        expectClose(mean, *results.number(r, "value"), area);
        expectClose(sd, *results.number(r, "stdev"), area);
        const Estimate e95 = studentMean(mean, sd, n, 0.95);
        const Estimate e998 = studentMean(mean, sd, n, 0.998);
        expectClose(*e95.lower, *results.number(r, "lower95_0cl"), area);
        expectClose(*e95.upper, *results.number(r, "upper95_0cl"), area);
        expectClose(*e998.lower, *results.number(r, "lower99_8cl"), area);
        expectClose(*e998.upper, *results.number(r, "upper99_8cl"), area);
        checked += 6;
    }
    EXPECT_EQ(checked, 18);
}

TEST(GroupEstimates, MatchBaseR) {
    const auto ref = test::readReference("stats/r_reference.csv");
    int checked = 0;
    for (const auto& [name, q] : ref) {
        int x = 0;
        double n = 0.0;
        double level = 0.0;
        if (std::sscanf(name.c_str(), "poisson.test(%d,conf.level=%lf)", &x, &level) == 2) {
            const auto [lo, hi] = exactPoissonLimits(x, level);
            EXPECT_NEAR(lo, q.at("lower"), 1e-10 * std::max(1.0, q.at("lower"))) << name;
            expectClose(hi, q.at("upper"), name, 1e-10);
            checked += 2;
        } else if (std::sscanf(name.c_str(), "prop.test(%d,%lf,conf.level=%lf", &x, &n, &level) == 3) {
            const Estimate e = wilsonProportion(x, n, level);
            EXPECT_NEAR(*e.lower, q.at("lower"), 1e-12) << name;
            EXPECT_NEAR(*e.upper, q.at("upper"), 1e-12) << name;
            checked += 2;
        } else if (std::sscanf(name.c_str(), "t.test(c(12.1,9.8,11.4,10.9,13.3),conf.level=%lf)", &level) ==
                   1) {
            // mean 11.5, sample sd sqrt(6.86 / 4) of the five values.
            const Estimate e = studentMean(11.5, std::sqrt(6.86 / 4.0), 5, level);
            expectClose(*e.lower, q.at("lower"), name, 1e-11);
            expectClose(*e.upper, q.at("upper"), name, 1e-11);
            checked += 2;
        }
    }
    EXPECT_EQ(checked, 20 + 16 + 4);
}

TEST(GroupEstimates, AwkwardCounts) {
    // Zero events: Wilson keeps a positive upper limit; exact Poisson lower limit is 0.
    const Estimate none = wilsonProportion(0, 20);
    EXPECT_EQ(*none.lower, 0.0);
    EXPECT_GT(*none.upper, 0.1);
    const Estimate all = wilsonProportion(20, 20);
    EXPECT_EQ(*all.upper, 1.0);
    EXPECT_LT(*all.lower, 0.9);
    const Estimate zeroRate = poissonRate(0, 1000, 0.95, 1000);
    EXPECT_EQ(*zeroRate.lower, 0.0);
    EXPECT_NEAR(*zeroRate.upper, 3.6888794541139363, 1e-9); // -ln(0.025): the exact upper limit for 0 events
    // Millions over billions stay finite and ordered.
    const Estimate huge = wilsonProportion(3.5e6, 6.7e9, 0.998, 100);
    EXPECT_LT(*huge.lower, huge.value);
    EXPECT_GT(*huge.upper, huge.value);
    const Estimate hugeRate = poissonRate(3.5e6, 6.7e9, 0.95, 1e5);
    EXPECT_LT(*hugeRate.lower, hugeRate.value);
    // A single observation has no t interval, and says so.
    const Estimate one = studentMean(4.0, 0.0, 1);
    EXPECT_FALSE(one.hasCi());
    EXPECT_FALSE(one.unavailableReason.empty());
    EXPECT_THROW(wilsonProportion(5, 4), std::invalid_argument);
    EXPECT_THROW(poissonRate(-1, 4), std::invalid_argument);
    EXPECT_THROW(poissonRate(1, 0), std::invalid_argument);
}

} // namespace capeq::stats
