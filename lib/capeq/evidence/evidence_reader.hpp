// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/evidence/evidence.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// Files larger than this are read twice: a first pass keeps no rows and throws on reader errors, so a bad
/// file of any size is refused in bounded memory.
inline constexpr std::uintmax_t kCheckFirstAboveBytes = std::uintmax_t{16} << 20;

/// How to read an evidence file. Defaults detect everything.
struct ReadOptions {
    std::string encoding = "auto";     ///< "auto", "utf-8" or "windows-1252"
    std::optional<std::string> format; ///< force "capeq-long", "heat-plus", "fingertips", "ethnicity-facts"
    std::vector<std::string> ignoreColumns; ///< extra columns the user allows (long format)
    std::filesystem::path mappingDirectory; ///< empty: the catalogue's mappings/ directory
    std::uintmax_t checkFirstAboveBytes = kCheckFirstAboveBytes; ///< larger files are read twice (see above)
};

/// Reads an aggregate evidence file in any supported format (detected from its header unless forced) and
/// maps it onto the catalogue. Throws InputError listing every syntactic problem (stray quote, ragged row,
/// unknown column, unparsable number...) with file, line and column; for a file over
/// ReadOptions::checkFirstAboveBytes this happens before any row is kept. Rows no mapping covers are returned
/// in EvidenceSet::unmapped, never dropped silently.
EvidenceSet readEvidenceFile(const std::filesystem::path& file, const Catalogue& catalogue,
                             const ReadOptions& options = {});

/// Checks a read evidence set against the catalogue and the rules of SPEC section 6: unknown indicator or
/// group code, value outside the measure's range, CI not containing the value, negative counts, numerator
/// above denominator, duplicate rows, missing whole-population row. Returns every problem; an import must
/// not proceed when any is an error.
DiagnosticList validateEvidence(const EvidenceSet& evidence, const Catalogue& catalogue);

/// Removes rows that repeat an earlier row's key (indicator, area, service, period, characteristic, group)
/// with the same figures — published tables sometimes list one estimate under two names; validateEvidence
/// warns about each and says the import keeps the first. Returns how many rows were removed.
std::size_t dropRepeatedRows(EvidenceSet& evidence);

} // namespace capeq
