// SPDX-License-Identifier: Apache-2.0
#pragma once

// Builders from CapEq's core types (scores, evidence rows, catalogue) to the chart value structs of
// chart_data.hpp. Pure functions without Qt: safe on any thread. Figures suppressed by disclosure control
// never receive a value: they keep std::nullopt and their reason code.

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/scoring/scores.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <report/chart_data.hpp>
#include <string>
#include <tuple>
#include <vector>

namespace capeq::report {

/// Suppression decisions by (indicator, characteristic, group), so suppressed marks can show their code.
using SuppressionIndex = std::map<std::tuple<std::string, std::string, std::string>, SuppressionReason>;

/// The suppressed rows of one evidence set (outcome parallel to rows, as applyDisclosureControl returns).
SuppressionIndex indexSuppression(const std::vector<EvidenceRow>& rows, const DisclosureOutcome& outcome);

/// Capability wheel of a service: catalogue domains x dimensions with the cell and domain scores.
WheelData wheelFromScore(const ServiceScore& score, const Catalogue& catalogue);

/// Heat map of domains x characteristics assessed: worse where a gap was counted in the domain, similar
/// where gaps were unclear or absent, not compared where no uncertainty was available; nullopt = no data.
HeatMapData heatMapFromScore(const ServiceScore& score, const Catalogue& catalogue);

/// Gap chart of one indicator on one characteristic: every group against the indicator's reference (best
/// group, whole population, named or largest group) with the significance class at the score's 95% level.
/// Throws std::invalid_argument when the indicator score does not cover the characteristic.
GapChartData gapChartFor(const IndicatorScore& score, const CharacteristicId& characteristic,
                         const Catalogue& catalogue, const SuppressionIndex& suppression = {});

/// Trend of the capability-equality index (and each domain) over history (oldest first) then current.
TrendData trendFromHistory(const std::vector<ServiceScore>& history, const ServiceScore& current,
                           const Catalogue& catalogue);

/// Trend of one indicator's groups on one characteristic (or the whole population with kAllCharacteristic)
/// for one service across the periods present in rows (sorted as text). Disclosure control is applied.
TrendData trendFromRows(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                        const IndicatorId& indicator, const CharacteristicId& characteristic,
                        const DisclosurePolicy& policy);

/// Coverage matrix: per domain x dimension the catalogue's indicators and those with usable evidence.
CoverageData coverageFromScore(const ServiceScore& score, const Catalogue& catalogue);

/// Spine chart of services[subject] against the range of every service's whole-population values, centred
/// on the median of all services. Indicators the subject has no figure for are left out.
/// Throws std::out_of_range when subject is not an index of services.
SpineData spineFrom(const std::vector<ServiceScore>& services, std::size_t subject,
                    const Catalogue& catalogue);

/// Funnel plot of one indicator's whole-population rows (one per area/service) in one period: proportions
/// (Wilson limits) or rates (exact Poisson limits) around the pooled baseline. Rows need a numerator and
/// denominator; others are left out. highlightService marks the service in focus (may be empty), in
/// highlightArea only when that is not empty.
FunnelData funnelFrom(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                      const IndicatorId& indicator, const std::string& period,
                      const ServiceId& highlightService, const DisclosurePolicy& policy,
                      const AreaCode& highlightArea = AreaCode{});

/// Spine chart of one service in one area against every service and area in rows with a published
/// whole-population figure for the same indicator in period (disclosure control applied per indicator),
/// centred on their median. Indicators the subject has no figure for, or that no other service and area
/// has, are left out.
SpineData spineFromRows(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                        const ServiceId& service, const AreaCode& area, const std::string& period,
                        const DisclosurePolicy& policy);

/// The indicators a funnel plot can be drawn for in period: proportions or rates whose whole-population
/// rows carry a numerator and denominator for at least two services or areas. Catalogue order.
std::vector<IndicatorId> funnelIndicators(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                                          const std::string& period);

/// One intersection the evidence holds: an indicator broken down by two crossed characteristics.
struct IntersectionChoice {
    IndicatorId indicator;
    CharacteristicId rowCharacteristic;
    CharacteristicId columnCharacteristic;
    bool operator==(const IntersectionChoice&) const = default;
};
/// The crossed breakdowns ("sex*ethnicity_5") of one service and area in period, in the order first seen.
std::vector<IntersectionChoice> intersectionsIn(const std::vector<EvidenceRow>& rows,
                                                const ServiceId& service, const AreaCode& area,
                                                const std::string& period);

/// Equiplot of a service on one characteristic: one line per indicator with that breakdown, groups as dots.
EquiplotData equiplotFrom(const ServiceScore& score, const CharacteristicId& characteristic,
                          const Catalogue& catalogue, const SuppressionIndex& suppression = {});

/// Intersection view of one indicator: cells of rows whose characteristic is "row*column" (e.g.
/// "sex*ethnicity_5", groups "female*black"), compared with the whole population. Disclosure is applied.
IntersectionData intersectionFrom(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                                  const IndicatorId& indicator, const CharacteristicId& rowCharacteristic,
                                  const CharacteristicId& columnCharacteristic,
                                  const DisclosurePolicy& policy);

/// Display label of a group code for a characteristic (the code itself when the catalogue has no label).
std::string groupLabel(const Catalogue& catalogue, const CharacteristicId& characteristic,
                       const GroupCode& group);

} // namespace capeq::report
