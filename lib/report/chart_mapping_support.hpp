// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the chart-data builders (internal to capeq_report).

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/scoring/scores.hpp>
#include <capeq/stats/comparison.hpp>

#include <report/chart_data.hpp>
#include <report/chart_mapping.hpp>
#include <string>
#include <vector>

namespace capeq::report {

/// GroupFigure::excludedBecause of a figure that disclosure control suppressed (set by the scorer).
inline constexpr const char* kSuppressedReason = kSuppressedByDisclosure;

/// The indicator's catalogue title, or its id when the catalogue does not know it.
std::string indicatorTitle(const Catalogue& catalogue, const IndicatorId& indicator);

ChartPolarity toChartPolarity(Polarity polarity);
SignificanceClass toSignificanceClass(stats::Significance significance);
/// "higher is better", "lower is better" or "no judgement: lower/higher only".
std::string polarityWords(Polarity polarity);

/// The estimate's value and CI limits.
ChartValue chartValue(const stats::Estimate& estimate);

/// What a characteristic's groups are compared with: a group (code non-empty) or the whole population.
struct GroupReference {
    GroupCode group;
    stats::Estimate estimate;
    double value = 0.0;
};
/// The reference the indicator's rule names (best group by default), falling back to the whole population.
GroupReference chooseReference(const CharacteristicEquality& equality, const Indicator* indicator,
                               const stats::Estimate& whole);
/// A group against a reference group (difference of independent estimates) or against the whole-population
/// value taken as fixed (the Fingertips benchmark method).
SignificanceClass compareWithReference(const stats::Estimate& group, const GroupReference& reference,
                                       Polarity polarity);

/// The suppression of one figure: its reason from the index, or a generic one when only the scorer's
/// note says it was suppressed.
Suppression suppressionFor(const SuppressionIndex& index, const std::string& indicator,
                           const std::string& characteristic, const std::string& group, bool knownSuppressed);
/// The rows of one indicator with their suppression decision (outcome parallel to rows).
struct DisclosedRows {
    std::vector<EvidenceRow> rows;
    DisclosureOutcome outcome;
};
/// The rows of indicator with disclosure control applied to all of them together, so that secondary
/// suppression sees whole tables whichever slice a chart then draws.
DisclosedRows disclose(const std::vector<EvidenceRow>& rows, const IndicatorId& indicator,
                       const DisclosurePolicy& policy);

/// A spine row's benchmark (median), quartiles and range of values (type-7 quantiles, lib/capeq/stats).
/// values must not be empty.
void setSpineRange(SpineRow& row, const std::vector<double>& values);

/// Suppression from a reason (Published gives an unsuppressed value).
Suppression suppressionOf(SuppressionReason reason);

} // namespace capeq::report
