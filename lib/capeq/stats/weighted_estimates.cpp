// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/weighted_estimates.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace capeq::stats {

namespace {

void checkSpans(std::span<const double> values, std::span<const double> weights) {
    if (values.size() != weights.size())
        throw std::invalid_argument("values and weights differ in length");
    if (values.empty())
        throw std::invalid_argument("no rows in the domain");
}

WeightedEstimate finish(double mean, double sumW, double sumSquares, std::size_t n, std::size_t designRows,
                        double level) {
    WeightedEstimate result;
    result.n = n;
    result.weightedPopulation = sumW;
    if (designRows < 2) {
        result.estimate =
            estimateWithoutCi(mean, "design has fewer than 2 rows: no variance estimate", level);
        return result;
    }
    const double nDesign = static_cast<double>(designRows);
    const double variance = nDesign / (nDesign - 1.0) * std::max(0.0, sumSquares) / (sumW * sumW);
    result.estimate = estimateFromSe(mean, std::sqrt(variance), level, CiMethod::Linearisation);
    return result;
}

} // namespace

void WeightedSums::add(double y, double w) {
    if (!(w >= 0.0))
        throw std::invalid_argument("weights must be >= 0");
    const double d = y - shift;
    ++n;
    sumW += w;
    sumWY += w * d;
    sumW2 += w * w;
    sumW2Y += w * w * d;
    sumW2Y2 += w * w * d * d;
}

void WeightedSums::merge(const WeightedSums& other) {
    if (other.shift != shift)
        throw std::invalid_argument("cannot merge weighted sums with different shifts");
    n += other.n;
    sumW += other.sumW;
    sumWY += other.sumWY;
    sumW2 += other.sumW2;
    sumW2Y += other.sumW2Y;
    sumW2Y2 += other.sumW2Y2;
}

WeightedEstimate weightedMean(const WeightedSums& domain, std::size_t designRows, double level) {
    if (domain.n == 0 || !(domain.sumW > 0.0))
        throw std::invalid_argument("empty domain or zero total weight: no weighted mean");
    const double meanShifted = domain.sumWY / domain.sumW;
    // sum w^2 (d - m)^2 expanded in the stored sums.
    const double squares =
        domain.sumW2Y2 - 2.0 * meanShifted * domain.sumW2Y + meanShifted * meanShifted * domain.sumW2;
    return finish(meanShifted + domain.shift, domain.sumW, squares, domain.n, designRows, level);
}

WeightedEstimate weightedMean(std::span<const double> values, std::span<const double> weights,
                              std::size_t designRows, double level) {
    checkSpans(values, weights);
    double sumW = 0.0;
    double sumWY = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!(weights[i] >= 0.0))
            throw std::invalid_argument("weights must be >= 0");
        sumW += weights[i];
        sumWY += weights[i] * values[i];
    }
    if (!(sumW > 0.0))
        throw std::invalid_argument("zero total weight: no weighted mean");
    const double mean = sumWY / sumW;
    double squares = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double r = weights[i] * (values[i] - mean);
        squares += r * r;
    }
    return finish(mean, sumW, squares, values.size(), designRows, level);
}

double weightedQuantile(std::span<const double> values, std::span<const double> weights, double p) {
    checkSpans(values, weights);
    if (!(p >= 0.0 && p <= 1.0))
        throw std::invalid_argument("quantile probability must be in [0, 1]");
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (!(total > 0.0))
        throw std::invalid_argument("zero total weight: no quantile");
    double cumulative = 0.0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        cumulative += weights[order[k]];
        // Ties share one CDF step: only test at the last copy of a value.
        if (k + 1 < order.size() && values[order[k + 1]] == values[order[k]])
            continue;
        if (cumulative / total >= p * (1.0 - 1e-15))
            return values[order[k]];
    }
    return values[order.back()];
}

WeightedEstimate shareBelow(std::span<const double> values, std::span<const double> weights, double threshold,
                            std::size_t designRows, double level) {
    checkSpans(values, weights);
    std::vector<double> below(values.size());
    std::transform(values.begin(), values.end(), below.begin(),
                   [threshold](double v) { return v < threshold ? 1.0 : 0.0; });
    return weightedMean(below, weights, designRows, level);
}

} // namespace capeq::stats
