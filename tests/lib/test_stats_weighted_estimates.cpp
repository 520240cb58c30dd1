// SPDX-License-Identifier: Apache-2.0
// Expected values: R survey (svydesign(ids=~1, weights=~w), svyby/svymean/svyquantile qrule "math") and the
// textbook inequality definitions, run once on tests/data/stats/microdata_small.csv by
// tools/reference/stats_reference.R (output in tests/data/stats/r_reference.csv).
#include "test_stats_reference_data.hpp"

#include <capeq/stats/distribution_inequality.hpp>
#include <capeq/stats/weighted_estimates.hpp>

#include <cmath>
#include <gtest/gtest.h>

namespace capeq::stats {

namespace {

struct Micro {
    std::vector<std::string> group;
    std::vector<double> w, y, b;
};

Micro loadMicro() {
    const auto table = test::readCsvTable("stats/microdata_small.csv");
    Micro m;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        m.group.push_back(table.text(r, "group"));
        m.w.push_back(*table.number(r, "w"));
        m.y.push_back(*table.number(r, "y"));
        m.b.push_back(*table.number(r, "b"));
    }
    return m;
}

const auto& reference() {
    static const auto table = test::readReference("stats/r_reference.csv");
    return table;
}

} // namespace

TEST(WeightedEstimates, DomainMeansMatchSurveySvyby) {
    const Micro m = loadMicro();
    int checked = 0;
    for (const std::string g : {"a", "b", "c"}) {
        for (const std::string variable : {"y", "b"}) {
            const auto& column = variable == "y" ? m.y : m.b;
            std::vector<double> values, weights;
            WeightedSums sums{variable == "y" ? 25.0 : 0.0};
            for (std::size_t i = 0; i < m.y.size(); ++i) {
                if (m.group[i] != g)
                    continue;
                values.push_back(column[i]);
                weights.push_back(m.w[i]);
                sums.add(column[i], m.w[i]);
            }
            const auto& expected = reference().at("svyby(~" + variable + ",~group,svymean)[" + g + "]");
            const WeightedEstimate twoPass = weightedMean(values, weights, m.y.size());
            const WeightedEstimate streamed = weightedMean(sums, m.y.size());
            EXPECT_NEAR(twoPass.estimate.value, expected.at("mean"), 1e-12) << g << variable;
            EXPECT_NEAR(*twoPass.estimate.se, expected.at("se"), 1e-12) << g << variable;
            EXPECT_NEAR(streamed.estimate.value, expected.at("mean"), 1e-11) << g << variable;
            EXPECT_NEAR(*streamed.estimate.se, expected.at("se"), 1e-11) << g << variable;
            EXPECT_EQ(twoPass.n, 20u);
            EXPECT_EQ(twoPass.estimate.ciMethod, CiMethod::Linearisation);
            checked += 2;
        }
    }
    EXPECT_EQ(checked, 12);
}

TEST(WeightedEstimates, WholeSampleQuantilesAndShareBelow) {
    const Micro m = loadMicro();
    const auto& all = reference().at("svymean(~y)");
    const WeightedEstimate whole = weightedMean(m.y, m.w, m.y.size());
    EXPECT_NEAR(whole.estimate.value, all.at("mean"), 1e-12);
    EXPECT_NEAR(*whole.estimate.se, all.at("se"), 1e-12);
    const auto& below = reference().at("svymean(~I(y<20))");
    const WeightedEstimate share = shareBelow(m.y, m.w, 20.0, m.y.size());
    EXPECT_NEAR(share.estimate.value, below.at("mean"), 1e-12);
    EXPECT_NEAR(*share.estimate.se, below.at("se"), 1e-12);
    EXPECT_DOUBLE_EQ(weightedQuantile(m.y, m.w, 0.1),
                     reference().at("svyquantile(~y,0.1,qrule='math')").at("value"));
    EXPECT_DOUBLE_EQ(weightedQuantile(m.y, m.w, 0.5),
                     reference().at("svyquantile(~y,0.5,qrule='math')").at("value"));
    EXPECT_DOUBLE_EQ(weightedQuantile(m.y, m.w, 0.9),
                     reference().at("svyquantile(~y,0.9,qrule='math')").at("value"));
}

