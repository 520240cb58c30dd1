// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/evidence/evidence_reader.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// What kind of file an INPUT argument is.
enum class InputKind { Store, Assessment, EvidenceFile };

/// Evidence gathered from one INPUT, whatever its kind, with its fingerprint for run records.
struct EvidenceInput {
    InputKind kind = InputKind::EvidenceFile;
    std::filesystem::path path;
    std::string sha256; ///< of the file's bytes
    std::vector<EvidenceRow> rows;
    std::optional<Assessment> assessment; ///< for a .capeq input: its weights, scope and metadata
    std::vector<UnmappedItem> unmapped;   ///< for an evidence file: rows no mapping covered
};

/// Tells a SQLite store ("SQLite format 3" header), a `.capeq` assessment ("CAPEQ-ASSESSMENT") and an
/// evidence CSV (anything else) apart by their first bytes. Throws InputError when path cannot be read.
InputKind detectInputKind(const std::filesystem::path& path);

/// Loads every evidence row from a store, an assessment or an evidence file (read and validated against
/// the catalogue; any validation error throws InputError with every problem, and nothing is returned).
EvidenceInput loadEvidenceInput(const std::filesystem::path& path, const Catalogue& catalogue,
                                const ReadOptions& readOptions = {});

/// The distinct services (sorted) and, for one service, its areas and periods (sorted) in rows.
std::vector<ServiceId> servicesIn(const std::vector<EvidenceRow>& rows);
std::vector<AreaCode> areasOf(const std::vector<EvidenceRow>& rows, const ServiceId& service);
std::vector<std::string> periodsOf(const std::vector<EvidenceRow>& rows, const ServiceId& service);

} // namespace capeq
