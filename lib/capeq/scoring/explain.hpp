// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/scoring/scorer.hpp>

#include <string>

namespace capeq {

/// Plain-text explanation of one indicator's score: the whole-population estimate and goalposts behind
/// achievement, and per characteristic every group's estimate (or why it was left out), the best and worst
/// groups, the significance test and the shortfall. Used by `capeq score --explain` and the studio's
/// drill-down, so both say the same.
std::string explainIndicator(const IndicatorScore& score, const Catalogue& catalogue,
                             const ScoringProfile& profile);

/// Plain-text explanation of a domain's score from its cells, and of each cell from its indicators.
std::string explainDomain(const ServiceScore& service, const DomainId& domain, const WeightProfile& weights);

/// Explanation of the overall index from the domain scores and weights, then every domain and indicator.
std::string explainService(const ServiceScore& service, const Catalogue& catalogue,
                           const ScoringProfile& profile, const WeightProfile& weights);

/// A score or value printed with `decimals` places ("—" never: callers decide how to show absence).
std::string formatNumber(double value, int decimals = 2);

} // namespace capeq
