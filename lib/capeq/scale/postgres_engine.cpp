// SPDX-License-Identifier: Apache-2.0
// PostgreSQL through libpq: text results, which for double precision are the shortest digits that read
// back to the same double (extra_float_digits > 0, PostgreSQL 12 and later).
#include <capeq/scale/sql_engine.hpp>

#include <libpq-fe.h>
#include <memory>
#include <stdexcept>

namespace capeq::scale {

namespace {

struct ConnectionCloser {
    void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

std::string trimmed(const char* message) {
    std::string text = message == nullptr ? "" : message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

class PostgresEngine final : public SqlEngine {
public:
    PostgresEngine(const std::string& conninfo, const std::string& display)
        : m_display(display)
        , m_connection(PQconnectdb(conninfo.c_str())) {
        if (!m_connection)
            throw std::runtime_error("PostgreSQL (" + display + "): out of memory while connecting");
        if (PQstatus(m_connection.get()) != CONNECTION_OK)
            throw std::runtime_error("cannot connect to PostgreSQL (" + display +
                                     "): " + trimmed(PQerrorMessage(m_connection.get())));
        run("SET extra_float_digits = 3", PGRES_COMMAND_OK);
        // The sums query has a few hundred aggregate expressions: JIT-compiling them took longer than the
        // whole query without JIT in bench/scale (1M rows: 63 s with JIT, 29 s without). Session-local only.
        run("SET jit = off", PGRES_COMMAND_OK);
    }

    SqlDialect dialect() const noexcept override { return SqlDialect::PostgreSQL; }

    ResultTable query(const std::string& sql) override {
        const Result result = run(sql, PGRES_TUPLES_OK);
        ResultTable table;
        const int columns = PQnfields(result.get());
        const int rows = PQntuples(result.get());
        for (int c = 0; c < columns; ++c)
            table.columns.emplace_back(PQfname(result.get(), c));
        table.rows.reserve(static_cast<std::size_t>(rows));
        for (int r = 0; r < rows; ++r) {
            auto& row = table.rows.emplace_back(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (!PQgetisnull(result.get(), r, c))
                    row[static_cast<std::size_t>(c)] =
                        std::string(PQgetvalue(result.get(), r, c),
                                    static_cast<std::size_t>(PQgetlength(result.get(), r, c)));
            }
        }
        return table;
    }

private:
    Result run(const std::string& sql, ExecStatusType expected) {
        Result result(PQexec(m_connection.get(), sql.c_str()));
        if (!result || PQresultStatus(result.get()) != expected)
            throw std::runtime_error("PostgreSQL (" + m_display +
                                     "): " + trimmed(PQerrorMessage(m_connection.get())));
        return result;
    }

    std::string m_display;
    std::unique_ptr<PGconn, ConnectionCloser> m_connection;
};

} // namespace

std::unique_ptr<SqlEngine> openPostgresEngine(const std::string& conninfo, const std::string& display) {
    return std::make_unique<PostgresEngine>(conninfo, display);
}

} // namespace capeq::scale
