// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/scale/sql_dialect.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capeq::scale {

/// A query's result as text, the form every engine can give: numbers in a form that reads back to the
/// same double, NULL as std::nullopt.
struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
    /// For a result read from a file: each row's 1-based line, so messages can point at it. Empty for a
    /// result that came from an engine.
    std::vector<std::size_t> lines;

    /// The index of a column by name, or nullopt.
    std::optional<std::size_t> find(std::string_view column) const;
};

/// A connection to a SQL engine that runs CapEq's generated queries.
class SqlEngine {
public:
    virtual ~SqlEngine() = default;
    /// The dialect to write queries in.
    virtual SqlDialect dialect() const noexcept = 0;
    /// Runs one statement and returns its rows. Throws std::runtime_error with the engine's message.
    virtual ResultTable query(const std::string& sql) = 0;
};

/// What `--engine URL` names: the engine, how to reach it, and the table holding the microdata.
struct EngineUrl {
    SqlDialect dialect = SqlDialect::PostgreSQL;
    std::string connection; ///< SQLite: the database file; PostgreSQL: a libpq URI without "table"
    std::string table;      ///< the microdata table, possibly "schema.table"
    std::string display;    ///< the URL with any password replaced by "***", for messages
};

/// Parses sqlite:///path/to.db?table=T (also sqlite:relative.db?table=T) and
/// postgresql://[user[:password]@][host][:port]/dbname?table=T[&host=/socket/dir&...] (or postgres://).
/// Percent escapes are decoded in the SQLite path and the table. Throws std::invalid_argument with a fix
/// for another scheme or a missing table.
EngineUrl parseEngineUrl(std::string_view url);

/// Connects to the engine the URL names. Throws std::runtime_error when it cannot (the engine's message,
/// without the password).
std::unique_ptr<SqlEngine> openSqlEngine(const EngineUrl& url);

/// An embedded SQLite database opened read-only. Throws std::runtime_error for a file that cannot be opened.
std::unique_ptr<SqlEngine> openSqliteEngine(const std::filesystem::path& database);
/// A PostgreSQL server through libpq (conninfo: a URI or key=value string). Throws std::runtime_error
/// with the server's message when the connection fails.
std::unique_ptr<SqlEngine> openPostgresEngine(const std::string& conninfo, const std::string& display);

} // namespace capeq::scale