TEST(WeightedEstimates, MergedSumsEqualOnePass) {
    WeightedSums left{30.0};
    WeightedSums right{30.0};
    WeightedSums both{30.0};
    for (int i = 0; i < 50; ++i) {
        const double y = 20.0 + (i * 37 % 23);
        const double w = 1.0 + (i % 5) * 0.25;
        (i % 2 ? left : right).add(y, w);
        both.add(y, w);
    }
    left.merge(right);
    EXPECT_NEAR(weightedMean(left, 100).estimate.value, weightedMean(both, 100).estimate.value, 1e-12);
    EXPECT_NEAR(*weightedMean(left, 100).estimate.se, *weightedMean(both, 100).estimate.se, 1e-12);
    EXPECT_THROW(left.merge(WeightedSums{1.0}), std::invalid_argument);
    EXPECT_THROW(weightedMean(WeightedSums{}, 10), std::invalid_argument);
    // A design of one row has no variance, and says why.
    WeightedSums single;
    single.add(1.0, 2.0);
    EXPECT_FALSE(weightedMean(single, 1).estimate.hasCi());
    EXPECT_FALSE(weightedMean(single, 1).estimate.unavailableReason.empty());
}

TEST(DistributionInequality, MatchesTextbookDefinitions) {
    const Micro m = loadMicro();
    EXPECT_NEAR(weightedGini(m.y, m.w), reference().at("gini_pairwise(y,w)").at("value"), 1e-13);
    EXPECT_NEAR(weightedAtkinson(m.y, m.w, 0.5), reference().at("atkinson(y,w,0.5)").at("value"), 1e-13);
    EXPECT_NEAR(weightedAtkinson(m.y, m.w, 1.0), reference().at("atkinson(y,w,1)").at("value"), 1e-13);
    EXPECT_NEAR(weightedAtkinson(m.y, m.w, 2.0), reference().at("atkinson(y,w,2)").at("value"), 1e-13);
    EXPECT_NEAR(weightedPalma(m.y, m.w), reference().at("palma_lorenz(y,w)").at("value"), 1e-12);
    EXPECT_NEAR(weightedRatio9010(m.y, m.w),
                reference().at("svyquantile(~y,0.9,qrule='math')").at("value") /
                    reference().at("svyquantile(~y,0.1,qrule='math')").at("value"),
                1e-13);
}

TEST(DistributionInequality, BootstrapIsReproducibleAndCoversEstimate) {
    const Micro m = loadMicro();
    const auto first = distributionInequality(m.y, m.w);
    const auto second = distributionInequality(m.y, m.w);
    ASSERT_EQ(first.size(), 6u);
    for (std::size_t i = 0; i < first.size(); ++i) {
        ASSERT_TRUE(first[i].estimate) << first[i].id;
        EXPECT_EQ(*first[i].estimate->lower, *second[i].estimate->lower) << first[i].id;
        EXPECT_EQ(first[i].estimate->ciMethod, CiMethod::Bootstrap);
        EXPECT_LT(*first[i].estimate->lower, *first[i].estimate->upper) << first[i].id;
    }
    // Equal incomes: no inequality at all.
    const std::vector<double> flat(12, 5.0);
    const std::vector<double> ones(12, 1.0);
    EXPECT_NEAR(weightedGini(flat, ones), 0.0, 1e-15);
    EXPECT_NEAR(weightedAtkinson(flat, ones, 2.0), 0.0, 1e-15);
    EXPECT_NEAR(weightedPalma(flat, ones), 0.25, 1e-15); // 10% of the total over 40% of it
    // A zero income: Atkinson(2) is 1; a zero 10th percentile leaves 90/10 undefined with a reason.
    std::vector<double> withZeros = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(weightedAtkinson(withZeros, ones, 2.0), 1.0);
    const auto measures = distributionInequality(withZeros, ones);
    const auto ratio =
        std::find_if(measures.begin(), measures.end(), [](const auto& d) { return d.id == "P90_P10"; });
    ASSERT_NE(ratio, measures.end());
    EXPECT_FALSE(ratio->estimate);
    EXPECT_FALSE(ratio->undefinedReason.empty());
}

} // namespace capeq::stats
