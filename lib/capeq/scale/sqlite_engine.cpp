// SPDX-License-Identifier: Apache-2.0
// The embedded engine: SQLite through its C API (already a dependency of the store).
#include <capeq/scale/sql_engine.hpp>

#include <charconv>
#include <memory>
#include <sqlite3.h>
#include <stdexcept>

namespace capeq::scale {

namespace {

struct DatabaseCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

std::string numberText(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

class SqliteEngine final : public SqlEngine {
public:
    explicit SqliteEngine(const std::filesystem::path& database)
        : m_path(database.string()) {
        if (!std::filesystem::exists(database))
            throw std::runtime_error("no SQLite database at " + m_path);
        sqlite3* db = nullptr;
        const int result = sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        m_db.reset(db);
        if (result != SQLITE_OK)
            throw std::runtime_error("cannot open SQLite database " + m_path + ": " + sqlite3_errstr(result));
    }

    SqlDialect dialect() const noexcept override { return SqlDialect::SQLite; }

    ResultTable query(const std::string& sql) override {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) !=
            SQLITE_OK)
            throw std::runtime_error("SQLite (" + m_path + "): " + sqlite3_errmsg(m_db.get()));
        const std::unique_ptr<sqlite3_stmt, StatementFinalizer> statement(raw);
        ResultTable table;
        const int columns = sqlite3_column_count(raw);
        for (int c = 0; c < columns; ++c)
            table.columns.emplace_back(sqlite3_column_name(raw, c));
        while (true) {
            const int step = sqlite3_step(raw);
            if (step == SQLITE_DONE)
                break;
            if (step != SQLITE_ROW)
                throw std::runtime_error("SQLite (" + m_path + "): " + sqlite3_errmsg(m_db.get()));
            auto& row = table.rows.emplace_back(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(raw, c)) {
                case SQLITE_NULL:
                    break;
                case SQLITE_INTEGER:
                    row[static_cast<std::size_t>(c)] = std::to_string(sqlite3_column_int64(raw, c));
                    break;
                case SQLITE_FLOAT:
                    row[static_cast<std::size_t>(c)] = numberText(sqlite3_column_double(raw, c));
                    break;
                default:
                    row[static_cast<std::size_t>(c)] =
                        std::string(reinterpret_cast<const char*>(sqlite3_column_text(raw, c)),
                                    static_cast<std::size_t>(sqlite3_column_bytes(raw, c)));
                }
            }
        }
        return table;
    }

private:
    std::string m_path;
    std::unique_ptr<sqlite3, DatabaseCloser> m_db;
};

} // namespace

std::unique_ptr<SqlEngine> openSqliteEngine(const std::filesystem::path& database) {
    return std::make_unique<SqliteEngine>(database);
}

} // namespace capeq::scale
