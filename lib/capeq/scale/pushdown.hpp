// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_engine.hpp>

#include <string>
#include <vector>

namespace capeq::scale {

/// What a pushed-down computation did, besides its sums.
struct PushdownRun {
    compute::ComputeSums sums;    ///< as compute::computeSums gives them, for compute::buildComputeOutput
    std::vector<double> shifts;   ///< each indicator's c (its mean over the whole table)
    std::string sql;              ///< the aggregation query as run
    double shiftSeconds = 0.0;    ///< the AVG pass
    double sumsSeconds = 0.0;     ///< the aggregation query, including reading its rows back
    double unmappedSeconds = 0.0; ///< listing unmapped values (only run where the sums counted some)
};

/// At most this many unmapped values of one characteristic are named, the most frequent; the rest are
/// counted in one more warning.
inline constexpr std::size_t kListedUnmappedValues = 20;

/// Computes every indicator x breakdown x group's sufficient statistics inside the engine: a first query
/// takes each indicator's mean as its shift c, the second returns the sums about c. Only the sums leave
/// the engine (one row per group). Characteristic values no group maps are listed in sums.warnings with the
/// in-process engine's wording (one more query per characteristic that has any). Throws std::runtime_error
/// with the engine's message, std::invalid_argument for a name that cannot be quoted, and InputError for rows
/// with a missing or negative weight.
PushdownRun computeSumsInEngine(const compute::ComputeSpec& spec, SqlEngine& engine, const std::string& table,
                                const std::string& source);

} // namespace capeq::scale
