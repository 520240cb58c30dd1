// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_engine.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace capeq::scale {

/// The sums query's result, read.
struct SumsReading {
    compute::ComputeSums sums;               ///< for compute::buildComputeOutput (no warnings)
    std::vector<std::uint64_t> unmappedRows; ///< per characteristic: rows whose value no group maps
};

/// Turns the rows of makeSumsQuery() into the in-process engine's ComputeSums: the same tables ("all",
/// each characteristic, each intersection) with their groups in the same order, each indicator's sums
/// in centred form (compute::DomainSums), so compute::buildComputeOutput finishes them unchanged.
/// Rows outside a breakdown (a NULL group code) are dropped. source names the result in messages; when
/// result.lines is set (a file), messages give the line and column too. Throws InputError when the
/// result was made for another spec (spec_sha, missing columns, a group or breakdown the spec does not
/// have), holds a value that is not a number where one is needed, repeats a group, lacks the
/// whole-population row, or counts rows with a missing or negative weight (as the in-process engine
/// refuses them).
SumsReading readSumsResult(const compute::ComputeSpec& spec, const ResultTable& result,
                           const std::string& source);

/// readSumsResult's sums, with a warning per characteristic that has unmapped rows: their number is in
/// the sums, the values themselves are not (an engine CapEq can query lists them: computeSumsInEngine).
compute::ComputeSums readSums(const compute::ComputeSpec& spec, const ResultTable& result,
                              const std::string& source);

} // namespace capeq::scale
