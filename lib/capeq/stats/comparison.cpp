// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/distributions.hpp>

#include <cmath>
#include <stdexcept>

namespace capeq::stats {

std::string toString(Significance significance) {
    switch (significance) {
    case Significance::Better:
        return "better";
    case Significance::Similar:
        return "similar";
    case Significance::Worse:
        return "worse";
    case Significance::Lower:
        return "lower";
    case Significance::Higher:
        return "higher";
    case Significance::NotAssessed:
        return "not_assessed";
    }
    return "not_assessed";
}

std::string toString(ChangeClass change) {
    switch (change) {
    case ChangeClass::Improved:
        return "improved";
    case ChangeClass::NoSignificantChange:
        return "no_significant_change";
    case ChangeClass::Worsened:
        return "worsened";
    case ChangeClass::Increased:
        return "increased";
    case ChangeClass::Decreased:
        return "decreased";
    case ChangeClass::NotAssessed:
        return "not_assessed";
    }
    return "not_assessed";
}

Significance classify(int sign, Polarity polarity) {
    if (sign == 0)
        return Significance::Similar;
    switch (polarity) {
    case Polarity::HigherIsBetter:
        return sign > 0 ? Significance::Better : Significance::Worse;
    case Polarity::LowerIsBetter:
        return sign > 0 ? Significance::Worse : Significance::Better;
    case Polarity::NoJudgement:
        return sign > 0 ? Significance::Higher : Significance::Lower;
    }
    return Significance::NotAssessed;
}

Estimate difference(const Estimate& group, const Estimate& reference, double level) {
    const double value = group.value - reference.value;
    if (!group.se || !reference.se) {
        return estimateWithoutCi(
            value, group.se ? "reference group has no standard error" : "group has no standard error", level);
    }
    return estimateFromSe(value, std::hypot(*group.se, *reference.se), level);
}

Estimate ratio(const Estimate& group, const Estimate& reference, double level) {
    if (!(group.value > 0.0) || !(reference.value > 0.0))
        throw std::invalid_argument("a ratio needs two positive values");
    const double r = group.value / reference.value;
    if (!group.se || !reference.se)
        return estimateWithoutCi(r, "a value has no standard error", level);
    const double logSe = std::hypot(*group.se / group.value, *reference.se / reference.value);
    const double z = zForLevel(level);
    Estimate e;
    e.value = r;
    e.logSe = logSe;
    e.se = r * logSe;
    e.level = level;
    e.lower = r * std::exp(-z * logSe);
    e.upper = r * std::exp(z * logSe);
    e.ciMethod = CiMethod::LogScale;
    return e;
}

Gap gapToReference(const Estimate& group, const Estimate& reference, Polarity polarity, double level) {
    Gap gap;
    gap.difference = difference(group, reference, level);
    if (group.value > 0.0 && reference.value > 0.0)
        gap.ratio = ratio(group, reference, level);
    else
        gap.ratioUnavailableReason = "ratio needs positive values in both groups";
    if (!gap.difference.hasCi()) {
        gap.significance = Significance::NotAssessed;
        return gap;
    }
    int sign = 0;
    if (*gap.difference.lower > 0.0)
        sign = 1;
    else if (*gap.difference.upper < 0.0)
        sign = -1;
    gap.significance = classify(sign, polarity);
    return gap;
}

Significance compareToBenchmark(const Estimate& value, double benchmark, Polarity polarity) {
    if (!value.hasCi())
        return Significance::NotAssessed;
    int sign = 0;
    if (*value.lower > benchmark)
        sign = 1;
    else if (*value.upper < benchmark)
        sign = -1;
    return classify(sign, polarity);
}

Change changeBetween(const Estimate& earlier, const Estimate& later, Polarity polarity, double level) {
    Change result;
    result.difference = difference(later, earlier, level);
    if (!result.difference.hasCi())
        return result;
    int sign = 0;
    if (*result.difference.lower > 0.0)
        sign = 1;
    else if (*result.difference.upper < 0.0)
        sign = -1;
    switch (classify(sign, polarity)) {
    case Significance::Better:
        result.change = ChangeClass::Improved;
        break;
    case Significance::Worse:
        result.change = ChangeClass::Worsened;
        break;
    case Significance::Higher:
        result.change = ChangeClass::Increased;
        break;
    case Significance::Lower:
        result.change = ChangeClass::Decreased;
        break;
    default:
        result.change = ChangeClass::NoSignificantChange;
        break;
    }
    return result;
}

} // namespace capeq::stats
