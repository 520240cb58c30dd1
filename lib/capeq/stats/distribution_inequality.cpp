// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distribution_inequality.hpp>
#include <capeq/stats/simulation.hpp>
#include <capeq/stats/weighted_estimates.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace capeq::stats {

namespace {

struct Sorted {
    std::vector<double> y;
    std::vector<double> w;
    double totalW = 0.0;
    double totalWy = 0.0;
};

Sorted sortedCopy(std::span<const double> values, std::span<const double> weights) {
    if (values.size() != weights.size() || values.empty())
        throw std::invalid_argument("values and weights must be non-empty and of equal length");
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    Sorted s;
    for (std::size_t i : order) {
        if (!(values[i] >= 0.0) || !(weights[i] >= 0.0))
            throw std::invalid_argument("values and weights must be >= 0");
        s.y.push_back(values[i]);
        s.w.push_back(weights[i]);
        s.totalW += weights[i];
        s.totalWy += weights[i] * values[i];
    }
    if (!(s.totalW > 0.0))
        throw std::invalid_argument("zero total weight");
    return s;
}

// Lorenz curve L(p), linear between the cumulative (population, income) points of the sorted units.
double lorenz(const Sorted& s, double p) {
    double cumW = 0.0;
    double cumY = 0.0;
    for (std::size_t i = 0; i < s.y.size(); ++i) {
        const double nextW = cumW + s.w[i] / s.totalW;
        const double nextY = cumY + s.w[i] * s.y[i] / s.totalWy;
        if (nextW >= p && s.w[i] > 0.0)
            return cumY + (nextY - cumY) * (p - cumW) / (nextW - cumW);
        cumW = nextW;
        cumY = nextY;
    }
    return 1.0;
}

} // namespace

double weightedGini(std::span<const double> values, std::span<const double> weights) {
    const Sorted s = sortedCopy(values, weights);
    if (!(s.totalWy > 0.0))
        throw std::invalid_argument("Gini needs a positive total");
    // sum_i sum_j w_i w_j |y_i - y_j| = 2 sum_i w_i y_i (W_below_i - W_above_i) over the sorted values.
    double below = 0.0;
    double pairSum = 0.0;
    for (std::size_t i = 0; i < s.y.size(); ++i) {
        const double above = s.totalW - below - s.w[i];
        pairSum += 2.0 * s.w[i] * s.y[i] * (below - above);
        below += s.w[i];
    }
    const double mu = s.totalWy / s.totalW;
    return pairSum / (2.0 * s.totalW * s.totalW * mu);
}

double weightedAtkinson(std::span<const double> values, std::span<const double> weights, double epsilon) {
    if (!(epsilon > 0.0))
        throw std::invalid_argument("Atkinson's epsilon must be > 0");
    const Sorted s = sortedCopy(values, weights);
    const double mu = s.totalWy / s.totalW;
    if (!(mu > 0.0))
        throw std::invalid_argument("Atkinson index needs a positive mean");
    const bool anyZero = s.y.front() == 0.0;
    if (anyZero && epsilon >= 1.0)
        return 1.0;
    double acc = 0.0;
    for (std::size_t i = 0; i < s.y.size(); ++i)
        acc += s.w[i] * (epsilon == 1.0 ? std::log(s.y[i]) : std::pow(s.y[i], 1.0 - epsilon));
    acc /= s.totalW;
    const double powerMean = epsilon == 1.0 ? std::exp(acc) : std::pow(acc, 1.0 / (1.0 - epsilon));
    return 1.0 - powerMean / mu;
}

double weightedPalma(std::span<const double> values, std::span<const double> weights) {
    const Sorted s = sortedCopy(values, weights);
    if (!(s.totalWy > 0.0))
        throw std::invalid_argument("Palma ratio needs a positive total");
    const double bottom = lorenz(s, 0.4);
    if (!(bottom > 0.0))
        throw std::domain_error("the bottom 40% hold nothing: Palma ratio is infinite");
    return (1.0 - lorenz(s, 0.9)) / bottom;
}

double weightedRatio9010(std::span<const double> values, std::span<const double> weights) {
    const double p10 = weightedQuantile(values, weights, 0.1);
    if (!(p10 > 0.0))
        throw std::domain_error("the 10th percentile is 0: 90/10 ratio is infinite");
    return weightedQuantile(values, weights, 0.9) / p10;
}

std::vector<DistributionMeasure> distributionInequality(std::span<const double> values,
                                                        std::span<const double> weights,
                                                        const BootstrapOptions& options) {
    using Measure = std::function<double(std::span<const double>, std::span<const double>)>;
    const std::vector<std::pair<std::string, Measure>> measures = {
        {"GINI", weightedGini},
        {"ATKINSON_0.5", [](auto v, auto w) { return weightedAtkinson(v, w, 0.5); }},
        {"ATKINSON_1", [](auto v, auto w) { return weightedAtkinson(v, w, 1.0); }},
        {"ATKINSON_2", [](auto v, auto w) { return weightedAtkinson(v, w, 2.0); }},
        {"PALMA", weightedPalma},
        {"P90_P10", weightedRatio9010}};
    std::vector<DistributionMeasure> out;
    const std::size_t n = values.size();
    for (std::size_t m = 0; m < measures.size(); ++m) {
        const auto& [id, measure] = measures[m];
        double value = 0.0;
        try {
            value = measure(values, weights);
        } catch (const std::domain_error& error) {
            out.push_back({id, std::nullopt, error.what()});
            continue;
        }
        if (n < 10) {
            out.push_back(
                {id,
                 estimateWithoutCi(value, "fewer than 10 rows: no bootstrap interval", options.level),
                 {}});
            continue;
        }
        // One generator per measure, seeded from the recorded seed, so adding a measure never shifts another.
        Rng rng(options.seed + m);
        std::vector<double> replicates;
        std::vector<double> bv(n);
        std::vector<double> bw(n);
        for (int r = 0; r < options.replicates; ++r) {
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t k = rng.index(n);
                bv[i] = values[k];
                bw[i] = weights[k];
            }
            try {
                replicates.push_back(measure(bv, bw));
            } catch (const std::exception&) {
                // a replicate where the measure is undefined (e.g. all weight on zeros) is skipped
            }
        }
        if (replicates.size() < static_cast<std::size_t>(options.replicates) * 9 / 10) {
            out.push_back({id,
                           estimateWithoutCi(value, "measure undefined in too many bootstrap replicates",
                                             options.level),
                           {}});
            continue;
        }
        const double alpha = 1.0 - options.level;
        const double mean = std::accumulate(replicates.begin(), replicates.end(), 0.0) /
                            static_cast<double>(replicates.size());
        double squares = 0.0;
        for (double x : replicates)
            squares += (x - mean) * (x - mean);
        Estimate e;
        e.value = value;
        e.se = std::sqrt(squares / static_cast<double>(replicates.size() - 1));
        e.level = options.level;
        e.lower = sampleQuantile(replicates, alpha / 2.0);
        e.upper = sampleQuantile(replicates, 1.0 - alpha / 2.0);
        e.ciMethod = CiMethod::Bootstrap;
        out.push_back({id, e, {}});
    }
    return out;
}

} // namespace capeq::stats
