// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>

#include <cstddef>
#include <vector>

namespace capeq {

/// The suppression decision for every row of an evidence set (parallel to the input rows).
struct DisclosureOutcome {
    std::vector<SuppressionReason> reasons;
    std::size_t primaryCount = 0;
    std::size_t secondaryCount = 0;
    std::size_t withheldTables = 0;

    bool isSuppressed(std::size_t row) const { return reasons.at(row) != SuppressionReason::Published; }
};

/// Applies primary and secondary suppression (SPEC section 5). A published table is every row of one
/// indicator x area x service x period; its additive quantities (numerators, denominators, bases,
/// populations, shares and share- or population-weighted values) are tied by margins: the whole population
/// equals the sum of a characteristic's groups, and an intersection's cells sum to both of its margins.
/// Secondary suppression then guarantees, by linear algebra, that no suppressed row's figures follow from
/// the published ones. Groups are assumed exhaustive, which can only suppress more, never less.
DisclosureOutcome applyDisclosureControl(const std::vector<EvidenceRow>& rows,
                                         const DisclosurePolicy& policy);

/// Returns a copy of the row with every figure removed (value, SE, CIs, counts, bases, shares), keeping
/// its identifying fields; the note gets the reason. Suppressed cells are empty, never 0.
EvidenceRow redactRow(const EvidenceRow& row, SuppressionReason reason);

} // namespace capeq
