// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_engine.hpp>

#include <filesystem>

namespace capeq::scale {

/// Reads the sums query's result as an engine exported it to CSV (Spark SQL, Trino, BigQuery, psql,
/// sqlite3), for scale::readSums: column names are matched without regard to case or surrounding spaces
/// and in any order; an empty field, NULL (any case) or \N is NULL; fields may be quoted (RFC 4180) and
/// numbers are left as text for readSums. Each row keeps its line for messages. Throws InputError naming
/// the file, line and column for a file that cannot be read, has no header, repeats a column, has a row
/// with the wrong number of fields, or repeats the header line (part files joined with their headers).
ResultTable readSumsCsv(const std::filesystem::path& file);

/// A group code written NULL or \N would read back from a CSV export as a missing code and its rows would
/// silently drop out of the breakdown: throws InputError at the spec's characteristic for such a code.
void refuseCodesReadAsNull(const compute::ComputeSpec& spec);

} // namespace capeq::scale
