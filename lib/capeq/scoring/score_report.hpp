// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/scoring/scorer.hpp>

#include <string>
#include <vector>

namespace capeq {

/// Provenance printed with every score output: what produced the numbers.
struct ScoreProvenance {
    std::string methodVersion = CAPEQ_METHOD_VERSION;
    std::string capeqVersion = CAPEQ_VERSION;
    std::string disclosureRule;                                   ///< DisclosurePolicy::describe()
    std::vector<std::pair<std::string, std::string>> inputHashes; ///< (file, sha256)
};

/// The full score as a JSON document (2-space indented): provenance, overall index, coverage, domains,
/// cells, indicators with their characteristics and group figures, flags, grading, notes. Figures of
/// groups suppressed by disclosure control are omitted (null), never written.
std::string scoreToJson(const ServiceScore& score, const ScoreProvenance& provenance);

/// Column names of scoreToCsvRows, in order.
std::vector<std::string> scoreCsvHeader();
/// One row per score (overall, each domain, each cell, each indicator), as text fields; absent scores are
/// empty, never 0.
std::vector<std::vector<std::string>> scoreToCsvRows(const ServiceScore& score,
                                                     const ScoreProvenance& provenance);

} // namespace capeq
