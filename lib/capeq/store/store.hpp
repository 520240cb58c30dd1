// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/store/sqlite.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// How importEvidence treats an estimate whose key (indicator, area, service, period, characteristic,
/// group) is already in the store.
struct ImportOptions {
    bool replace = false;   ///< false: reject the whole import; true: overwrite the stored estimates
    std::string importedAt; ///< ISO 8601 UTC time to record; empty means now
    /// When set (not owned), this catalogue is written first in the same transaction, so a failed import
    /// leaves the store exactly as it was, catalogue included.
    const Catalogue* catalogue = nullptr;
};

/// What one importEvidence call wrote.
struct ImportResult {
    std::int64_t importId = 0;
    std::size_t inserted = 0; ///< estimates whose key was new
    std::size_t replaced = 0; ///< estimates that overwrote a stored one (only with ImportOptions::replace)
};

/// Which estimates loadEvidence returns; an unset field matches everything. An empty string matches
/// estimates that have no such code.
struct EvidenceFilter {
    std::optional<ServiceId> service;
    std::optional<std::string> period;
    std::optional<IndicatorId> indicator;
    std::optional<AreaCode> area;
};

/// A past import as recorded in the store.
struct ImportRecord {
    std::int64_t id = 0;
    std::string fileName;
    std::string sha256;
    std::string format;
    std::string encoding;
    std::string importedAt;
    std::size_t rowCount = 0;
    std::size_t replacedCount = 0;
};

/// Evidence coverage of one catalogue domain.
struct DomainCoverage {
    DomainId domain;
    std::string name;
    std::size_t catalogueIndicators = 0;    ///< indicators the catalogue defines in this domain
    std::size_t indicatorsWithEvidence = 0; ///< of those, how many have at least one estimate
    std::size_t dimensionsCovered = 0;      ///< dimensions (cells) of this domain with any estimate
};

/// Counts of what the store holds, for `capeq import` and the GUI's store view.
struct StoreSummary {
    std::size_t estimates = 0;
    std::size_t imports = 0;
    std::size_t indicatorsWithEvidence = 0;
    std::size_t catalogueIndicators = 0;
    std::size_t services = 0;
    std::size_t areas = 0;
    std::size_t periods = 0;
    std::vector<std::string> characteristics; ///< with estimates, excluding "all"; sorted
    std::vector<DomainCoverage> domains;      ///< every catalogue domain, in display order
    std::size_t domainsCovered = 0;
    std::size_t cellsCovered = 0; ///< domain x dimension cells with any estimate
    std::size_t cellsTotal = 0;   ///< domains x dimensions in the catalogue
};

/// One input of a run, fingerprinted.
struct RunInput {
    std::string role; ///< e.g. "evidence", "catalogue", "profile", "rule_set"
    std::string name; ///< file name or identifier
    std::string sha256;
};

/// The record of one audit/score run, so a result can be reproduced from its inputs.
struct RunRecord {
    std::int64_t id = 0; ///< assigned by recordRun
    std::string command;
    std::string capeqVersion = CAPEQ_VERSION;
    std::string methodVersion = CAPEQ_METHOD_VERSION;
    std::string profile;
    std::string ruleSet;
    std::string options = "{}"; ///< JSON object of the options that affect results
    std::vector<RunInput> inputs;
    std::string status = "succeeded"; ///< "running", "succeeded" or "failed"
    std::string startedAt;            ///< ISO 8601 UTC; empty means now
    std::optional<std::string> finishedAt;
};

/// CapEq's embedded SQLite store (SPEC section 6; schema and policies in docs/STORE.md). Move-only; one
/// Store per thread. Every write is a single transaction: it happens completely or not at all.
class Store {
public:
    /// Opens or creates path (":memory:" for a private in-memory store), enables foreign keys, sets
    /// rollback-journal crash safety and migrates an older schema. Throws InputError when path is not a
    /// CapEq store or was written by a newer CapEq (then nothing is changed), sqlite::Error on I/O.
    static Store open(const std::filesystem::path& path);

    /// The schema version of the open store (always latestSchemaVersion() after open()).
    int schemaVersion() const;
    /// The version the file had before open() migrated it (0 for a new store).
    int openedAtVersion() const noexcept { return m_openedAtVersion; }
    const std::filesystem::path& path() const noexcept { return m_connection.path(); }

    /// Writes or updates the catalogue: domains, dimensions, characteristics with their code lists and
    /// roll-ups, indicators with all metadata. Indicators absent from catalogue are kept (estimates may
    /// refer to them). One transaction.
    void importCatalogue(const Catalogue& catalogue);

    /// Imports every row of evidence in one transaction, recording the file and its sha256 (64 hex
    /// characters) as a new import. Throws InputError, with nothing written, when a row's indicator is not
    /// in the store's catalogue, when two rows share a key, or (unless options.replace) a key is stored.
    ImportResult importEvidence(const EvidenceSet& evidence, const std::string& fileSha256,
                                const ImportOptions& options = {});

    /// Stored estimates matching filter, in the order they were imported. location holds the source file
    /// and line (column and field are not stored).
    std::vector<EvidenceRow> loadEvidence(const EvidenceFilter& filter = {}) const;

    /// Past imports, oldest first.
    std::vector<ImportRecord> imports() const;

    /// Counts and per-domain coverage of what the store holds.
    StoreSummary summary() const;

    /// Records a run with its inputs in one transaction; returns its id.
    std::int64_t recordRun(const RunRecord& run);
    /// Every recorded run with its inputs, oldest first.
    std::vector<RunRecord> runs() const;

    /// Closes the database, reporting errors; later calls on this Store are invalid.
    void close() { m_connection.close(); }

    /// The underlying connection, for callers that need SQL the Store does not offer (tests, tools).
    sqlite::Connection& connection() noexcept { return m_connection; }

private:
    Store(sqlite::Connection connection, int openedAtVersion);
    void writeCatalogue(const Catalogue& catalogue);

    sqlite::Connection m_connection;
    int m_openedAtVersion = 0;
};

} // namespace capeq
