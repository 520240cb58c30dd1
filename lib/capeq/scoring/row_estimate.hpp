// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/stats/estimate.hpp>

#include <optional>

namespace capeq {

/// The estimate an evidence row supports at this confidence level, from what it gives, in order of
/// preference: value + SE; value + 95% CI; numerator + denominator (Wilson for proportions, exact
/// Poisson / Byar for rates, scaled by the indicator's multiplier); value alone (no interval, reason
/// "no uncertainty available"). nullopt when the row has no value and no counts. indicator may be null
/// (then counts are read as a proportion in percent).
std::optional<stats::Estimate> estimateForRow(const EvidenceRow& row, const Indicator* indicator,
                                              double level);

/// The reason text an estimate carries when its source gave no uncertainty at all.
inline constexpr const char* kNoUncertainty = "no uncertainty available";

} // namespace capeq
