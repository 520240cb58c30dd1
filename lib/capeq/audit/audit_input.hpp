// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/store/store.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace capeq::audit {

/// A manifest entry (or its evidence file) that could not be used: reported, and the rest audited.
struct InputFailure {
    std::string file;
    std::string organisation; ///< from the manifest, may be empty
    std::string service;      ///< from the manifest, may be empty
    std::vector<Diagnostic> problems;
};

/// The evidence of an audit, whatever INPUT was: a SQLite store, a manifest of evidence files, or one
/// evidence file / .capeq assessment.
struct AuditInput {
    std::string kind; ///< "store", "manifest", "evidence_file", "assessment"
    std::filesystem::path path;
    Catalogue catalogue;         ///< the catalogue, plus indicators a GPG mapping defines when one is read
    std::vector<RunInput> files; ///< every file read, with its sha256 (role "evidence", "manifest")
    /// SHA-256 of the evidence itself (every row's key and figures, in a fixed text form). Unlike a store
    /// file's hash it does not change when a run is recorded in the store, so reports stay byte-identical.
    std::string evidenceFingerprint;
    std::vector<EvidenceRow> rows;
    std::vector<InputFailure> failures;
    std::vector<Diagnostic> warnings; ///< figures left out (implausible, incomplete), each with its line
    /// The area of the manifest's benchmark file (role "benchmark"); empty when there is none.
    std::string benchmarkArea;
    /// Organisation names where the source gives them (GPG: EmployerName), by area code.
    std::map<AreaCode, std::string> areaNames;
};

/// True when path looks like an audit manifest: a CSV (not a store) whose first header field is `file`.
bool isManifest(const std::filesystem::path& path);

/// Loads INPUT. A store, evidence file or assessment that cannot be read throws InputError (exit 2). A
/// manifest that cannot be read throws; a manifest entry that cannot be read becomes an InputFailure, as
/// does a benchmark entry whose rows are not all of one area, or of another area than an earlier one.
/// mappingDirectory empty means the catalogue's mappings/ directory.
AuditInput loadAuditInput(const std::filesystem::path& path, const Catalogue& catalogue,
                          const std::filesystem::path& mappingDirectory);

/// SHA-256 over a canonical text form of rows (independent of where they were read from).
std::string evidenceFingerprint(const std::vector<EvidenceRow>& rows);

} // namespace capeq::audit
