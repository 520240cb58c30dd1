// SPDX-License-Identifier: Apache-2.0
// `capeq compute --engine URL` and `--emit-sql` against the real binary: the same estimates as reading the
// CSV in process.
#include <capeq/compute/compute_output.hpp>
#include <capeq/scale/sql_engine.hpp>
#include <capeq/scale/sums_reader.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>
#include <support/test_support.hpp>
#include <tests/lib/test_scale_fixture.hpp>

namespace capeq {

namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

// Same lines, same text fields, numbers equal to 1e-9 relative.
void expectSameCsv(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected);
    std::istringstream b(actual);
    std::string lineA;
    std::string lineB;
    std::size_t lines = 0;
    while (std::getline(a, lineA)) {
        ASSERT_TRUE(std::getline(b, lineB)) << "missing line " << lines + 1;
        ++lines;
        const auto fieldsA = splitCsvLine(lineA);
        const auto fieldsB = splitCsvLine(lineB);
        ASSERT_EQ(fieldsA.size(), fieldsB.size()) << lineA << "\n" << lineB;
        for (std::size_t i = 0; i < fieldsA.size(); ++i) {
            char* endA = nullptr;
            char* endB = nullptr;
            const double x = std::strtod(fieldsA[i].c_str(), &endA);
            const double y = std::strtod(fieldsB[i].c_str(), &endB);
            const bool numbers = !fieldsA[i].empty() && *endA == '\0' && !fieldsB[i].empty() && *endB == '\0';
            if (numbers) {
                EXPECT_NEAR(x, y, 1e-9 * std::max(std::fabs(x), std::fabs(y)) + 1e-12) << lineA << "\n"
                                                                                       << lineB;
            } else {
                EXPECT_EQ(fieldsA[i], fieldsB[i]) << lineA << "\n" << lineB;
            }
        }
    }
    EXPECT_FALSE(std::getline(b, lineB)) << "extra line " << lineB;
    EXPECT_GT(lines, 50U);
}

class CliScale : public test::TempDirTest {
protected:
    std::string inProcess(const std::string& data, const std::string& spec) {
        const test::CommandResult result = test::runCapeq({"compute", data, "--spec", spec});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return result.out;
    }
};

const std::string kEdgeData = (test::scaleDataDir() / "edge.csv").string();
const std::string kEdgeSpec = (test::scaleDataDir() / "edge.spec").string();

} // namespace

TEST_F(CliScale, SqliteEngineGivesTheInProcessEstimates) {
    const std::filesystem::path database = tempDir() / "micro.db";
    test::loadCsvIntoSqlite(kEdgeData, database, "edge");
    const test::CommandResult result = test::runCapeq(
        {"compute", "--engine", "sqlite://" + database.string() + "?table=edge", "--spec", kEdgeSpec});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("capeq compute: 600 rows, 4 indicators x 6 breakdowns"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("aggregated in sqlite (means "), std::string::npos) << result.err;
    expectSameCsv(inProcess(kEdgeData, kEdgeSpec), result.out);
}

TEST_F(CliScale, EmittedSqlRunsAsItStands) {
    const std::filesystem::path database = tempDir() / "micro.db";
    test::loadCsvIntoSqlite(kEdgeData, database, "edge");
    const test::CommandResult sql =
        test::runCapeq({"compute", "--emit-sql", "--engine", "sqlite:///" + database.string() + "?table=edge",
                        "--spec", kEdgeSpec});
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    EXPECT_NE(sql.out.find("capeq_shift AS ("), std::string::npos);
    EXPECT_NE(sql.out.find("UNION ALL"), std::string::npos);

    // What a user does with it: run it in the engine, hand the rows to the finishing step.
    const compute::ComputeSpec spec = compute::readComputeSpec(kEdgeSpec);
    const auto engine = scale::openSqliteEngine(database);
    const compute::ComputeSums sums = scale::readSums(spec, engine->query(sql.out), "edge");
    compute::OutputOptions options;
    expectSameCsv(
        inProcess(kEdgeData, kEdgeSpec),
        compute::formatLongFormatCsv(compute::buildComputeOutput(spec, sums, options, "x").evidence.rows));

    const test::CommandResult spark = test::runCapeq(
        {"compute", "--emit-sql", "--dialect", "spark", "--table", "db.micro", "--spec", kEdgeSpec});
    ASSERT_EQ(spark.exitCode, 0) << spark.err;
    EXPECT_NE(spark.out.find("FROM `db`.`micro`"), std::string::npos);
    EXPECT_NE(spark.out.find("GROUP BY GROUPING SETS ((), (k_1), (k_2), (k_3), (k_1, k_3), (k_1, k_2))"),
              std::string::npos)
        << spark.out;
}

TEST_F(CliScale, SaysWhatIsMissing) {
    test::CommandResult result =
        test::runCapeq({"compute", "--engine", "sqlite:///x.db", "--spec", kEdgeSpec});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("names no table: add ?table=NAME"), std::string::npos) << result.err;
    result = test::runCapeq({"compute", "--spec", kEdgeSpec});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(
        result.err.find("capeq: give one of: the microdata CSV file, --engine URL, or --from-sums FILE"),
        std::string::npos)
        << result.err;
    result = test::runCapeq({"compute", kEdgeData, "--from-sums", kEdgeData, "--spec", kEdgeSpec});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("capeq: give one of:"), std::string::npos) << result.err;
    result = test::runCapeq({"compute", "--emit-sql", "--spec", kEdgeSpec});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--emit-sql needs the table"), std::string::npos) << result.err;
    result = test::runCapeq(
        {"compute", "--engine", "postgresql:///nodb?host=/nonexistent&table=t", "--spec", kEdgeSpec});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("cannot connect to PostgreSQL"), std::string::npos) << result.err;
}

