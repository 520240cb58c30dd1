// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/scoring/scores.hpp>

#include <string>
#include <vector>

namespace capeq {

/// The impact the evidence suggests for one characteristic, and the figures behind it.
struct ImpactSuggestion {
    Impact impact = Impact::Unknown;
    std::string evidence; ///< the flags' own sentences, one per line
};

/// The rule the studio (and any front end) suggests impacts by, from the core's flags and coverage: negative
/// when any group of the characteristic has a significant worse gap or a breach flag; neutral when the
/// characteristic was assessed and nothing was flagged; unknown when there is no usable evidence for it.
/// Positive is never suggested: only the officer can judge that the service advances equality.
ImpactSuggestion suggestImpact(const ServiceScore& score, const CharacteristicId& characteristic);

/// The characteristics findings are kept for: the scope's, or every assessed one when the scope is empty.
std::vector<std::string> findingCharacteristics(const Assessment& assessment, const ServiceScore& score);

/// Findings for every characteristic of findingCharacteristics with fresh suggestions. An existing
/// finding keeps the officer's narrative and, when confirmed, the officer's impact; an unconfirmed one
/// takes the suggestion. Evidence text is refreshed unless the officer confirmed the finding.
std::vector<Finding> findingsWithSuggestions(const Assessment& assessment, const ServiceScore& score);

} // namespace capeq
