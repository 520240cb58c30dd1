// SPDX-License-Identifier: Apache-2.0
// The pushed-down aggregation gives the in-process engine's estimates: SQLite here, PostgreSQL when
// tests/scale/run_postgres_test has started a private server (CAPEQ_TEST_POSTGRES_URL).
#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_output.hpp>
#include <capeq/scale/pushdown.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>
#include <capeq/stats/weighted_estimates.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <support/test_support.hpp>
#include <tests/lib/test_scale_fixture.hpp>

namespace capeq::scale {

namespace {

struct Case {
    std::filesystem::path data;
    std::filesystem::path spec;
    std::string table;
};

const Case kExample{test::testDataDir() / "compute" / "microdata_3k.csv",
                    test::testDataDir() / "compute" / "example.spec", "microdata_3k"};
const Case kEdge{test::scaleDataDir() / "edge.csv", test::scaleDataDir() / "edge.spec", "edge"};
const Case kCancellation{test::scaleDataDir() / "cancellation.csv",
                         test::scaleDataDir() / "cancellation.spec", "cancellation"};

compute::ComputeOutput finish(const compute::ComputeSpec& spec, const compute::ComputeSums& sums,
                              bool suppression) {
    compute::OutputOptions options;
    options.policy.enabled = suppression;
    return compute::buildComputeOutput(spec, sums, options, "data");
}

void expectSameAsInProcess(const Case& c, SqlEngine& engine, const std::string& table, bool suppression) {
    const compute::ComputeSpec spec = compute::readComputeSpec(c.spec);
    const compute::ComputeOutput expected = finish(spec, compute::computeSums(c.data, spec), suppression);
    const PushdownRun run = computeSumsInEngine(spec, engine, table, table);
    const compute::ComputeOutput actual = finish(spec, run.sums, suppression);
    EXPECT_EQ(expected.primarySuppressed, actual.primarySuppressed);
    EXPECT_EQ(expected.secondarySuppressed, actual.secondarySuppressed);
    EXPECT_EQ(expected.lowReliability, actual.lowReliability);
    test::expectSameEstimates(expected.evidence.rows, actual.evidence.rows);
}

class ScaleSqlite : public test::TempDirTest {
protected:
    std::unique_ptr<SqlEngine> load(const Case& c) {
        const std::filesystem::path database = tempDir() / "micro.db";
        if (!std::filesystem::exists(database) || !m_loaded.count(c.table)) {
            test::loadCsvIntoSqlite(c.data, database, c.table);
            m_loaded.insert(c.table);
        }
        return openSqliteEngine(database);
    }

private:
    std::set<std::string> m_loaded;
};

} // namespace

TEST_F(ScaleSqlite, ExampleSurveyMatchesInProcessWithSuppression) {
    auto engine = load(kExample);
    expectSameAsInProcess(kExample, *engine, kExample.table, true);
    expectSameAsInProcess(kExample, *engine, kExample.table, false);
}

TEST_F(ScaleSqlite, MissingCodesFiltersZeroWeightsAndSmallGroupsMatchInProcess) {
    auto engine = load(kEdge);
    expectSameAsInProcess(kEdge, *engine, kEdge.table, true);
    expectSameAsInProcess(kEdge, *engine, kEdge.table, false);
    // The data exercises what it is meant to: suppressed cells, an unmapped value, a quoted source.
    const compute::ComputeSpec spec = compute::readComputeSpec(kEdge.spec);
    const compute::ComputeOutput output =
        finish(spec, computeSumsInEngine(spec, *engine, "edge", "edge").sums, true);
    EXPECT_GT(output.primarySuppressed, 0U);
    bool sawOther = false;
    for (const EvidenceRow& row : output.evidence.rows)
        sawOther = sawOther || row.group.str() == "other";
    EXPECT_TRUE(sawOther);
}

// Counts the statements run, to show which queries a computation needs.
class CountingEngine : public SqlEngine {
public:
    explicit CountingEngine(SqlEngine& engine)
        : m_engine(engine) {}
    SqlDialect dialect() const noexcept override { return m_engine.dialect(); }
    ResultTable query(const std::string& sql) override {
        ++queries;
        return m_engine.query(sql);
    }
    int queries = 0;

private:
    SqlEngine& m_engine;
};

// What a user reads, without the place: the engine has no line numbers.
std::vector<std::string> warningTexts(const std::vector<Diagnostic>& warnings) {
    std::vector<std::string> texts;
    for (const Diagnostic& warning : warnings)
        texts.push_back(warning.where.field + ": " + warning.message + " (fix: " + warning.hint + ")");
    return texts;
}

void expectInProcessWarnings(const Case& c, SqlEngine& engine, const std::string& table) {
    const compute::ComputeSpec spec = compute::readComputeSpec(c.spec);
    const std::vector<std::string> expected = warningTexts(compute::computeSums(c.data, spec).warnings);
    ASSERT_FALSE(expected.empty()) << "the data no longer has an unmapped value";
    EXPECT_EQ(warningTexts(computeSumsInEngine(spec, engine, table, table).sums.warnings), expected);
}

TEST_F(ScaleSqlite, ListsUnmappedValuesAsInProcess) {
    auto engine = load(kExample);
    expectInProcessWarnings(kExample, *engine, kExample.table);
}

TEST_F(ScaleSqlite, NamesTheMostFrequentUnmappedValuesAndCountsTheRest) {
    // Value number i (1..25) appears i times; one of them holds a quote. Mapped, missing and empty
    // values are not unmapped.
    std::vector<std::pair<std::string, int>> unmapped;
    std::string csv = "w,region,y\n1,n,1\n1,-9,2\n1,,3\n";
    for (int i = 1; i <= 25; ++i) {
        const std::string value = i == 13 ? "o'k" : "v" + std::to_string(100 + i);
        unmapped.emplace_back(value, i);
        for (int copy = 0; copy < i; ++copy)
            csv += "1," + value + ",4\n";
    }
    test::writeFile(tempDir() / "regions.csv", csv);
    test::loadCsvIntoSqlite(tempDir() / "regions.csv", tempDir() / "regions.db", "regions");
    const compute::ComputeSpec spec =
        compute::parseComputeSpec("[compute]\nweight = w\nmissing = -9\n[indicator y]\ncolumn = y\nkind = "
                                  "mean\n[characteristic region]\ncolumn = region\ngroup = north | n\n",
                                  "regions.spec");
    auto sqlite = openSqliteEngine(tempDir() / "regions.db");
    CountingEngine engine(*sqlite);
    const std::vector<Diagnostic> warnings = computeSumsInEngine(spec, engine, "regions", "db").sums.warnings;
    EXPECT_EQ(engine.queries, 3); // means, sums, and the one characteristic's unmapped values
    // The 20 most frequent are those seen 6..25 times, listed in text order; the 5 others hold
    // 1 + 2 + 3 + 4 + 5 = 15 rows.
    std::vector<std::pair<std::string, int>> listed(unmapped.begin() + 5, unmapped.end());
    std::sort(listed.begin(), listed.end());
    ASSERT_EQ(warnings.size(), 21U);
    for (std::size_t i = 0; i < listed.size(); ++i) {
        EXPECT_EQ(formatDiagnostic(warnings[i]),
                  "db: warning: value '" + listed[i].first +
                      "' of characteristic 'region' is not mapped to a "
                      "group (" +
                      std::to_string(listed[i].second) +
                      " rows left out of its breakdown, kept in "
                      "'all') [region] (fix: map it with 'group = CODE | " +
                      listed[i].first +
                      "' in [characteristic region] of regions.spec, or list it under 'missing')");
    }
    EXPECT_EQ(
        formatDiagnostic(warnings.back()),
        "db: warning: more values of characteristic 'region' are not mapped to a group (15 rows left out "
        "of its breakdown, kept in 'all'; only the 20 most frequent values are listed) [region] (fix: "
        "list them in the engine with: SELECT region, COUNT(*) FROM regions GROUP BY 1)");
    // A spec that maps every value runs no listing query at all.
    const compute::ComputeSpec identity = compute::parseComputeSpec(
        "[compute]\nweight = w\n[indicator y]\ncolumn = y\nkind = mean\n[characteristic region]\ncolumn = "
        "region\n",
        "identity.spec");
    engine.queries = 0;
    EXPECT_TRUE(computeSumsInEngine(identity, engine, "regions", "db").sums.warnings.empty());
    EXPECT_EQ(engine.queries, 2);
}

TEST_F(ScaleSqlite, ShiftedSumsKeepTheirPrecisionWhereRawSumsLoseIt) {
    auto engine = load(kCancellation);
    const compute::ComputeSpec spec = compute::readComputeSpec(kCancellation.spec);
    // Reference: the two-pass estimator on the values as the engine reads them (SQLite's text-to-double
    // conversion may differ from strtod in the last bit), with no cancellation at all.
    std::vector<double> values;
    std::vector<double> weights;
    for (const auto& row : engine->query("SELECT CAST(y AS REAL), CAST(w AS REAL) FROM cancellation").rows) {
        values.push_back(std::stod(*row[0]));
        weights.push_back(std::stod(*row[1]));
    }
    // Two passes in long double about the first value: a reference that loses nothing worth having.
    long double sumW = 0.0L;
    long double sumWD = 0.0L;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sumW += weights[i];
        sumWD += weights[i] * (static_cast<long double>(values[i]) - values.front());
    }
    const long double mean = values.front() + sumWD / sumW;
    long double squares = 0.0L;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const long double deviation = static_cast<long double>(values[i]) - mean;
        squares += static_cast<long double>(weights[i]) * weights[i] * deviation * deviation;
    }
    const long double rows = static_cast<long double>(values.size());
    const double referenceSe = static_cast<double>(std::sqrt(rows / (rows - 1.0L) * squares) / sumW);

    const PushdownRun run = computeSumsInEngine(spec, *engine, "cancellation", "cancellation");
    const stats::WeightedEstimate shifted = stats::weightedMean(
        run.sums.tables.front().groups.front().indicators.front().toWeightedSums(), run.sums.designRows);
    EXPECT_NEAR(*shifted.estimate.se, referenceSe, 1e-9 * referenceSe);
    EXPECT_NEAR(shifted.estimate.value, static_cast<double>(mean), 1e-15 * static_cast<double>(mean));
    // The in-process engine agrees too (both keep the digits; the test data is what makes them matter).
    const compute::ComputeSums inProcess = compute::computeSums(kCancellation.data, spec);
    const stats::WeightedEstimate streamed = stats::weightedMean(
        inProcess.tables.front().groups.front().indicators.front().toWeightedSums(), inProcess.designRows);
    EXPECT_NEAR(*streamed.estimate.se, referenceSe, 1e-9 * referenceSe);

    // The same query about c = 0: sum w^2 y^2 is about 1e31 and the variance term about 1e13, so the
    // difference keeps no correct digit. This is what the shift is for.
    const std::vector<double> zero{0.0};
    const ResultTable raw = engine->query(makeSumsQuery(spec, "cancellation", SqlDialect::SQLite, &zero));
    const compute::ComputeSums rawSums = readSums(spec, raw, "cancellation");
    stats::WeightedSums unshifted;
    const compute::DomainSums& all = rawSums.tables.front().groups.front().indicators.front();
    EXPECT_EQ(all.n, 2000U);
    // Rebuild the raw (uncentred) sums the query returned, as a naive reader would use them.
    for (const auto& row : raw.rows) {
        if (row[raw.find("g_1").value()] == std::optional<std::string>("1")) {
            unshifted.n = 2000;
            unshifted.sumW = std::stod(*row[raw.find("sw_1").value()]);
            unshifted.sumWY = std::stod(*row[raw.find("swd_1").value()]);
            unshifted.sumW2 = std::stod(*row[raw.find("sww_1").value()]);
            unshifted.sumW2Y = std::stod(*row[raw.find("swwd_1").value()]);
            unshifted.sumW2Y2 = std::stod(*row[raw.find("swwdd_1").value()]);
        }
    }
    const stats::WeightedEstimate naive = stats::weightedMean(unshifted, values.size());
    EXPECT_GT(std::fabs(naive.estimate.se.value_or(0.0) - referenceSe), 0.1 * referenceSe)
        << "the data no longer exposes cancellation";
}

