// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace capeq::scale {

/// The SQL engines CapEq writes its aggregation query for. They share the standard subset the query uses
/// and differ only in identifier quoting, type names, string escapes and GROUPING SETS support.
enum class SqlDialect { PostgreSQL, SQLite, SparkSql, Trino, BigQuery };

/// The dialect named "postgresql" (or "postgres"), "sqlite", "spark", "trino" or "bigquery". Throws
/// std::invalid_argument naming the accepted names for anything else.
SqlDialect parseSqlDialect(std::string_view name);
/// The lower-case name parseSqlDialect() accepts.
std::string dialectName(SqlDialect dialect);

/// True when the engine has GROUP BY GROUPING SETS with GROUPING(); otherwise (SQLite) the query is
/// written as a UNION ALL of plain GROUP BYs.
bool hasGroupingSets(SqlDialect dialect) noexcept;
/// The type CAST(x AS ...) uses for text: VARCHAR, TEXT or STRING.
std::string_view textType(SqlDialect dialect) noexcept;
/// The type CAST(x AS ...) uses for a 64-bit float: DOUBLE PRECISION, REAL, DOUBLE or FLOAT64.
std::string_view doubleType(SqlDialect dialect) noexcept;

/// A column (or table part) name quoted for the dialect: "name" with embedded quotes doubled, or `name`
/// for Spark SQL and BigQuery. Throws std::invalid_argument for an empty name, one longer than 128 bytes,
/// one holding a control character, or (backtick dialects) a backtick or backslash.
std::string quoteIdentifier(std::string_view name, SqlDialect dialect);
/// A possibly qualified table name ("schema.table", "project.dataset.table"): each dot-separated part
/// quoted with quoteIdentifier(). Throws std::invalid_argument as quoteIdentifier() does.
std::string quoteTableName(std::string_view name, SqlDialect dialect);
/// A string literal for text from the compute spec (codes, group names): '...' with quotes doubled, and
/// backslashes escaped where the dialect treats them as escapes. Throws std::invalid_argument for a NUL
/// or a line break. Data values never pass through here: they stay in the engine.
std::string stringLiteral(std::string_view text, SqlDialect dialect);
/// A finite double written so that the engine reads back exactly the same double:
/// CAST(<shortest round-trip digits> AS <double type>). Throws std::invalid_argument for NaN or infinity.
std::string doubleLiteral(double value, SqlDialect dialect);

} // namespace capeq::scale
