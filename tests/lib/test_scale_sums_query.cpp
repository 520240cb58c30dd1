// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_expressions.hpp>
#include <capeq/scale/sums_query.hpp>

#include <gtest/gtest.h>
#include <stdexcept>

namespace capeq::scale {

namespace {

const char* const kSpec = R"([compute]
weight = w
missing = -9
intersection = sex*eth
intersection = eth*sex

[indicator yes]
column = q1
kind = proportion
numerator = in 1, 2.0
filter = age != 16-24

[indicator income]
column = inc
kind = mean
missing = 99

[characteristic sex]
column = sex
group = female | f, x'y

[characteristic eth]
column = eth
)";

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++found;
    return found;
}

} // namespace

TEST(ScaleSumsQuery, OneGroupingSetPerBreakdown) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSpec, "t.spec");
    // sex*eth and eth*sex are the same set: the engine groups once, the reader fills both tables.
    EXPECT_EQ(groupingSets(spec), (std::vector<std::vector<std::size_t>>{{}, {0}, {1}, {0, 1}}));
    const std::vector<double> shifts{0.25, 30000.5};
    const std::string sql = makeSumsQuery(spec, "survey.micro", SqlDialect::PostgreSQL, &shifts);
    EXPECT_NE(sql.find("GROUP BY GROUPING SETS ((), (k_1), (k_2), (k_1, k_2))"), std::string::npos) << sql;
    EXPECT_NE(sql.find("GROUPING(k_1) AS g_1"), std::string::npos);
    EXPECT_NE(sql.find("FROM \"survey\".\"micro\""), std::string::npos);
    EXPECT_NE(sql.find("CAST(30000.5 AS DOUBLE PRECISION)"), std::string::npos);
    EXPECT_EQ(count(sql, "UNION ALL"), 0U);
    EXPECT_EQ(sql.find("capeq_shift"), std::string::npos);
}

TEST(ScaleSumsQuery, WritesTheSpecsRulesAsExpressions) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSpec, "t.spec");
    const SqlExpressions expressions(spec, SqlDialect::PostgreSQL);
    EXPECT_EQ(expressions.groupCode(0),
              "CASE WHEN CAST(\"sex\" AS VARCHAR) IN ('f', 'x''y') THEN 'female' ELSE NULL END");
    EXPECT_EQ(expressions.groupCode(1),
              "CASE WHEN (\"eth\" IS NULL OR CAST(\"eth\" AS VARCHAR) IN ('', '-9')) "
              "THEN NULL ELSE CAST(\"eth\" AS VARCHAR) END");
    const std::string yes = expressions.value(0);
    EXPECT_NE(yes.find("CAST(\"q1\" AS DOUBLE PRECISION) IN (CAST(1 AS DOUBLE PRECISION), CAST(2 AS DOUBLE "
                       "PRECISION))"),
              std::string::npos)
        << yes;
    EXPECT_NE(yes.find("CAST(\"age\" AS VARCHAR) <> '16-24'"), std::string::npos) << yes;
    EXPECT_NE(expressions.value(1).find("IN ('', '-9', '99')"), std::string::npos) << expressions.value(1);
}

TEST(ScaleSumsQuery, SqliteGetsUnionAllAndEveryDialectItsTypes) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSpec, "t.spec");
    const std::string sqlite = makeSumsQuery(spec, "micro", SqlDialect::SQLite, nullptr);
    EXPECT_EQ(count(sqlite, "UNION ALL"), 3U);
    EXPECT_EQ(sqlite.find("GROUPING"), std::string::npos);
    EXPECT_NE(sqlite.find("WHERE k_1 IS NOT NULL AND k_2 IS NOT NULL GROUP BY k_1, k_2"), std::string::npos);
    EXPECT_NE(sqlite.find("capeq_shift AS ("), std::string::npos); // self-contained: computes its shifts
    const std::string spark = makeSumsQuery(spec, "micro", SqlDialect::SparkSql, nullptr);
    EXPECT_NE(spark.find("CAST(`sex` AS STRING)"), std::string::npos);
    EXPECT_NE(spark.find("'x\\'y'"), std::string::npos);
    EXPECT_NE(makeSumsQuery(spec, "p.d.micro", SqlDialect::BigQuery, nullptr).find("AS FLOAT64"),
              std::string::npos);
}

TEST(ScaleSumsQuery, CountsUnmappedRowsAndReturnsTheSpecsFingerprint) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSpec, "t.spec");
    const SqlExpressions expressions(spec, SqlDialect::PostgreSQL);
    // Present, not missing (empty or -9) and listed by no group; a characteristic without group lines
    // has no unmapped values.
    EXPECT_EQ(expressions.unmapped(0),
              "(\"sex\" IS NOT NULL AND CAST(\"sex\" AS VARCHAR) NOT IN ('', '-9', 'f', 'x''y'))");
    EXPECT_EQ(expressions.unmapped(1), "1 = 0");
    const std::string fingerprint = specFingerprint(spec);
    EXPECT_EQ(fingerprint.size(), 16U);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
    for (const SqlDialect dialect : {SqlDialect::PostgreSQL, SqlDialect::SQLite, SqlDialect::SparkSql}) {
        const std::string sql = makeSumsQuery(spec, "micro", dialect, nullptr);
        EXPECT_NE(sql.find("'" + fingerprint + "' AS spec_sha, SUM(rows_n) AS rows_n"), std::string::npos)
            << sql;
        EXPECT_NE(
            sql.find("CASE WHEN " + SqlExpressions(spec, dialect).unmapped(0) + " THEN 1 ELSE 0 END AS u_1"),
            std::string::npos)
            << sql;
        EXPECT_NE(sql.find(", SUM(u_1) AS u_1, SUM(u_2) AS u_2"), std::string::npos) << sql;
    }
    EXPECT_EQ(
        makeUnmappedQuery(spec, 0, "s.micro", SqlDialect::PostgreSQL, 21),
        "SELECT CAST(\"sex\" AS VARCHAR) AS capeq_value, COUNT(*) AS rows_n\nFROM \"s\".\"micro\"\nWHERE "
        "(\"sex\" IS NOT NULL AND CAST(\"sex\" AS VARCHAR) NOT IN ('', '-9', 'f', 'x''y'))\nGROUP BY "
        "CAST(\"sex\" AS VARCHAR)\nORDER BY COUNT(*) DESC, CAST(\"sex\" AS VARCHAR)\nLIMIT 21\n");
}

TEST(ScaleSumsQuery, RefusesWhatCannotBeWrittenSafely) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSpec, "t.spec");
    EXPECT_THROW(makeSumsQuery(spec, "bad`name", SqlDialect::SparkSql, nullptr), std::invalid_argument);
    const std::vector<double> tooFew{1.0};
    EXPECT_THROW(makeSumsQuery(spec, "t", SqlDialect::PostgreSQL, &tooFew), std::invalid_argument);
}

TEST(ScaleSumsQuery, ConditionValuesComeBackAsWritten) {
    std::string problem;
    EXPECT_EQ(conditionValues(*compute::Condition::parse("not in a, b c", problem)),
              (std::vector<std::string>{"a", "b c"}));
    EXPECT_EQ(conditionValues(*compute::Condition::parse(">= 8", problem)), (std::vector<std::string>{"8"}));
    EXPECT_EQ(conditionValues(*compute::Condition::parse("= 1", problem)), (std::vector<std::string>{"1"}));
}

} // namespace capeq::scale
