// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/stats/estimate.hpp>
#include <capeq/stats/random.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace capeq::stats {

/// Within-group inequality of a continuous, non-negative variable from weighted microdata.
/// Point estimates (weights w_i >= 0, values y_i; every function throws std::invalid_argument for empty or
/// mismatched input, a negative value or weight, or a zero weight sum):
/// Gini = sum_i sum_j w_i w_j |y_i - y_j| / (2 W^2 mu), computed in O(n log n) from the sorted values.
double weightedGini(std::span<const double> values, std::span<const double> weights);
/// Atkinson index A(eps) = 1 - (power mean of order 1 - eps) / mean; eps = 1 uses the geometric mean.
/// eps must be > 0; with a zero value A(eps >= 1) = 1 (the power mean is 0).
double weightedAtkinson(std::span<const double> values, std::span<const double> weights, double epsilon);
/// Palma ratio: share of the total held by the top 10% over the share held by the bottom 40%, read from
/// the Lorenz curve interpolated linearly between units (so a unit straddling a cut-off is split).
double weightedPalma(std::span<const double> values, std::span<const double> weights);
/// 90/10 ratio of weighted quantiles (survey's qrule "math"); throws std::domain_error when the 10th
/// percentile is 0.
double weightedRatio9010(std::span<const double> values, std::span<const double> weights);

/// Options of the bootstrap used for these measures' intervals.
struct BootstrapOptions {
    double level = 0.95;
    int replicates = 500;
    std::uint64_t seed = kDefaultSeed;
};

/// One measure of the distribution with a bootstrap percentile interval: rows resampled with replacement
/// (n draws from n rows, the weights-only design's analogue of a simple random sample), recorded seed.
struct DistributionMeasure {
    std::string id; ///< "GINI", "ATKINSON_0.5", "ATKINSON_1", "ATKINSON_2", "PALMA", "P90_P10"
    std::optional<Estimate> estimate; ///< absent when the measure is undefined for the data
    std::string undefinedReason;      ///< why, e.g. "the 10th percentile is 0: 90/10 ratio is infinite"
};

/// All six measures for one group, each with a bootstrap CI (or the reason there is none: fewer than
/// 10 rows, or the measure undefined in the data).
std::vector<DistributionMeasure> distributionInequality(std::span<const double> values,
                                                        std::span<const double> weights,
                                                        const BootstrapOptions& options = {});

} // namespace capeq::stats
