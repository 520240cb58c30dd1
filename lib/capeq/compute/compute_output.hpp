// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_spec.hpp>
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/disclosure/reliability.hpp>
#include <capeq/evidence/evidence.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace capeq::compute {

/// Labels and rules for turning sums into published rows.
struct OutputOptions {
    std::string area;    ///< overrides the spec's area when non-empty
    std::string service; ///< likewise
    std::string period;  ///< likewise
    DisclosurePolicy policy;
    ReliabilityRule reliability;
    double level = 0.95;
};

/// Estimates ready to write: rows with suppressed cells already emptied, and what was done.
struct ComputeOutput {
    EvidenceSet evidence; ///< format "capeq-compute"; one row per indicator x table x group with values
    std::size_t primarySuppressed = 0;
    std::size_t secondarySuppressed = 0;
    std::size_t lowReliability = 0; ///< published rows flagged low reliability (n below the rule's bound)
    std::string disclosureRule;     ///< DisclosurePolicy::describe()
};

/// Finishes every domain with stats::weightedMean (the survey::svymean linearisation SE with the design's
/// N) and applies disclosure control. Proportions are written in percent (0-100) like the catalogue;
/// means on their own scale. numerator is the unweighted count of "yes" rows (proportions only);
/// denominator stays empty because the estimate is weighted (sample_size and population carry the bases).
ComputeOutput buildComputeOutput(const ComputeSpec& spec, const ComputeSums& sums,
                                 const OutputOptions& options, const std::string& sourceFile);

/// CapEq long-format CSV of rows (SPEC section 6 columns, then sample_size and population), numbers in
/// shortest round-trip form, absent numbers empty.
std::string formatLongFormatCsv(const std::vector<EvidenceRow>& rows);

} // namespace capeq::compute
