// SPDX-License-Identifier: Apache-2.0
#include <capeq/store/sqlite.hpp>

#include <cmath>
#include <sqlite3.h>

namespace capeq::sqlite {

namespace {

constexpr int kBusyTimeoutMs = 10000;

std::string describe(sqlite3* db, int code, std::string_view context) {
    std::string text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    if (db != nullptr) {
        if (const char* file = sqlite3_db_filename(db, "main"); file != nullptr && *file != '\0')
            text += " (database " + std::string(file) + ")";
    }
    if (!context.empty())
        text += " in: " + std::string(context);
    return text;
}

int openFlags(OpenMode mode) {
    switch (mode) {
    case OpenMode::ReadWriteCreate:
        return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::ReadWrite:
        return SQLITE_OPEN_READWRITE;
    case OpenMode::ReadOnly:
        return SQLITE_OPEN_READONLY;
    }
    return SQLITE_OPEN_READONLY;
}

} // namespace

Error::Error(int code, const std::string& message)
    : std::runtime_error(message)
    , m_code(code) {}

void Connection::Closer::operator()(sqlite3* db) const noexcept {
    sqlite3_close_v2(db);
}

Connection::Connection(const std::filesystem::path& path, OpenMode mode)
    : m_path(path) {
    sqlite3* raw = nullptr;
    const int result = sqlite3_open_v2(
        path.c_str(), &raw, openFlags(mode) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
    m_db.reset(raw); // sqlite3_open_v2 may return a handle even on failure; it must still be closed
    if (result != SQLITE_OK)
        throw Error(result, "cannot open " + path.string() + ": " + describe(raw, result, {}));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
}

Connection::~Connection() = default;

void Connection::close() {
    if (!m_db)
        return;
    const int result = sqlite3_close(m_db.get());
    if (result != SQLITE_OK)
        throw Error(result, describe(m_db.get(), result, "close"));
    (void)m_db.release(); // already closed
}

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int result = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &message);
    if (result != SQLITE_OK) {
        std::string detail = message != nullptr ? message : sqlite3_errstr(result);
        sqlite3_free(message);
        throw Error(result, detail + " (database " + m_path.string() + ") in: " + text.substr(0, 200));
    }
}

std::int64_t Connection::changes() const noexcept {
    return sqlite3_changes64(m_db.get());
}

std::int64_t Connection::lastInsertRowId() const noexcept {
    return sqlite3_last_insert_rowid(m_db.get());
}

bool Connection::inTransaction() const noexcept {
    return sqlite3_get_autocommit(m_db.get()) == 0;
}

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const noexcept {
    sqlite3_finalize(statement);
}

Statement::Statement(const Connection& connection, std::string_view sql)
    : m_db(connection.handle()) {
    sqlite3_stmt* raw = nullptr;
    const int result = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    m_statement.reset(raw);
    if (result != SQLITE_OK)
        throw Error(result, describe(m_db, result, sql));
}

Statement::~Statement() = default;

void Statement::check(int result) const {
    if (result != SQLITE_OK)
        throw Error(result, describe(m_db, result, sqlite3_sql(m_statement.get())));
}

Statement& Statement::bindNull(int index) {
    check(sqlite3_bind_null(m_statement.get(), index));
    return *this;
}

Statement& Statement::bindInt(int index, std::int64_t value) {
    check(sqlite3_bind_int64(m_statement.get(), index, value));
    return *this;
}

Statement& Statement::bindInt(int index, std::optional<std::int64_t> value) {
    return value ? bindInt(index, *value) : bindNull(index);
}

Statement& Statement::bindDouble(int index, double value) {
    if (std::isnan(value))
        throw std::invalid_argument("cannot store NaN in parameter " + std::to_string(index) +
                                    " of: " + sqlite3_sql(m_statement.get()));
    check(sqlite3_bind_double(m_statement.get(), index, value));
    return *this;
}

Statement& Statement::bindDouble(int index, std::optional<double> value) {
    return value ? bindDouble(index, *value) : bindNull(index);
}

Statement& Statement::bindText(int index, std::string_view value) {
    check(sqlite3_bind_text64(m_statement.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindOptionalText(int index, const std::optional<std::string>& value) {
    return value ? bindText(index, *value) : bindNull(index);
}

Statement& Statement::bindTextOrNull(int index, std::string_view value) {
    return value.empty() ? bindNull(index) : bindText(index, value);
}

bool Statement::step() {
    const int result = sqlite3_step(m_statement.get());
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    // Leave the statement reusable; the error text must be read before the reset clears it.
    const std::string message = describe(m_db, result, sqlite3_sql(m_statement.get()));
    sqlite3_reset(m_statement.get());
    throw Error(result, message);
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(m_statement.get());
}

void Statement::reset() {
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_statement.get(), column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_statement.get(), column);
}

std::string Statement::columnText(int column) const {
    const unsigned char* text = sqlite3_column_text(m_statement.get(), column);
    if (text == nullptr)
        return {};
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::optional<std::int64_t> Statement::columnOptionalInt(int column) const {
    if (isNull(column))
        return std::nullopt;
    return columnInt(column);
}

std::optional<double> Statement::columnOptionalDouble(int column) const {
    if (isNull(column))
        return std::nullopt;
    return columnDouble(column);
}

Transaction::Transaction(Connection& connection, TransactionKind kind)
    : m_connection(connection) {
    m_connection.exec(kind == TransactionKind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
    if (m_done || !m_connection.inTransaction())
        return;
    try {
        m_connection.exec("ROLLBACK");
    } catch (...) {
        // A destructor cannot report; SQLite has already rolled back on the errors that make ROLLBACK fail.
    }
}

void Transaction::commit() {
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace capeq::sqlite
