// SPDX-License-Identifier: Apache-2.0
#include <capeq/scale/sql_dialect.hpp>
#include <capeq/scale/sql_engine.hpp>

#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>

namespace capeq::scale {

TEST(ScaleSqlDialect, QuotesIdentifiersPerDialect) {
    EXPECT_EQ(quoteIdentifier("age band", SqlDialect::PostgreSQL), "\"age band\"");
    EXPECT_EQ(quoteIdentifier("a\"b", SqlDialect::Trino), "\"a\"\"b\"");
    EXPECT_EQ(quoteIdentifier("select", SqlDialect::SparkSql), "`select`");
    EXPECT_EQ(quoteTableName("survey.micro data", SqlDialect::PostgreSQL), "\"survey\".\"micro data\"");
    EXPECT_EQ(quoteTableName("proj.ds.t", SqlDialect::BigQuery), "`proj`.`ds`.`t`");
}

TEST(ScaleSqlDialect, RefusesNamesThatCannotBeQuotedSafely) {
    EXPECT_THROW(quoteIdentifier("", SqlDialect::PostgreSQL), std::invalid_argument);
    EXPECT_THROW(quoteIdentifier("a\nb", SqlDialect::PostgreSQL), std::invalid_argument);
    EXPECT_THROW(quoteIdentifier(std::string(129, 'x'), SqlDialect::PostgreSQL), std::invalid_argument);
    EXPECT_THROW(quoteIdentifier("a`b", SqlDialect::SparkSql), std::invalid_argument);
    EXPECT_THROW(quoteTableName("a..b", SqlDialect::PostgreSQL), std::invalid_argument);
}

TEST(ScaleSqlDialect, WritesStringLiteralsThatCannotEscape) {
    EXPECT_EQ(stringLiteral("x'y", SqlDialect::PostgreSQL), "'x''y'");
    EXPECT_EQ(stringLiteral("a\\'; DROP TABLE t; --", SqlDialect::PostgreSQL), "'a\\''; DROP TABLE t; --'");
    EXPECT_EQ(stringLiteral("a\\'b", SqlDialect::BigQuery), "'a\\\\\\'b'");
    EXPECT_THROW(stringLiteral(std::string("a\0b", 3), SqlDialect::SQLite), std::invalid_argument);
}

TEST(ScaleSqlDialect, WritesDoublesThatReadBackExactly) {
    EXPECT_EQ(doubleLiteral(0.1, SqlDialect::PostgreSQL), "CAST(0.1 AS DOUBLE PRECISION)");
    EXPECT_EQ(doubleLiteral(1e-300, SqlDialect::BigQuery), "CAST(1e-300 AS FLOAT64)");
    EXPECT_EQ(doubleLiteral(1234567.890123456, SqlDialect::Trino), "CAST(1234567.890123456 AS DOUBLE)");
    EXPECT_THROW(doubleLiteral(std::nan(""), SqlDialect::SQLite), std::invalid_argument);
}

TEST(ScaleSqlDialect, ParsesNamesAndFeatures) {
    EXPECT_EQ(parseSqlDialect("spark"), SqlDialect::SparkSql);
    EXPECT_EQ(dialectName(parseSqlDialect("postgres")), "postgresql");
    EXPECT_THROW(parseSqlDialect("oracle"), std::invalid_argument);
    EXPECT_FALSE(hasGroupingSets(SqlDialect::SQLite));
    EXPECT_TRUE(hasGroupingSets(SqlDialect::BigQuery));
    EXPECT_EQ(textType(SqlDialect::SparkSql), "STRING");
    EXPECT_EQ(doubleType(SqlDialect::SQLite), "REAL");
}

TEST(ScaleEngineUrl, ParsesSqliteAndPostgresql) {
    const EngineUrl sqlite = parseEngineUrl("sqlite:///tmp/my%20data.db?table=micro");
    EXPECT_EQ(sqlite.dialect, SqlDialect::SQLite);
    EXPECT_EQ(sqlite.connection, "/tmp/my data.db");
    EXPECT_EQ(sqlite.table, "micro");
    EXPECT_EQ(parseEngineUrl("sqlite:rel.db?table=t").connection, "rel.db");

    const EngineUrl postgres =
        parseEngineUrl("postgresql://ana:secret@db.example:5433/survey?sslmode=require&table=public.micro");
    EXPECT_EQ(postgres.dialect, SqlDialect::PostgreSQL);
    EXPECT_EQ(postgres.connection, "postgresql://ana:secret@db.example:5433/survey?sslmode=require");
    EXPECT_EQ(postgres.table, "public.micro");
    EXPECT_EQ(postgres.display.find("secret"), std::string::npos);
    EXPECT_EQ(parseEngineUrl("postgresql:///db?host=/tmp/sock&table=t").connection,
              "postgresql:///db?host=/tmp/sock");
}

TEST(ScaleEngineUrl, SaysHowToFixABadUrl) {
    try {
        parseEngineUrl("sqlite:///tmp/x.db");
        FAIL() << "no error";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("add ?table=NAME"), std::string::npos) << error.what();
    }
    EXPECT_THROW(parseEngineUrl("mysql://h/db?table=t"), std::invalid_argument);
    EXPECT_THROW(openSqliteEngine("/nonexistent/capeq.db"), std::runtime_error);
}

} // namespace capeq::scale
