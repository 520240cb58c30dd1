// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace capeq::stats {

/// How a confidence interval was obtained; written into every output so a reader can check it.
enum class CiMethod {
    None,          ///< no interval: see Estimate::unavailableReason
    Normal,        ///< value +- z * SE
    Supplied,      ///< limits given by the data source at this level
    Wilson,        ///< Wilson score interval for a proportion
    ExactPoisson,  ///< chi-square (gamma) limits for a Poisson count
    Byar,          ///< Byar's approximation to the Poisson limits
    StudentT,      ///< mean +- t(n-1) * sd / sqrt(n)
    Linearisation, ///< Taylor-linearised survey SE, normal limits
    LogScale,      ///< normal limits on the log scale, exponentiated (ratios)
    DeltaMethod,   ///< analytic variance by the delta method, normal limits
    Simulation,    ///< parametric simulation from the group estimates, percentile limits
    Bootstrap      ///< resampling of microdata rows, percentile limits
};

/// Stable text form of a CI method ("wilson", "exact_poisson", ...).
std::string toString(CiMethod method);

/// A point estimate with its uncertainty at one confidence level. A missing interval is never a silent
/// NaN: lower/upper are empty and unavailableReason says why (e.g. "no standard error supplied").
struct Estimate {
    double value = 0.0;
    std::optional<double> se; ///< standard error on the value's scale (log scale for ratios: see logSe)
    std::optional<double> lower;
    std::optional<double> upper;
    double level = 0.95; ///< confidence level of lower/upper, in (0, 1)
    CiMethod ciMethod = CiMethod::None;
    std::string unavailableReason; ///< non-empty exactly when there is no interval
    std::optional<double> logSe;   ///< for ratio measures: SE of ln(value), used for tests on the log scale

    bool hasCi() const { return lower.has_value() && upper.has_value(); }
    /// The interval's half-width over z, when an interval exists (used to back out an SE).
    std::optional<double> seFromCi() const;
};

/// An estimate with no interval, carrying the reason (must be non-empty).
Estimate estimateWithoutCi(double value, std::string reason, double level = 0.95);
/// value +- z(level) * se. se must be >= 0 and finite; throws std::invalid_argument otherwise.
Estimate estimateFromSe(double value, double se, double level = 0.95, CiMethod method = CiMethod::Normal);
/// From published limits at suppliedLevel: SE = (upper - lower) / (2 z(suppliedLevel)). At the supplied
/// level the published limits are kept as they are; at another level a normal interval on the derived SE
/// is used. Throws std::invalid_argument when lower > upper.
Estimate estimateFromCi(double value, double lower, double upper, double suppliedLevel = 0.95,
                        double level = 0.95);

} // namespace capeq::stats
