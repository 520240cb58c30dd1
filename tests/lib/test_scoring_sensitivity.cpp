// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/sensitivity.hpp>

#include <cmath>
#include <gtest/gtest.h>

namespace capeq {
namespace {

ServiceScore service(const std::string& id, std::vector<double> domainScores) {
    ServiceScore s;
    s.service = ServiceId{id};
    for (std::size_t d = 0; d < domainScores.size(); ++d) {
        const DomainId domain{"d" + std::to_string(d)};
        s.domains.push_back({domain, domainScores[d], 1.0, 1});
        s.cells.push_back({domain, DimensionId{"outcome"}, domainScores[d], {}});
    }
    s.overall = 1.0;
    return s;
}

TEST(Sensitivity, RankBandsSplitRanksEvenly) {
    EXPECT_EQ(rankBand(0, 10, 5), 1);
    EXPECT_EQ(rankBand(1, 10, 5), 1);
    EXPECT_EQ(rankBand(2, 10, 5), 2);
    EXPECT_EQ(rankBand(9, 10, 5), 5);
    EXPECT_EQ(rankBand(2, 3, 5), 3) << "three services: each rank is its own band";
}

TEST(Sensitivity, GammaDrawsHaveTheRightMeanAndVariance) {
    // Gamma(k, 1) has mean k and variance k; 20,000 draws put the sample mean within ~4 SE of k.
    for (const double shape : {0.4, 1.0, 3.5, 20.0}) {
        stats::Rng rng(7);
        const int n = 20000;
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int i = 0; i < n; ++i) {
            const double x = gammaDraw(rng, shape);
            ASSERT_GT(x, 0.0);
            sum += x;
            sumSquares += x * x;
        }
        const double mean = sum / n;
        const double variance = sumSquares / n - mean * mean;
        EXPECT_NEAR(mean, shape, 4.0 * std::sqrt(shape / n)) << shape;
        EXPECT_NEAR(variance, shape, 0.1 * shape) << shape;
    }
}

TEST(Sensitivity, ClearLeaderKeepsItsBandAndCloseRivalsDoNot) {
    // a dominates everywhere; b and c swap depending on the weight of domain 0 against domain 1.
    const std::vector<ServiceScore> services = {service("a", {90, 90}), service("b", {60, 40}),
                                                service("c", {40, 60})};
    SensitivityOptions options;
    options.draws = 400;
    const auto stability = rankStability(services, WeightProfile{}, Aggregation::Arithmetic, 1.0, options);
    ASSERT_EQ(stability.size(), 3u);
    EXPECT_EQ(stability[0].rank, 1);
    EXPECT_DOUBLE_EQ(stability[0].probabilityKeepsBand, 1.0);
    // b and c tie under equal weights (b ranks first by input order); under symmetric perturbation each keeps
    // its band about half the time.
    EXPECT_NEAR(stability[1].probabilityKeepsBand, 0.5, 0.1);
    EXPECT_NEAR(stability[2].probabilityKeepsBand, 0.5, 0.1);
    const auto again = rankStability(services, WeightProfile{}, Aggregation::Arithmetic, 1.0, options);
    EXPECT_EQ(again[1].probabilityKeepsBand, stability[1].probabilityKeepsBand) << "same seed, same result";
}

} // namespace
} // namespace capeq
