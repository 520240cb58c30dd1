// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/store/sqlite.hpp>

#include <span>
#include <string_view>

namespace capeq {

/// One step of the store's schema history. Migrations are append-only: a released migration is never
/// edited, a change to the schema is a new migration with the next version.
struct Migration {
    int version = 0;
    std::string_view name;
    std::string_view sql; ///< fixed DDL; never contains data
};

/// Every migration, in version order starting at 1.
std::span<const Migration> storeMigrations();

/// The schema version this CapEq writes (the last migration's version).
int latestSchemaVersion();

/// Brings the database on connection up to latestSchemaVersion(), each migration in its own transaction,
/// recording it in schema_migrations and PRAGMA user_version. Throws InputError (nothing changed) when the
/// database is newer than this CapEq or is a SQLite file that is not a CapEq store; sqlite::Error on I/O.
/// Returns the version the database had before.
int migrateStore(sqlite::Connection& connection);

} // namespace capeq
