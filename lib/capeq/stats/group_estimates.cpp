// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/group_estimates.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace capeq::stats {

namespace {

// Below this many events the Byar approximation is poor, so exact limits are used (PHE's rule).
constexpr double kExactPoissonBelow = 10.0;

} // namespace

Estimate wilsonProportion(double x, double n, double level, double multiplier) {
    if (!(n > 0.0))
        throw std::invalid_argument("denominator must be greater than zero");
    if (!(x >= 0.0) || x > n)
        throw std::invalid_argument("numerator must be between 0 and the denominator");
    const double z = zForLevel(level);
    const double z2 = z * z;
    const double p = x / n;
    // Written in the counts form (2x + z^2 -+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2)), which stays exact at
    // x = 0 and x = n.
    const double root = z * std::sqrt(z2 + 4.0 * x * (1.0 - p));
    const double denominator = 2.0 * (n + z2);
    Estimate e;
    e.value = p * multiplier;
    e.se = std::sqrt(p * (1.0 - p) / n) * multiplier;
    e.level = level;
    e.lower = std::max(0.0, (2.0 * x + z2 - root) / denominator) * multiplier;
    e.upper = std::min(1.0, (2.0 * x + z2 + root) / denominator) * multiplier;
    e.ciMethod = CiMethod::Wilson;
    return e;
}

std::pair<double, double> exactPoissonLimits(double count, double level) {
    if (!(count >= 0.0))
        throw std::invalid_argument("count must be >= 0");
    const double alpha = 1.0 - level;
    zForLevel(level); // validates the level
    const double lower = count == 0.0 ? 0.0 : chiSquareQuantile(alpha / 2.0, 2.0 * count) / 2.0;
    const double upper = chiSquareQuantile(1.0 - alpha / 2.0, 2.0 * count + 2.0) / 2.0;
    return {lower, upper};
}

std::pair<double, double> byarLimits(double count, double level) {
    if (!(count >= 0.0))
        throw std::invalid_argument("count must be >= 0");
    const double z = zForLevel(level);
    double lower = 0.0;
    if (count > 0.0) {
        const double base = 1.0 - 1.0 / (9.0 * count) - z / (3.0 * std::sqrt(count));
        lower = base > 0.0 ? count * base * base * base : 0.0;
    }
    const double o1 = count + 1.0;
    const double baseUpper = 1.0 - 1.0 / (9.0 * o1) + z / (3.0 * std::sqrt(o1));
    return {lower, o1 * baseUpper * baseUpper * baseUpper};
}

Estimate poissonRate(double count, double denominator, double level, double multiplier) {
    if (!(denominator > 0.0))
        throw std::invalid_argument("denominator must be greater than zero");
    if (!(count >= 0.0))
        throw std::invalid_argument("count must be >= 0");
    const bool exact = count < kExactPoissonBelow;
    const auto [lo, hi] = exact ? exactPoissonLimits(count, level) : byarLimits(count, level);
    Estimate e;
    e.value = count / denominator * multiplier;
    e.se = std::sqrt(count) / denominator * multiplier;
    e.level = level;
    e.lower = lo / denominator * multiplier;
    e.upper = hi / denominator * multiplier;
    e.ciMethod = exact ? CiMethod::ExactPoisson : CiMethod::Byar;
    return e;
}

Estimate studentMean(double mean, double sd, double n, double level) {
    if (!(sd >= 0.0))
        throw std::invalid_argument("standard deviation must be >= 0");
    if (!(n >= 2.0))
        return estimateWithoutCi(mean, "fewer than 2 observations: no t interval", level);
    zForLevel(level);
    const double se = sd / std::sqrt(n);
    const double t = studentTQuantile(1.0 - (1.0 - level) / 2.0, n - 1.0);
    Estimate e;
    e.value = mean;
    e.se = se;
    e.level = level;
    e.lower = mean - t * se;
    e.upper = mean + t * se;
    e.ciMethod = CiMethod::StudentT;
    return e;
}

} // namespace capeq::stats
