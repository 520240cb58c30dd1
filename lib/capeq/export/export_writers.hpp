// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/export/export_provenance.hpp>
#include <capeq/export/export_table.hpp>

#include <iosfwd>
#include <optional>
#include <string>

namespace capeq {

/// Writes the tidy CSV: a header of tidyFields() names, then one RFC 4180 record per row ("\n" line ends,
/// fields quoted only when they hold a comma, quote or line break). Absent figures are empty cells, so R's
/// read.csv and pandas.read_csv read them as NA/NaN with default arguments.
void writeTidyCsv(std::ostream& out, const ExportTable& table);

/// Writes one JSON document {"provenance": {...}, "rows": [{tidy field: value}, ...]}; absent figures
/// and empty codes are null.
void writeExportJson(std::ostream& out, const ExportTable& table, const ExportProvenance& provenance);

/// Writes SDMX-CSV 2.0 style rows (columns of sdmxFields()) for dataflow kSdmxStructureId with ACTION I.
/// Every absent number is "NaN" (SDMX's "intentionally missing"); suppressed rows have CONF_STATUS C.
void writeSdmxCsv(std::ostream& out, const ExportTable& table);

/// A number in the shortest text that reads back to the same double ("" when absent or not finite).
std::string exportNumber(std::optional<double> value);

} // namespace capeq
