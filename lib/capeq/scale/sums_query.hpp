// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_dialect.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace capeq::scale {

/// The statistics the sums query returns for every indicator j, as columns "<name>_<j+1>": the shift c,
/// n, sum w, sum w(y-c), sum w^2, sum w^2(y-c), sum w^2(y-c)^2, the unweighted sum of y, and the smallest
/// and largest y (equal values make the variance exactly 0, which no sum about a common c can give).
inline constexpr const char* kIndicatorStatistics[] = {"c",    "n",     "sw", "swd", "sww",
                                                       "swwd", "swwdd", "sy", "lo",  "hi"};

/// Result columns: "g_<k+1>" (GROUPING() of characteristic k: 0 when the row is grouped by it) and
/// "k_<k+1>" (its group code), then "spec_sha" (specFingerprint()), "rows_n" (rows in the group), "bad_w"
/// (rows whose weight is missing or negative), "u_<k+1>" (rows whose value of characteristic k no group
/// maps), then kIndicatorStatistics for each indicator.
std::string sumsColumnName(const char* statistic, std::size_t index);

/// The distinct sets of characteristic indexes the spec breaks estimates down by: {} for "all", {k} for
/// each characteristic, {a, b} (ascending) for each intersection, in the spec's order.
std::vector<std::vector<std::size_t>> groupingSets(const compute::ComputeSpec& spec);

/// One query returning every table x group x indicator's sufficient statistics in one pass over the rows:
/// rows are first summed into cells (one per combination of group codes, a plain parallel GROUP BY), then
/// the cells into every breakdown with GROUP BY GROUPING SETS (UNION ALL of GROUP BYs for SQLite).
/// shifts holds each indicator's c; nullptr makes the query compute c = AVG(y) itself (a second scan), so
/// the text can be run anywhere as it stands. Throws std::invalid_argument for an unquotable name or
/// value, or a shifts vector of the wrong length.
std::string makeSumsQuery(const compute::ComputeSpec& spec, const std::string& table, SqlDialect dialect,
                          const std::vector<double>* shifts);

/// 16 hex digits identifying the sums a spec asks for: a SHA-256 of its query for a fixed table and
/// dialect, so an edit to columns, codes, conditions, groups or breakdowns changes it and a label does not.
/// The sums query returns it as column spec_sha.
std::string specFingerprint(const compute::ComputeSpec& spec);

/// The values of characteristic k that no group maps (and are not missing), most frequent first, with
/// their row counts (columns capeq_value, rows_n), at most limit of them. One scan of the table.
std::string makeUnmappedQuery(const compute::ComputeSpec& spec, std::size_t k, const std::string& table,
                              SqlDialect dialect, std::size_t limit);

/// A one-row query of AVG(y) per indicator (columns c_1...), the cheap first pass that picks the shifts.
std::string makeShiftQuery(const compute::ComputeSpec& spec, const std::string& table, SqlDialect dialect);

} // namespace capeq::scale
