// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over the SQLite C API. Values only ever travel through bound parameters; exec()
// exists for fixed schema scripts and pragmas and must never be given text built from data.
namespace capeq::sqlite {

/// An error reported by SQLite (I/O, locking, constraint, SQL syntax). what() carries SQLite's message,
/// the database path and the statement that failed; code() is SQLite's extended result code.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message);
    int code() const noexcept { return m_code; }

private:
    int m_code;
};

/// How a Connection opens its file.
enum class OpenMode { ReadWriteCreate, ReadWrite, ReadOnly };

/// One open database connection. Move-only; closes on destruction. Not for use from two threads at once.
class Connection {
public:
    /// Opens path (":memory:" for a private in-memory database). Throws Error when the file cannot be
    /// opened; a file that is not a database is only detected by the first statement.
    explicit Connection(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWriteCreate);
    Connection(Connection&&) noexcept = default;
    Connection& operator=(Connection&&) noexcept = default;
    ~Connection();

    /// Runs one or more fixed SQL statements with no parameters (schema scripts, pragmas). Throws Error.
    void exec(std::string_view sql);
    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    std::int64_t changes() const noexcept;
    /// rowid of the most recent successful INSERT on this connection.
    std::int64_t lastInsertRowId() const noexcept;
    /// True while a transaction is open (not in autocommit mode).
    bool inTransaction() const noexcept;
    const std::filesystem::path& path() const noexcept { return m_path; }
    sqlite3* handle() const noexcept { return m_db.get(); }

    /// Closes the connection now, reporting errors a destructor would have to swallow. Idempotent.
    void close();

private:
    struct Closer {
        void operator()(sqlite3* db) const noexcept;
    };
    std::unique_ptr<sqlite3, Closer> m_db;
    std::filesystem::path m_path;
};

/// A prepared statement. Parameter indexes are 1-based (as in SQLite: ?1, ?2, ...); column indexes are
/// 0-based. Every bind copies its value. Throws Error on SQLite failures.
class Statement {
public:
    Statement(const Connection& connection, std::string_view sql);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;
    ~Statement();

    Statement& bindNull(int index);
    Statement& bindInt(int index, std::int64_t value);
    /// Binds NULL for std::nullopt.
    Statement& bindInt(int index, std::optional<std::int64_t> value);
    /// Throws std::invalid_argument for NaN, which SQLite would otherwise store silently as NULL.
    Statement& bindDouble(int index, double value);
    /// Binds NULL for std::nullopt; NaN throws as above.
    Statement& bindDouble(int index, std::optional<double> value);
    Statement& bindText(int index, std::string_view value);
    /// Binds NULL for std::nullopt.
    Statement& bindOptionalText(int index, const std::optional<std::string>& value);
    /// Binds NULL for an empty string: for optional codes whose absence is written as "".
    Statement& bindTextOrNull(int index, std::string_view value);

    /// Advances; true when a row is available, false when the statement is done.
    bool step();
    /// Steps a statement that returns no rows (INSERT, UPDATE, DELETE), then resets it for reuse.
    void run();
    /// Resets to run again and clears every binding to NULL.
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    /// UTF-8 text of the column; "" for NULL.
    std::string columnText(int column) const;
    std::optional<std::int64_t> columnOptionalInt(int column) const;
    std::optional<double> columnOptionalDouble(int column) const;

private:
    void check(int result) const;
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const noexcept;
    };
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
    sqlite3* m_db = nullptr;
};

/// How a transaction takes its lock. Immediate takes the write lock at BEGIN, so two writers queue
/// (busy timeout) instead of one failing half-way through with SQLITE_BUSY.
enum class TransactionKind { Deferred, Immediate };

/// Begins a transaction; rolls it back on destruction unless commit() succeeded. Not nestable.
class Transaction {
public:
    explicit Transaction(Connection& connection, TransactionKind kind = TransactionKind::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// Commits; throws Error (and the destructor then rolls back) when SQLite cannot commit.
    void commit();

private:
    Connection& m_connection;
    bool m_done = false;
};

} // namespace capeq::sqlite
