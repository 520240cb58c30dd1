// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/stats/estimate.hpp>

#include <span>
#include <string>

namespace capeq::stats {

/// One period of a series: its time (e.g. the year) and its estimate.
struct TrendPoint {
    double time = 0.0;
    Estimate estimate;
};

enum class TrendDirection { Increasing, Decreasing, NoSignificantChange, NotAssessed };

/// A trend over three or more periods.
struct Trend {
    Estimate slope;      ///< change in the value per unit of time, with CI
    double z = 0.0;      ///< slope / SE (its square is the chi-square statistic with 1 df)
    double pValue = 1.0; ///< two-sided
    TrendDirection direction = TrendDirection::NotAssessed;
    std::string label;  ///< Fingertips-style, e.g. "increasing and getting worse", "no significant change"
    std::string method; ///< "weighted_least_squares" or "chi_square_for_trend"
};

/// Weighted least-squares slope of value on time with weights 1/SE^2 (inverse-variance, the SEs taken as
/// known): SE(slope) = 1/sqrt(sum w (t - tbar_w)^2). Needs >= 3 points, each with an SE > 0; otherwise the
/// result is NotAssessed with the reason in label.
Trend weightedTrend(std::span<const TrendPoint> points, Polarity polarity, double level = 0.95);

/// Chi-square test for trend in proportions (Cochran-Armitage; R's prop.trend.test) with scores = times.
/// The slope is the least-squares change in the proportion (0..1) per unit time. Needs >= 3 periods with
/// denominators > 0; throws std::invalid_argument for inconsistent lengths or counts.
Trend proportionTrend(std::span<const double> counts, std::span<const double> denominators,
                      std::span<const double> times, Polarity polarity, double level = 0.95);

/// Control limits of a funnel plot.
struct FunnelLimits {
    double lower = 0.0;
    double upper = 0.0;
};
/// Funnel limits for a proportion (0..1) with baseline p0 at denominator n: the observed proportions whose
/// Wilson interval at this level just reaches p0 (the Fingertips method; equals PHEindicatormethods'
/// sigma_adjustment), clamped to [0, 1]. Throws std::invalid_argument unless 0 <= p0 <= 1 and n > 0.
FunnelLimits proportionFunnelLimits(double baseline, double n, double level);
/// Funnel limits for a rate (per unit of denominator) with baseline r0 at denominator n: the observed rates
/// whose exact Poisson interval just reaches r0 * n. Throws std::invalid_argument for r0 < 0 or n <= 0.
FunnelLimits rateFunnelLimits(double baseline, double n, double level);

} // namespace capeq::stats