TEST_F(ScaleSqlite, RefusesRowsWithoutAWeight) {
    const std::filesystem::path database = tempDir() / "bad.db";
    test::writeFile(tempDir() / "bad.csv", "w,sex,y\n1,a,1\n,b,2\n-3,a,4\n");
    test::loadCsvIntoSqlite(tempDir() / "bad.csv", database, "bad");
    const compute::ComputeSpec spec = compute::parseComputeSpec(
        "[compute]\nweight = w\n[indicator y]\ncolumn = y\nkind = mean\n[characteristic sex]\ncolumn = sex\n",
        "bad.spec");
    auto engine = openSqliteEngine(database);
    try {
        computeSumsInEngine(spec, *engine, "bad", "sqlite:bad.db");
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(error.diagnostics().front().message,
                  "2 rows have a missing or negative weight in column 'w'");
    }
    EXPECT_THROW(computeSumsInEngine(spec, *engine, "no_such_table", "x"), std::runtime_error);
}

// Runs only under tests/scale/run_postgres_test (CTest label "postgres"), which loads every case's CSV
// into a private server as text tables, and the example again with numeric column types ("_typed").
TEST(ScalePostgres, MatchesInProcessOnEveryCase) {
    const char* url = std::getenv("CAPEQ_TEST_POSTGRES_URL");
    if (url == nullptr)
        GTEST_SKIP()
            << "CAPEQ_TEST_POSTGRES_URL is not set: run tests/scale/run_postgres_test (ctest -L postgres)";
    auto engine = openPostgresEngine(url, "test server");
    for (const Case& c : {kExample, kEdge, kCancellation}) {
        SCOPED_TRACE(c.table);
        expectSameAsInProcess(c, *engine, c.table, true);
        expectSameAsInProcess(c, *engine, c.table, false);
    }
    expectSameAsInProcess(kExample, *engine, "microdata_3k_typed", true);
    expectInProcessWarnings(kExample, *engine, kExample.table);
    expectInProcessWarnings(kExample, *engine, "microdata_3k_typed");
}

} // namespace capeq::scale
