// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/estimate.hpp>

#include <cmath>
#include <stdexcept>

namespace capeq::stats {

std::string toString(CiMethod method) {
    switch (method) {
    case CiMethod::None:
        return "none";
    case CiMethod::Normal:
        return "normal";
    case CiMethod::Supplied:
        return "supplied";
    case CiMethod::Wilson:
        return "wilson";
    case CiMethod::ExactPoisson:
        return "exact_poisson";
    case CiMethod::Byar:
        return "byar";
    case CiMethod::StudentT:
        return "student_t";
    case CiMethod::Linearisation:
        return "linearisation";
    case CiMethod::LogScale:
        return "log_scale";
    case CiMethod::DeltaMethod:
        return "delta_method";
    case CiMethod::Simulation:
        return "simulation";
    case CiMethod::Bootstrap:
        return "bootstrap";
    }
    return "none";
}

std::optional<double> Estimate::seFromCi() const {
    if (!hasCi())
        return std::nullopt;
    return (*upper - *lower) / (2.0 * zForLevel(level));
}

Estimate estimateWithoutCi(double value, std::string reason, double level) {
    if (reason.empty())
        throw std::invalid_argument("an estimate without an interval must say why");
    Estimate e;
    e.value = value;
    e.level = level;
    e.unavailableReason = std::move(reason);
    return e;
}

Estimate estimateFromSe(double value, double se, double level, CiMethod method) {
    if (!(se >= 0.0) || !std::isfinite(se))
        throw std::invalid_argument("standard error must be a finite number >= 0");
    const double z = zForLevel(level);
    Estimate e;
    e.value = value;
    e.se = se;
    e.level = level;
    e.lower = value - z * se;
    e.upper = value + z * se;
    e.ciMethod = method;
    return e;
}

Estimate estimateFromCi(double value, double lower, double upper, double suppliedLevel, double level) {
    if (!(lower <= upper))
        throw std::invalid_argument("lower confidence limit is above the upper limit");
    const double se = (upper - lower) / (2.0 * zForLevel(suppliedLevel));
    if (std::fabs(level - suppliedLevel) < 1e-12) {
        Estimate e;
        e.value = value;
        e.se = se;
        e.level = level;
        e.lower = lower;
        e.upper = upper;
        e.ciMethod = CiMethod::Supplied;
        return e;
    }
    return estimateFromSe(value, se, level);
}

} // namespace capeq::stats
