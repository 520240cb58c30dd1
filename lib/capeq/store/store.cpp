// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/store/schema.hpp>
#include <capeq/store/store.hpp>
#include <capeq/store/timestamp.hpp>

#include <sqlite3.h>

namespace capeq {

namespace {

std::size_t countOf(const sqlite::Connection& connection, std::string_view sql) {
    sqlite::Statement query(connection, sql);
    query.step();
    return static_cast<std::size_t>(query.columnInt(0));
}

// Rollback journal (DELETE) rather than WAL: a store is one self-contained file that users copy, mail and
// keep on network shares, where WAL's shared-memory index does not work. See docs/STORE.md.
void configure(sqlite::Connection& connection) {
    connection.exec("PRAGMA foreign_keys = ON");
    connection.exec("PRAGMA synchronous = FULL");
    sqlite::Statement mode(connection, "PRAGMA journal_mode");
    mode.step();
    const std::string current = mode.columnText(0);
    mode.reset();
    // Only switch when needed: setting the mode a file already has would still be a write.
    if (current != "delete" && current != "memory")
        connection.exec("PRAGMA journal_mode = DELETE");
}

} // namespace

Store::Store(sqlite::Connection connection, int openedAtVersion)
    : m_connection(std::move(connection))
    , m_openedAtVersion(openedAtVersion) {}

Store Store::open(const std::filesystem::path& path) {
    try {
        sqlite::Connection connection(path);
        configure(connection);
        const int before = migrateStore(connection);
        return Store(std::move(connection), before);
    } catch (const sqlite::Error& error) {
        if ((error.code() & 0xff) != SQLITE_NOTADB)
            throw;
        throw InputError(Diagnostic{Severity::Error,
                                    {path.string(), 0, 0, {}},
                                    "this file is not a SQLite database, so it cannot be a CapEq store",
                                    "give --db a new file name or an existing CapEq store"});
    }
}

int Store::schemaVersion() const {
    sqlite::Statement query(m_connection, "PRAGMA user_version");
    query.step();
    return static_cast<int>(query.columnInt(0));
}

void Store::importCatalogue(const Catalogue& catalogue) {
    sqlite::Transaction transaction(m_connection);
    writeCatalogue(catalogue);
    transaction.commit();
}

std::vector<ImportRecord> Store::imports() const {
    sqlite::Statement query(m_connection, "SELECT id, file_name, sha256, format, encoding, imported_at, "
                                          "row_count, replaced_count FROM imports ORDER BY id");
    std::vector<ImportRecord> records;
    while (query.step()) {
        records.push_back({query.columnInt(0), query.columnText(1), query.columnText(2), query.columnText(3),
                           query.columnText(4), query.columnText(5),
                           static_cast<std::size_t>(query.columnInt(6)),
                           static_cast<std::size_t>(query.columnInt(7))});
    }
    return records;
}

StoreSummary Store::summary() const {
    StoreSummary summary;
    summary.estimates = countOf(m_connection, "SELECT count(*) FROM estimates");
    summary.imports = countOf(m_connection, "SELECT count(*) FROM imports");
    summary.indicatorsWithEvidence =
        countOf(m_connection, "SELECT count(DISTINCT indicator_id) FROM estimates");
    summary.catalogueIndicators = countOf(m_connection, "SELECT count(*) FROM indicators");
    summary.services = countOf(m_connection, "SELECT count(*) FROM services");
    summary.areas = countOf(m_connection, "SELECT count(*) FROM areas");
    summary.periods = countOf(m_connection, "SELECT count(*) FROM periods");
    summary.cellsTotal = countOf(m_connection, "SELECT (SELECT count(*) FROM domains) * (SELECT count(*) "
                                               "FROM dimensions)");

    sqlite::Statement characteristics(m_connection, "SELECT DISTINCT characteristic_id FROM estimates WHERE "
                                                    "characteristic_id <> 'all' ORDER BY 1");
    while (characteristics.step())
        summary.characteristics.push_back(characteristics.columnText(0));

    // The key index starts with indicator_id, so the distinct list is read from the index, not the table.
    sqlite::Statement domains(m_connection, R"sql(
        WITH used AS (SELECT DISTINCT indicator_id AS id FROM estimates)
        SELECT d.id, d.name,
               (SELECT count(*) FROM indicators i WHERE i.domain_id = d.id),
               (SELECT count(*) FROM indicators i JOIN used u ON u.id = i.id WHERE i.domain_id = d.id),
               (SELECT count(DISTINCT i.dimension_id) FROM indicators i JOIN used u ON u.id = i.id
                 WHERE i.domain_id = d.id)
        FROM domains d ORDER BY d.sort_order, d.id)sql");
    while (domains.step()) {
        DomainCoverage coverage{DomainId(domains.columnText(0)), domains.columnText(1),
                                static_cast<std::size_t>(domains.columnInt(2)),
                                static_cast<std::size_t>(domains.columnInt(3)),
                                static_cast<std::size_t>(domains.columnInt(4))};
        if (coverage.indicatorsWithEvidence > 0)
            ++summary.domainsCovered;
        summary.cellsCovered += coverage.dimensionsCovered;
        summary.domains.push_back(std::move(coverage));
    }
    return summary;
}

std::int64_t Store::recordRun(const RunRecord& run) {
    sqlite::Transaction transaction(m_connection);
    sqlite::Statement insertRun(
        m_connection, "INSERT INTO runs (command, capeq_version, method_version, profile, rule_set, "
                      "options, status, started_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                      "?8, ?9)");
    insertRun.bindText(1, run.command)
        .bindText(2, run.capeqVersion)
        .bindText(3, run.methodVersion)
        .bindText(4, run.profile)
        .bindText(5, run.ruleSet)
        .bindText(6, run.options)
        .bindText(7, run.status)
        .bindText(8, run.startedAt.empty() ? utcTimestampNow() : run.startedAt)
        .bindOptionalText(9, run.finishedAt)
        .run();
    const std::int64_t runId = m_connection.lastInsertRowId();
    sqlite::Statement insertInput(m_connection,
                                  "INSERT INTO run_inputs (run_id, position, role, name, sha256) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)");
    std::int64_t position = 0;
    for (const RunInput& input : run.inputs) {
        insertInput.bindInt(1, runId)
            .bindInt(2, ++position)
            .bindText(3, input.role)
            .bindText(4, input.name)
            .bindText(5, input.sha256)
            .run();
    }
    transaction.commit();
    return runId;
}

std::vector<RunRecord> Store::runs() const {
    std::vector<RunRecord> records;
    sqlite::Statement query(m_connection, "SELECT id, command, capeq_version, method_version, profile, "
                                          "rule_set, options, status, started_at, finished_at FROM runs "
                                          "ORDER BY id");
    sqlite::Statement inputs(m_connection,
                             "SELECT role, name, sha256 FROM run_inputs WHERE run_id = ?1 ORDER BY position");
    while (query.step()) {
        RunRecord run;
        run.id = query.columnInt(0);
        run.command = query.columnText(1);
        run.capeqVersion = query.columnText(2);
        run.methodVersion = query.columnText(3);
        run.profile = query.columnText(4);
        run.ruleSet = query.columnText(5);
        run.options = query.columnText(6);
        run.status = query.columnText(7);
        run.startedAt = query.columnText(8);
        if (!query.isNull(9))
            run.finishedAt = query.columnText(9);
        inputs.reset();
        inputs.bindInt(1, run.id);
        while (inputs.step())
            run.inputs.push_back({inputs.columnText(0), inputs.columnText(1), inputs.columnText(2)});
        records.push_back(std::move(run));
    }
    return records;
}

} // namespace capeq
