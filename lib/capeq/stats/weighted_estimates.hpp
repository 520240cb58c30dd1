// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/stats/estimate.hpp>

#include <cstddef>
#include <span>

namespace capeq::stats {

/// Sufficient statistics of one domain (a group's rows with a non-missing value) for a weighted mean and
/// its weights-only linearisation SE. They are plain sums, so partial results from threads, files or SQL
/// `GROUP BY` merge exactly. Values are stored relative to `shift` to avoid cancellation in the variance;
/// pick a typical value of y (any finite number is correct, a close one is more precise).
struct WeightedSums {
    double shift = 0.0;
    std::size_t n = 0; ///< unweighted rows added
    double sumW = 0.0;
    double sumWY = 0.0; ///< of (y - shift)
    double sumW2 = 0.0;
    double sumW2Y = 0.0;
    double sumW2Y2 = 0.0;

    /// Adds one row with value y and weight w >= 0 (throws std::invalid_argument for a negative weight).
    void add(double y, double w);
    /// Adds another domain's sums (with the same shift; throws std::invalid_argument otherwise).
    void merge(const WeightedSums& other);
};

/// A weighted domain estimate with its bases.
struct WeightedEstimate {
    Estimate estimate;
    std::size_t n = 0;              ///< unweighted base
    double weightedPopulation = 0.; ///< sum of weights in the domain
};

/// Weighted mean (a proportion when y is 0/1) of a domain within a weights-only design of designRows
/// rows, with the SE of R survey::svymean(svydesign(ids=~1, weights=~w)) for a domain:
/// SE^2 = N/(N-1) * sum_D w^2 (y - p)^2 / (sum_D w)^2 with N = designRows; normal limits.
/// An empty domain or zero weight sum throws std::invalid_argument; designRows < 2 gives no interval.
WeightedEstimate weightedMean(const WeightedSums& domain, std::size_t designRows, double level = 0.95);
/// The same from the domain's values and weights (two passes, no cancellation at all).
WeightedEstimate weightedMean(std::span<const double> values, std::span<const double> weights,
                              std::size_t designRows, double level = 0.95);

/// Weighted quantile as survey::svyquantile(qrule = "math"): the smallest value whose weighted empirical
/// CDF reaches p, p in [0, 1]. Throws std::invalid_argument for empty input or a zero weight sum.
double weightedQuantile(std::span<const double> values, std::span<const double> weights, double p);

/// Weighted share of the domain with a value strictly below threshold, as a proportion with the same
/// linearisation SE as weightedMean.
WeightedEstimate shareBelow(std::span<const double> values, std::span<const double> weights, double threshold,
                            std::size_t designRows, double level = 0.95);

} // namespace capeq::stats
