// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/stats/estimate.hpp>
#include <capeq/stats/summary_measures.hpp>

#include <functional>
#include <span>
#include <vector>

namespace capeq::stats {

/// Sample quantile, R's default type 7 (linear interpolation between order statistics), p in [0, 1].
/// Throws std::invalid_argument for an empty sample.
double sampleQuantile(std::vector<double> sample, double p);

/// A measure of the group values (in the groups' order), used by the simulation.
using GroupMeasure = std::function<double(std::span<const double> values)>;

/// Parametric simulation CI (WHO HEAT's method, with CapEq's own generator): options.simulations times,
/// draw every y_j ~ N(y_j, se_j) kept within the options' bounds (redrawn up to 100 times, then clamped),
/// recompute the measure, and take the type-7 percentiles at (1 -+ level)/2. `se` is the replicates'
/// standard deviation. Without every SE the estimate has no interval (reason given).
Estimate simulatedEstimate(double value, std::span<const GroupValue> groups, const MeasureOptions& options,
                           const GroupMeasure& measure);

} // namespace capeq::stats
