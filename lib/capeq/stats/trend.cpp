// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/group_estimates.hpp>
#include <capeq/stats/trend.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace capeq::stats {

namespace {

Trend finishTrend(double slope, double se, Polarity polarity, double level, std::string method) {
    Trend trend;
    trend.method = std::move(method);
    trend.slope = estimateFromSe(slope, se, level);
    trend.z = se > 0.0 ? slope / se : 0.0;
    trend.pValue = 2.0 * normalCdf(-std::fabs(trend.z));
    const bool significant = se > 0.0 && std::fabs(trend.z) > zForLevel(level);
    if (!significant) {
        trend.direction = TrendDirection::NoSignificantChange;
        trend.label = "no significant change";
        return trend;
    }
    trend.direction = slope > 0.0 ? TrendDirection::Increasing : TrendDirection::Decreasing;
    trend.label = slope > 0.0 ? "increasing" : "decreasing";
    if (polarity != Polarity::NoJudgement) {
        const bool better = (slope > 0.0) == (polarity == Polarity::HigherIsBetter);
        trend.label += better ? " and getting better" : " and getting worse";
    }
    return trend;
}

Trend notAssessed(std::string reason, double level) {
    Trend trend;
    trend.slope = estimateWithoutCi(0.0, reason, level);
    trend.label = "not assessed: " + reason;
    return trend;
}

} // namespace

Trend weightedTrend(std::span<const TrendPoint> points, Polarity polarity, double level) {
    if (points.size() < 3)
        return notAssessed("a trend needs at least 3 periods", level);
    double sw = 0.0;
    double swt = 0.0;
    double swy = 0.0;
    for (const TrendPoint& point : points) {
        if (!point.estimate.se || !(*point.estimate.se > 0.0))
            return notAssessed("every period needs a standard error above 0", level);
        const double w = 1.0 / (*point.estimate.se * *point.estimate.se);
        sw += w;
        swt += w * point.time;
        swy += w * point.estimate.value;
    }
    const double tbar = swt / sw;
    const double ybar = swy / sw;
    double sxx = 0.0;
    double sxy = 0.0;
    for (const TrendPoint& point : points) {
        const double w = 1.0 / (*point.estimate.se * *point.estimate.se);
        sxx += w * (point.time - tbar) * (point.time - tbar);
        sxy += w * (point.time - tbar) * (point.estimate.value - ybar);
    }
    if (!(sxx > 0.0))
        return notAssessed("all periods have the same time", level);
    return finishTrend(sxy / sxx, 1.0 / std::sqrt(sxx), polarity, level, "weighted_least_squares");
}

Trend proportionTrend(std::span<const double> counts, std::span<const double> denominators,
                      std::span<const double> times, Polarity polarity, double level) {
    if (counts.size() != denominators.size() || counts.size() != times.size())
        throw std::invalid_argument("counts, denominators and times differ in length");
    if (counts.size() < 3)
        return notAssessed("a trend needs at least 3 periods", level);
    double totalX = 0.0;
    double totalN = 0.0;
    double sumNT = 0.0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (!(denominators[i] > 0.0) || !(counts[i] >= 0.0) || counts[i] > denominators[i])
            throw std::invalid_argument("each period needs 0 <= count <= denominator and denominator > 0");
        totalX += counts[i];
        totalN += denominators[i];
        sumNT += denominators[i] * times[i];
    }
    const double pbar = totalX / totalN;
    const double tbar = sumNT / totalN;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        sxx += denominators[i] * (times[i] - tbar) * (times[i] - tbar);
        sxy += counts[i] * (times[i] - tbar);
    }
    if (!(sxx > 0.0))
        return notAssessed("all periods have the same time", level);
    if (pbar == 0.0 || pbar == 1.0) {
        Trend flat = finishTrend(0.0, 0.0, polarity, level, "chi_square_for_trend");
        flat.label = "no significant change (no variation: every period is 0% or 100%)";
        return flat;
    }
    return finishTrend(sxy / sxx, std::sqrt(pbar * (1.0 - pbar) / sxx), polarity, level,
                       "chi_square_for_trend");
}

FunnelLimits proportionFunnelLimits(double baseline, double n, double level) {
    if (!(baseline >= 0.0 && baseline <= 1.0) || !(n > 0.0))
        throw std::invalid_argument("funnel limits need a baseline proportion in [0, 1] and n > 0");
    // Solve Wilson(p, n) limit = baseline for p: with k = z^2/n and A = p0 (1 + k) - k/2 the condition is
    // (A - p)^2 = k p (1 - p) + k^2/4, i.e. (1 + k) p^2 - (2A + k) p + (A^2 - k^2/4) = 0.
    const double z = zForLevel(level);
    const double k = z * z / n;
    const double a = baseline * (1.0 + k) - k / 2.0;
    const double b = 2.0 * a + k;
    const double c = a * a - k * k / 4.0;
    const double root = std::sqrt(std::max(0.0, b * b - 4.0 * (1.0 + k) * c));
    return {std::clamp((b - root) / (2.0 * (1.0 + k)), 0.0, 1.0),
            std::clamp((b + root) / (2.0 * (1.0 + k)), 0.0, 1.0)};
}

FunnelLimits rateFunnelLimits(double baseline, double n, double level) {
    if (!(baseline >= 0.0) || !(n > 0.0))
        throw std::invalid_argument("funnel limits need a baseline rate >= 0 and n > 0");
    const double expected = baseline * n;
    // The exact limits of a count rise monotonically with the count, so bisect on a continuous count O.
    auto solve = [&](bool lowerSide) {
        double lo = 0.0;
        double hi = expected + 20.0 * std::sqrt(expected + 1.0) + 20.0;
        const auto limits = exactPoissonLimits(0.0, level);
        if (lowerSide && limits.second >= expected)
            return 0.0; // even a zero count is compatible with the baseline
        for (int i = 0; i < 200; ++i) {
            const double mid = 0.5 * (lo + hi);
            const auto [l, u] = exactPoissonLimits(mid, level);
            const bool reached = lowerSide ? u >= expected : l > expected;
            (reached ? hi : lo) = mid;
        }
        return 0.5 * (lo + hi);
    };
    return {solve(true) / n, solve(false) / n};
}

} // namespace capeq::stats
