// SPDX-License-Identifier: Apache-2.0
#include <capeq/scale/sql_dialect.hpp>

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace capeq::scale {

namespace {

bool usesBackticks(SqlDialect dialect) noexcept {
    return dialect == SqlDialect::SparkSql || dialect == SqlDialect::BigQuery;
}

// Spark SQL and BigQuery read backslash escapes inside string literals; the others take them literally.
bool backslashEscapes(SqlDialect dialect) noexcept {
    return dialect == SqlDialect::SparkSql || dialect == SqlDialect::BigQuery;
}

} // namespace

SqlDialect parseSqlDialect(std::string_view name) {
    if (name == "postgresql" || name == "postgres")
        return SqlDialect::PostgreSQL;
    if (name == "sqlite")
        return SqlDialect::SQLite;
    if (name == "spark")
        return SqlDialect::SparkSql;
    if (name == "trino")
        return SqlDialect::Trino;
    if (name == "bigquery")
        return SqlDialect::BigQuery;
    throw std::invalid_argument("unknown SQL dialect '" + std::string(name) +
                                "': use postgresql, sqlite, spark, trino or bigquery");
}

std::string dialectName(SqlDialect dialect) {
    switch (dialect) {
    case SqlDialect::PostgreSQL:
        return "postgresql";
    case SqlDialect::SQLite:
        return "sqlite";
    case SqlDialect::SparkSql:
        return "spark";
    case SqlDialect::Trino:
        return "trino";
    case SqlDialect::BigQuery:
        return "bigquery";
    }
    return "postgresql";
}

bool hasGroupingSets(SqlDialect dialect) noexcept {
    return dialect != SqlDialect::SQLite;
}

std::string_view textType(SqlDialect dialect) noexcept {
    switch (dialect) {
    case SqlDialect::SQLite:
        return "TEXT";
    case SqlDialect::SparkSql:
    case SqlDialect::BigQuery:
        return "STRING";
    case SqlDialect::PostgreSQL:
    case SqlDialect::Trino:
        break;
    }
    return "VARCHAR";
}

std::string_view doubleType(SqlDialect dialect) noexcept {
    switch (dialect) {
    case SqlDialect::SQLite:
        return "REAL";
    case SqlDialect::SparkSql:
    case SqlDialect::Trino:
        return "DOUBLE";
    case SqlDialect::BigQuery:
        return "FLOAT64";
    case SqlDialect::PostgreSQL:
        break;
    }
    return "DOUBLE PRECISION";
}

std::string quoteIdentifier(std::string_view name, SqlDialect dialect) {
    if (name.empty())
        throw std::invalid_argument("an empty column or table name");
    if (name.size() > 128)
        throw std::invalid_argument("the name '" + std::string(name.substr(0, 40)) +
                                    "...' is longer than 128 bytes");
    const char quote = usesBackticks(dialect) ? '`' : '"';
    std::string quoted(1, quote);
    for (const char c : name) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw std::invalid_argument("the name '" + std::string(name) + "' holds a control character");
        if (usesBackticks(dialect) && (c == '`' || c == '\\'))
            throw std::invalid_argument("the name '" + std::string(name) +
                                        "' holds a backtick or backslash, which " + dialectName(dialect) +
                                        " cannot quote portably");
        if (c == quote)
            quoted += quote; // "a""b" is the standard escape of a double quote
        quoted += c;
    }
    quoted += quote;
    return quoted;
}

std::string quoteTableName(std::string_view name, SqlDialect dialect) {
    std::string quoted;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        quoted += quoteIdentifier(name.substr(start, dot - start), dialect);
        if (dot == std::string_view::npos)
            return quoted;
        quoted += '.';
        start = dot + 1;
    }
}

std::string stringLiteral(std::string_view text, SqlDialect dialect) {
    std::string literal = "'";
    for (const char c : text) {
        if (c == '\0' || c == '\n' || c == '\r')
            throw std::invalid_argument("the value '" + std::string(text) +
                                        "' holds a NUL or line break and cannot be a SQL literal");
        if (c == '\'')
            literal += backslashEscapes(dialect) ? "\\" : "'";
        else if (c == '\\' && backslashEscapes(dialect))
            literal += '\\';
        literal += c;
    }
    literal += '\'';
    return literal;
}

std::string doubleLiteral(double value, SqlDialect dialect) {
    if (!std::isfinite(value))
        throw std::invalid_argument("a SQL literal must be a finite number");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return "CAST(" + std::string(buffer, result.ptr) + " AS " + std::string(doubleType(dialect)) + ")";
}

} // namespace capeq::scale