TEST_F(CliScale, FromSumsFinishesTheEmittedQuerysExportedResult) {
    const std::filesystem::path database = tempDir() / "micro.db";
    test::loadCsvIntoSqlite(kEdgeData, database, "edge");
    const test::CommandResult sql = test::runCapeq(
        {"compute", "--emit-sql", "--dialect", "sqlite", "--table", "edge", "--spec", kEdgeSpec});
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    // Spark's export: NULL as \N, names upper-cased by the export tool, columns in another order, numbers
    // with exponents, every field quoted, CRLF.
    const std::filesystem::path sums = tempDir() / "sums.csv";
    test::writeResultCsv(scale::openSqliteEngine(database)->query(sql.out), sums,
                         {"\\N", true, true, true, true, true});
    const std::filesystem::path out = tempDir() / "estimates.csv";
    const test::CommandResult result =
        test::runCapeq({"compute", "--from-sums", sums.string(), "--spec", kEdgeSpec, "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("capeq compute: 600 rows, 4 indicators x 6 breakdowns"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("finished from sums (read in "), std::string::npos) << result.err;
    expectSameCsv(inProcess(kEdgeData, kEdgeSpec), test::readFile(out));
}

TEST_F(CliScale, FromSumsRefusesSumsOfAnEditedSpecAndWritesNothing) {
    const std::filesystem::path database = tempDir() / "micro.db";
    test::loadCsvIntoSqlite(kEdgeData, database, "edge");
    const test::CommandResult sql = test::runCapeq(
        {"compute", "--emit-sql", "--dialect", "sqlite", "--table", "edge", "--spec", kEdgeSpec});
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    const std::filesystem::path sums = tempDir() / "sums.csv";
    test::writeResultCsv(scale::openSqliteEngine(database)->query(sql.out), sums, {});
    // The spec edited after the query was emitted: 'x' now counts as "other" too.
    std::string edited = test::readFile(kEdgeSpec);
    edited.replace(edited.find("group = other | x'y"), 19, "group = other | x'y, x");
    const std::filesystem::path spec = tempDir() / "edited.spec";
    test::writeFile(spec, edited);
    const std::filesystem::path out = tempDir() / "estimates.csv";
    const test::CommandResult result = test::runCapeq(
        {"compute", "--from-sums", sums.string(), "--spec", spec.string(), "--out", out.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find(sums.string() + ":2:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(": error: the sums were made by another spec's query (spec_sha '"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("(fix: re-run `capeq compute --emit-sql` with this spec"), std::string::npos)
        << result.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(CliScale, EngineModeListsUnmappedValuesAsInProcess) {
    const std::string data = (test::testDataDir() / "compute" / "microdata_3k.csv").string();
    const std::string spec = (test::testDataDir() / "compute" / "example.spec").string();
    const std::filesystem::path database = tempDir() / "micro.db";
    test::loadCsvIntoSqlite(data, database, "micro");
    const test::CommandResult result = test::runCapeq(
        {"compute", "--engine", "sqlite://" + database.string() + "?table=micro", "--spec", spec});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(
        result.err.find(database.string() +
                        "?table=micro: warning: value 'unknown' of characteristic 'age' "
                        "is not mapped to a group (2 rows left out of its breakdown, kept in 'all') "
                        "[age_band] (fix: map it with 'group = CODE | unknown' in [characteristic age] of " +
                        spec + ", or list it under 'missing')"),
        std::string::npos)
        << result.err;
}

// Runs only under tests/scale/run_postgres_test (CTest label "postgres"): the PostgreSQL query (GROUPING
// SETS, so rows with a NULL code come back too) exported as psql's \copy writes CSV, NULL as empty.
TEST_F(CliScale, PostgresFromSumsGivesTheInProcessEstimates) {
    const char* url = std::getenv("CAPEQ_TEST_POSTGRES_URL");
    if (url == nullptr)
        GTEST_SKIP()
            << "CAPEQ_TEST_POSTGRES_URL is not set: run tests/scale/run_postgres_test (ctest -L postgres)";
    const test::CommandResult sql = test::runCapeq(
        {"compute", "--emit-sql", "--dialect", "postgresql", "--table", "edge", "--spec", kEdgeSpec});
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    const std::filesystem::path sums = tempDir() / "sums.csv";
    test::writeResultCsv(scale::openPostgresEngine(url, "test server")->query(sql.out), sums, {});
    const test::CommandResult result =
        test::runCapeq({"compute", "--from-sums", sums.string(), "--spec", kEdgeSpec});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectSameCsv(inProcess(kEdgeData, kEdgeSpec), result.out);
}

// Runs only under tests/scale/run_postgres_test (CTest label "postgres").
TEST_F(CliScale, PostgresEngineGivesTheInProcessEstimates) {
    const char* url = std::getenv("CAPEQ_TEST_POSTGRES_URL");
    if (url == nullptr)
        GTEST_SKIP()
            << "CAPEQ_TEST_POSTGRES_URL is not set: run tests/scale/run_postgres_test (ctest -L postgres)";
    const test::CommandResult result =
        test::runCapeq({"compute", "--engine", std::string(url) + "&table=edge", "--spec", kEdgeSpec});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("aggregated in postgresql"), std::string::npos) << result.err;
    expectSameCsv(inProcess(kEdgeData, kEdgeSpec), result.out);
}

} // namespace capeq
