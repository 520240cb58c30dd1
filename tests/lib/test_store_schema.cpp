// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/store/schema.hpp>
#include <capeq/store/store.hpp>

#include <gtest/gtest.h>
#include <map>
#include <string>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

// Table and index definitions as SQLite stores them, by name.
std::map<std::string, std::string> schemaOf(const sqlite::Connection& db) {
    sqlite::Statement query(db, "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name");
    std::map<std::string, std::string> schema;
    while (query.step())
        schema[query.columnText(0)] = query.columnText(1);
    return schema;
}

std::int64_t count(const sqlite::Connection& db, const std::string& table) {
    // Table names come from this test's literals, not from data.
    sqlite::Statement query(db, "SELECT count(*) FROM " + table);
    query.step();
    return query.columnInt(0);
}

void createFromScript(const fs::path& path, const std::string& script) {
    sqlite::Connection db(path);
    db.exec(script);
    db.close();
}

class StoreMigrations : public test::TempDirTest {};

TEST_F(StoreMigrations, MigrationsAreNumberedFromOneWithoutGaps) {
    int expected = 1;
    for (const Migration& migration : storeMigrations())
        EXPECT_EQ(migration.version, expected++);
    EXPECT_EQ(latestSchemaVersion(), 2);
}

TEST_F(StoreMigrations, FreshStoreIsAtTheLatestVersion) {
    const fs::path path = tempDir() / "fresh.db";
    Store store = Store::open(path);
    EXPECT_EQ(store.schemaVersion(), latestSchemaVersion());
    EXPECT_EQ(store.openedAtVersion(), 0);
    EXPECT_EQ(count(store.connection(), "schema_migrations"), 2);

    sqlite::Statement foreignKeys(store.connection(), "PRAGMA foreign_keys");
    ASSERT_TRUE(foreignKeys.step());
    EXPECT_EQ(foreignKeys.columnInt(0), 1);
    sqlite::Statement journal(store.connection(), "PRAGMA journal_mode");
    ASSERT_TRUE(journal.step());
    EXPECT_EQ(journal.columnText(0), "delete");
}

TEST_F(StoreMigrations, ReopeningAtTheLatestVersionChangesNothing) {
    const fs::path path = tempDir() / "store.db";
    Store::open(path).close();
    const std::string before = test::readFile(path);
    Store store = Store::open(path);
    EXPECT_EQ(store.openedAtVersion(), latestSchemaVersion());
    store.close();
    EXPECT_EQ(sha256Hex(test::readFile(path)), sha256Hex(before));
}

TEST_F(StoreMigrations, VersionOneStoreIsMigratedAndKeepsItsData) {
    const fs::path path = tempDir() / "old.db";
    createFromScript(path, test::readFile(test::testDataDir() / "store" / "store_v1.sql"));

    Store store = Store::open(path);
    EXPECT_EQ(store.openedAtVersion(), 1);
    EXPECT_EQ(store.schemaVersion(), 2);

    sqlite::Statement history(store.connection(),
                              "SELECT version, applied_at FROM schema_migrations ORDER BY version");
    ASSERT_TRUE(history.step());
    EXPECT_EQ(history.columnInt(0), 1);
    EXPECT_EQ(history.columnText(1), "2024-01-15T10:00:00Z"); // the old record is kept as it was
    ASSERT_TRUE(history.step());
    EXPECT_EQ(history.columnInt(0), 2);
    EXPECT_FALSE(history.step());

    const std::vector<EvidenceRow> rows = store.loadEvidence();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].service.str(), "libraries");
    EXPECT_EQ(rows[0].area.str(), "");
    EXPECT_EQ(rows[0].value, std::optional<double>(70.5));
    EXPECT_EQ(rows[0].standardError, std::optional<double>(1.25));
    EXPECT_EQ(rows[0].sampleSize, std::optional<double>(400));
    EXPECT_EQ(rows[1].group.str(), "female");
    EXPECT_EQ(rows[1].standardError, std::nullopt);
    EXPECT_TRUE(rows[1].isReference);

    // The tables version 2 added are usable.
    RunRecord run;
    run.command = "audit";
    run.startedAt = "2024-02-01T00:00:00Z";
    EXPECT_EQ(store.recordRun(run), 1);
}

TEST_F(StoreMigrations, MigratedStoreHasTheSameSchemaAsAFreshOne) {
    const fs::path oldPath = tempDir() / "old.db";
    createFromScript(oldPath, test::readFile(test::testDataDir() / "store" / "store_v1.sql"));
    Store migrated = Store::open(oldPath);
    Store fresh = Store::open(tempDir() / "fresh.db");
    EXPECT_EQ(schemaOf(migrated.connection()), schemaOf(fresh.connection()));
}

TEST_F(StoreMigrations, StoreFromANewerCapEqIsRefusedAndLeftUnchanged) {
    const fs::path path = tempDir() / "future.db";
    createFromScript(path, "CREATE TABLE future_things (x); PRAGMA user_version = 7;");
    const std::string before = test::readFile(path);
    try {
        (void)Store::open(path);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 1U);
        EXPECT_EQ(
            formatDiagnostic(error.diagnostics()[0]),
            path.string() + ": error: this store has schema version 7, newer than the 2 this CapEq " +
                CAPEQ_VERSION +
                " can read (fix: open it with the newer CapEq that wrote it; this store was not changed)");
    }
    EXPECT_EQ(test::readFile(path), before);
}

TEST_F(StoreMigrations, SqliteFileThatIsNotAStoreIsRefused) {
    const fs::path path = tempDir() / "other.db";
    createFromScript(path, "CREATE TABLE customers (name TEXT);");
    try {
        (void)Store::open(path);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(formatDiagnostic(error.diagnostics().at(0)),
                  path.string() +
                      ": error: this SQLite database is not a CapEq store (it has tables but no "
                      "CapEq schema version) (fix: give --db a new file name or an existing CapEq "
                      "store)");
    }
}

TEST_F(StoreMigrations, FileThatIsNotADatabaseIsRefused) {
    const fs::path path = tempDir() / "notes.db";
    test::writeFile(path, std::string(4096, 'x'));
    try {
        (void)Store::open(path);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(formatDiagnostic(error.diagnostics().at(0)),
                  path.string() +
                      ": error: this file is not a SQLite database, so it cannot be a CapEq store "
                      "(fix: give --db a new file name or an existing CapEq store)");
    }
    EXPECT_EQ(test::readFile(path), std::string(4096, 'x'));
}

} // namespace
} // namespace capeq
