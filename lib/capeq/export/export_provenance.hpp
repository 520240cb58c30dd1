// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/export/export_table.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// The export formats of `capeq export`.
enum class ExportFormat { TidyCsv, Json, SdmxCsv, CodebookMarkdown, CodebookCsv };

/// Stable names used on the command line and in provenance: "tidy-csv", "json", "sdmx-csv",
/// "codebook-md", "codebook-csv".
std::string toString(ExportFormat format);
/// The format named text, or nullopt.
std::optional<ExportFormat> parseExportFormat(const std::string& text);

/// One input file an export was made from, identified by its content.
struct ExportInputFile {
    std::string name;   ///< the file name (no directories, which may be private)
    std::string kind;   ///< "store", "assessment", "evidence"
    std::string sha256; ///< of the file's bytes
};

/// Everything a reader needs to trust and reproduce an export. Written into the JSON document and into
/// the sidecar `<file>.metadata.json` of CSV exports.
struct ExportProvenance {
    std::string capeqVersion = CAPEQ_VERSION;
    std::string methodVersion = CAPEQ_METHOD_VERSION;
    ExportFormat format = ExportFormat::TidyCsv;
    std::string framework;      ///< the catalogue's framework name
    std::string disclosureRule; ///< DisclosurePolicy::describe()
    std::string reliabilityRule = "low_reliability below n = 50; excluded_small_base below n = 10";
    double ciLevel = 0.95;
    std::string exportedAt; ///< UTC, ISO 8601 (see utcTimestamp)
    std::vector<ExportInputFile> inputs;
    std::string serviceFilter; ///< "" = all services
    std::string periodFilter;  ///< "" = all periods
    std::size_t rowCount = 0;
    std::size_t primarySuppressed = 0;
    std::size_t secondarySuppressed = 0;
};

/// Copies the row and suppression counts and the disclosure rule of a built table into provenance.
void recordTable(ExportProvenance& provenance, const ExportTable& table);

/// A time as "YYYY-MM-DDThh:mm:ssZ" (UTC).
std::string utcTimestamp(std::chrono::system_clock::time_point time);

/// Where the sidecar of an exported file goes: "<file>.metadata.json" beside it.
std::filesystem::path sidecarPath(const std::filesystem::path& dataFile);

/// The provenance as a JSON object text (pretty-printed, keys in a fixed order).
std::string provenanceJson(const ExportProvenance& provenance);

/// The sidecar document of a CSV export: a Frictionless tabular data resource (path, format, encoding,
/// dialect, schema with fields name/type/description, missingValues and primaryKey) plus "provenance".
/// csvHeader lists the columns for formats without a fixed field list (codebook-csv: typed as strings).
std::string metadataSidecar(const ExportProvenance& provenance, const std::string& dataFileName,
                            const std::vector<std::string>& csvHeader = {});

} // namespace capeq
