// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/stats/estimate.hpp>

namespace capeq::stats {

/// Proportion x/n with the Wilson score interval (Wilson 1927; Newcombe 1998 method 3), both scaled by
/// multiplier (1 for a fraction, 100 for a percentage). SE is the binomial sqrt(p(1-p)/n) on the same
/// scale. x may be fractional (weighted counts). Throws std::invalid_argument unless 0 <= x <= n, n > 0.
Estimate wilsonProportion(double x, double n, double level = 0.95, double multiplier = 1.0);

/// Exact Poisson limits for a count: [chi2(a/2, 2x)/2, chi2(1-a/2, 2x+2)/2] with a = 1 - level
/// (Garwood 1936). The lower limit is 0 when x = 0. Throws std::invalid_argument for x < 0.
std::pair<double, double> exactPoissonLimits(double count, double level);
/// Byar's approximation to the Poisson limits (Breslow & Day 1987), lower limit floored at 0.
/// Throws std::invalid_argument for x < 0.
std::pair<double, double> byarLimits(double count, double level);

/// Crude rate count/denominator * multiplier; limits exact Poisson when count < 10, Byar otherwise (the
/// PHE / Fingertips rule). SE = sqrt(count)/denominator * multiplier. Throws std::invalid_argument for
/// count < 0 or denominator <= 0.
Estimate poissonRate(double count, double denominator, double level = 0.95, double multiplier = 1.0);

/// Mean with a Student t interval: mean +- t(1-a/2, n-1) * sd / sqrt(n); sd is the sample SD (n - 1).
/// n < 2 gives the mean without an interval (reason given). Throws std::invalid_argument for sd < 0.
Estimate studentMean(double mean, double sd, double n, double level = 0.95);

} // namespace capeq::stats
