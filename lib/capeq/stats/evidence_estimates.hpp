// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/stats/estimate.hpp>

#include <optional>

namespace capeq::stats {

/// What the statistics need to know about an indicator, from the catalogue or a file's own hints.
struct IndicatorStatsInfo {
    Polarity polarity = Polarity::HigherIsBetter;
    MeasureType measureType = MeasureType::Proportion;
    double multiplier = 1.0; ///< 100 for a percentage, 100000 for a rate per 100,000
};

/// The statistics view of a catalogue indicator.
IndicatorStatsInfo statsInfoFor(const Indicator& indicator);

/// The best estimate the row supports, in this order: numerator + denominator (Wilson for proportions,
/// exact Poisson below 10 events / Byar otherwise for rates, scaled by the multiplier); value + SE
/// (normal); value + published limits (kept at 95% and 99.8% where given, else SE backed out of the 95%
/// limits); value alone (no interval, reason "no standard error, limits or counts supplied"). Returns
/// nullopt when the row has no value and no counts. Throws std::invalid_argument for impossible counts.
std::optional<Estimate> estimateForRow(const EvidenceRow& row, const IndicatorStatsInfo& info, double level);

/// The unweighted base of a row for reliability rules: sample size, else denominator, else nullopt.
std::optional<double> unweightedBase(const EvidenceRow& row);

} // namespace capeq::stats
