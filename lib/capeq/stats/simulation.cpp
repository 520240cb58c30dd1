// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/random.hpp>
#include <capeq/stats/simulation.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace capeq::stats {

double sampleQuantile(std::vector<double> sample, double p) {
    if (sample.empty())
        throw std::invalid_argument("quantile of an empty sample");
    std::sort(sample.begin(), sample.end());
    const double h = (static_cast<double>(sample.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sample.size() - 1);
    return sample[lo] + (h - static_cast<double>(lo)) * (sample[hi] - sample[lo]);
}

Estimate simulatedEstimate(double value, std::span<const GroupValue> groups, const MeasureOptions& options,
                           const GroupMeasure& measure) {
    for (const GroupValue& g : groups) {
        if (!g.se)
            return estimateWithoutCi(
                value, "group '" + g.code + "' has no standard error: no simulated interval", options.level);
    }
    if (options.simulations < 100)
        throw std::invalid_argument("a simulated interval needs at least 100 replicates");
    Rng rng(options.seed);
    const double lowerBound = options.lowerBound.value_or(-INFINITY);
    const double upperBound = options.upperBound.value_or(INFINITY);
    std::vector<double> draws(groups.size());
    std::vector<double> replicates;
    replicates.reserve(static_cast<std::size_t>(options.simulations));
    for (int r = 0; r < options.simulations; ++r) {
        for (std::size_t j = 0; j < groups.size(); ++j) {
            double draw = rng.normal(groups[j].value, *groups[j].se);
            for (int attempt = 0; attempt < 100 && (draw < lowerBound || draw > upperBound); ++attempt)
                draw = rng.normal(groups[j].value, *groups[j].se);
            draws[j] = std::clamp(draw, lowerBound, upperBound);
        }
        const double m = measure(draws);
        if (std::isfinite(m))
            replicates.push_back(m);
    }
    if (replicates.size() < static_cast<std::size_t>(options.simulations) / 2)
        return estimateWithoutCi(value, "the measure is undefined in most simulated replicates",
                                 options.level);
    double mean = 0.0;
    for (double x : replicates)
        mean += x;
    mean /= static_cast<double>(replicates.size());
    double squares = 0.0;
    for (double x : replicates)
        squares += (x - mean) * (x - mean);
    const double alpha = 1.0 - options.level;
    Estimate e;
    e.value = value;
    e.se = std::sqrt(squares / static_cast<double>(replicates.size() - 1));
    e.level = options.level;
    e.lower = sampleQuantile(replicates, alpha / 2.0);
    e.upper = sampleQuantile(replicates, 1.0 - alpha / 2.0);
    e.ciMethod = CiMethod::Simulation;
    return e;
}

} // namespace capeq::stats
