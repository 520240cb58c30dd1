// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/stats/estimate.hpp>

#include <string>

namespace capeq::stats {

/// Result of testing one value against another. Judgement classes are used for indicators with a
/// polarity; Lower/Higher for `no_judgement` indicators; NotAssessed when the inputs carry no uncertainty.
enum class Significance { Better, Similar, Worse, Lower, Higher, NotAssessed };
/// Stable text form: "better", "similar", "worse", "lower", "higher", "not_assessed".
std::string toString(Significance significance);

/// Maps the direction of a significant difference (sign > 0: the value is higher) onto the judgement for
/// this polarity; sign = 0 means not significant.
Significance classify(int sign, Polarity polarity);

/// A group's gap to a reference group: absolute difference (group - reference), ratio (group / reference),
/// and the significance class at the difference's confidence level.
struct Gap {
    Estimate difference;
    std::optional<Estimate> ratio; ///< absent when the reference value is 0 or either value is <= 0
    std::string ratioUnavailableReason;
    Significance significance = Significance::NotAssessed;
};

/// Difference with a normal CI on independent SEs: SE = sqrt(se1^2 + se2^2). Without both SEs the
/// difference has no interval (reason given).
Estimate difference(const Estimate& group, const Estimate& reference, double level = 0.95);
/// Ratio with the log method: SE(ln R) = sqrt((se1/y1)^2 + (se2/y2)^2), CI = exp(ln R +- z SE(ln R));
/// `se` is the delta-method SE on the ratio scale. Throws std::invalid_argument unless both values > 0.
Estimate ratio(const Estimate& group, const Estimate& reference, double level = 0.95);
/// Gap of group to reference; significant when the difference's CI excludes 0.
Gap gapToReference(const Estimate& group, const Estimate& reference, Polarity polarity, double level = 0.95);

/// Fingertips-style benchmark comparison: the value's CI (at the estimate's level) against a benchmark
/// value taken as fixed. No interval gives NotAssessed.
Significance compareToBenchmark(const Estimate& value, double benchmark, Polarity polarity);

/// Change between two periods.
enum class ChangeClass { Improved, NoSignificantChange, Worsened, Increased, Decreased, NotAssessed };
/// "improved", "no_significant_change", "worsened", "increased", "decreased", "not_assessed".
std::string toString(ChangeClass change);
struct Change {
    Estimate difference; ///< later - earlier
    ChangeClass change = ChangeClass::NotAssessed;
};
/// Change from earlier to later with a normal CI on independent SEs; `increased`/`decreased` for
/// no_judgement indicators.
Change changeBetween(const Estimate& earlier, const Estimate& later, Polarity polarity, double level = 0.95);

} // namespace capeq::stats
