// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_engine.hpp>

namespace capeq::scale {

/// Turns the rows of makeSumsQuery() into the in-process engine's ComputeSums: the same tables ("all",
/// each characteristic, each intersection) with their groups in the same order, each indicator's sums
/// in centred form (compute::DomainSums), so compute::buildComputeOutput finishes them unchanged.
/// Rows outside a breakdown (a NULL group code) are dropped. Throws std::runtime_error for a result
/// without the expected columns or with an unreadable number, and InputError when rows have a missing
/// or negative weight (as the in-process engine refuses them).
compute::ComputeSums readSums(const compute::ComputeSpec& spec, const ResultTable& result,
                              const std::string& source);

} // namespace capeq::scale
