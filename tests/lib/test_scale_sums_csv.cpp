// SPDX-License-Identifier: Apache-2.0
// `--from-sums`: the emitted query's result, exported to CSV the ways engines write it, finishes to the
// in-process engine's estimates; a result that does not fit the spec is refused with a message saying why.
#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_output.hpp>
#include <capeq/scale/sums_csv.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>

#include <fstream>
#include <gtest/gtest.h>
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

compute::ComputeOutput finish(const compute::ComputeSpec& spec, const compute::ComputeSums& sums,
                              bool suppression) {
    compute::OutputOptions options;
    options.policy.enabled = suppression;
    return compute::buildComputeOutput(spec, sums, options, "data");
}

const char* const kSmallSpec = "[compute]\nweight = w\n[indicator y]\ncolumn = y\nkind = mean\n"
                               "[characteristic sex]\ncolumn = sex\ngroup = female | f\ngroup = male | m\n";

class ScaleSumsCsv : public test::TempDirTest {
protected:
    // The self-contained SQLite query as --emit-sql prints it, run on the case's table.
    ResultTable emittedResult(const Case& c, const compute::ComputeSpec& spec) {
        const std::filesystem::path database = tempDir() / (c.table + ".db");
        test::loadCsvIntoSqlite(c.data, database, c.table);
        return openSqliteEngine(database)->query(makeSumsQuery(spec, c.table, SqlDialect::SQLite, nullptr));
    }

    ResultTable smallResult(const compute::ComputeSpec& spec) {
        test::writeFile(tempDir() / "small.csv", "w,sex,y\n1,f,2\n2,m,4\n3,f,5\n1,x,7\n");
        return emittedResult({tempDir() / "small.csv", {}, "small"}, spec);
    }

    // The message readSumsCsv + readSums give for a result written in the plain style.
    std::string errorFor(const ResultTable& result, const compute::ComputeSpec& spec) {
        const std::filesystem::path file = tempDir() / "sums.csv";
        test::writeResultCsv(result, file, {});
        try {
            readSums(spec, readSumsCsv(file), "sums.csv");
        } catch (const InputError& error) {
            return formatDiagnostic(error.diagnostics().front());
        }
        return "no error";
    }
};

std::size_t columnOf(const ResultTable& result, const std::string& name) {
    return result.find(name).value();
}

// The row of a group: its k_1 code, or the whole-population row for "all".
std::size_t rowOf(const ResultTable& result, const std::string& group) {
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
        const auto& code = result.rows[row][columnOf(result, "k_1")];
        if ((group == "all" &&
             result.rows[row][columnOf(result, "g_1")] == std::optional<std::string>("1")) ||
            (code && *code == group))
            return row;
    }
    throw std::logic_error("no row for " + group);
}

const std::string kRerun =
    " (fix: re-run `capeq compute --emit-sql` with this spec, run the new query and export its whole result)";

} // namespace

TEST_F(ScaleSumsCsv, EveryExportStyleGivesTheInProcessEstimates) {
    const std::vector<test::ExportStyle> styles{
        {}, // BigQuery / Trino: NULL empty
        {"\\N", true, true, true, true,
         true}, // Spark/Hive NULL, upper case, reordered, exponents, quoted, CRLF
        {"NULL", false, true, false, false, false}};
    for (const Case& c : {kExample, kEdge}) {
        const compute::ComputeSpec spec = compute::readComputeSpec(c.spec);
        const compute::ComputeSums inProcess = compute::computeSums(c.data, spec);
        const ResultTable result = emittedResult(c, spec);
        for (std::size_t s = 0; s < styles.size(); ++s) {
            SCOPED_TRACE(c.table + " style " + std::to_string(s));
            const std::filesystem::path file = tempDir() / ("sums" + std::to_string(s) + ".csv");
            test::writeResultCsv(result, file, styles[s]);
            const compute::ComputeSums sums = readSums(spec, readSumsCsv(file), file.string());
            EXPECT_EQ(sums.designRows, inProcess.designRows);
            for (const bool suppression : {true, false}) {
                const compute::ComputeOutput expected = finish(spec, inProcess, suppression);
                const compute::ComputeOutput actual = finish(spec, sums, suppression);
                EXPECT_EQ(expected.primarySuppressed, actual.primarySuppressed);
                EXPECT_EQ(expected.secondarySuppressed, actual.secondarySuppressed);
                test::expectSameEstimates(expected.evidence.rows, actual.evidence.rows);
            }
        }
    }
}

TEST_F(ScaleSumsCsv, SaysHowManyRowsAreUnmappedButNotWhichValues) {
    const compute::ComputeSpec spec = compute::readComputeSpec(kExample.spec);
    // Counted independently: rows whose age_band (the fourth field) is "unknown", the one value no group
    // lists.
    std::ifstream data(kExample.data);
    std::string line;
    std::size_t unknown = 0;
    while (std::getline(data, line)) {
        std::size_t start = 0;
        for (int field = 0; field < 3; ++field)
            start = line.find(',', start) + 1;
        unknown += line.compare(start, 8, "unknown,") == 0 ? 1 : 0;
    }
    ASSERT_EQ(unknown, 2U);
    const std::filesystem::path file = tempDir() / "sums.csv";
    test::writeResultCsv(emittedResult(kExample, spec), file, {});
    const compute::ComputeSums sums = readSums(spec, readSumsCsv(file), "sums.csv");
    ASSERT_EQ(sums.warnings.size(), 1U);
    EXPECT_EQ(
        formatDiagnostic(sums.warnings.front()),
        "sums.csv: warning: 2 rows have a value of characteristic 'age' that no group maps (left out of "
        "its breakdown, kept in 'all'); the sums do not say which values [age_band] (fix: list them in "
        "the engine with: SELECT age_band, COUNT(*) FROM <table> GROUP BY 1; then map them with 'group = "
        "CODE | VALUE' in [characteristic age] of " +
            spec.file + ", or list them under 'missing')");
}

TEST_F(ScaleSumsCsv, ReadsQuotedFieldsAndNullSpellings) {
    test::writeFile(tempDir() / "s.csv", "\xEF\xBB\xBF\"G_1\",K_1 ,sw_1\r\n0,\"a,b\",1.5E+2\r\n1,\\N,null\n"
                                         "1,,\"NULL\"\n");
    const ResultTable table = readSumsCsv(tempDir() / "s.csv");
    EXPECT_EQ(table.columns, (std::vector<std::string>{"g_1", "k_1", "sw_1"}));
    ASSERT_EQ(table.rows.size(), 3U);
    EXPECT_EQ(table.rows[0][1], std::optional<std::string>("a,b"));
    EXPECT_EQ(table.rows[0][2], std::optional<std::string>("1.5E+2"));
    EXPECT_FALSE(table.rows[1][1]);
    EXPECT_FALSE(table.rows[1][2]);
    EXPECT_FALSE(table.rows[2][1]);
    EXPECT_FALSE(table.rows[2][2]);
    EXPECT_EQ(table.lines, (std::vector<std::size_t>{2, 3, 4}));
}

TEST_F(ScaleSumsCsv, RefusesSumsOfAnotherSpec) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSmallSpec, "small.spec");
    const ResultTable result = smallResult(spec);
    // Labels do not change the sums: a renamed indicator keeps the fingerprint, a new mapping does not.
    std::string renamed = kSmallSpec;
    renamed.replace(renamed.find("[indicator y]"), 13, "[indicator y2]");
    EXPECT_EQ(specFingerprint(compute::parseComputeSpec(renamed, "small.spec")), specFingerprint(spec));
    std::string remapped = kSmallSpec;
    remapped.replace(remapped.find("male | m"), 8, "male | m, x");
    const compute::ComputeSpec edited = compute::parseComputeSpec(remapped, "small.spec");
    ASSERT_NE(specFingerprint(edited), specFingerprint(spec));
    // Header, then rows in the query's order: "all" first, so line 2 holds the first mismatch.
    const std::size_t shaColumn = columnOf(result, "spec_sha") + 1;
    EXPECT_EQ(errorFor(result, edited),
              "sums.csv:2:" + std::to_string(shaColumn) +
                  ": error: the sums were made by another spec's query (spec_sha '" + specFingerprint(spec) +
                  "', small.spec gives '" + specFingerprint(edited) + "') [spec_sha]" + kRerun);
    // An indicator added to the spec: the fingerprint catches it before the missing columns.
    const compute::ComputeSpec more = compute::parseComputeSpec(
        std::string(kSmallSpec) + "[indicator z]\ncolumn = y\nkind = mean\n", "m.spec");
    EXPECT_NE(errorFor(result, more).find("error: the sums were made by another spec's query"),
              std::string::npos);
}

TEST_F(ScaleSumsCsv, NamesTheLineAndColumnOfWhatIsWrong) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(kSmallSpec, "small.spec");
    const ResultTable result = smallResult(spec);

    ResultTable noSum = result;
    const std::size_t sw = columnOf(noSum, "sw_1");
    noSum.columns.erase(noSum.columns.begin() + static_cast<std::ptrdiff_t>(sw));
    for (auto& row : noSum.rows)
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(sw));
    EXPECT_EQ(errorFor(noSum, spec),
              "sums.csv:1: error: the sums have no column 'sw_1' [sw_1] (fix: export every "
              "column of the query's result)");
    // Without spec_sha as well: the result may be of another query, so the fix is to run this spec's.
    const std::size_t sha = columnOf(noSum, "spec_sha");
    noSum.columns.erase(noSum.columns.begin() + static_cast<std::ptrdiff_t>(sha));
    for (auto& row : noSum.rows)
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(sha));
    EXPECT_EQ(errorFor(noSum, spec),
              "sums.csv:1: error: the sums lack 2 of the spec's columns: 'spec_sha', 'sw_1' [spec_sha]" +
                  kRerun);

    ResultTable text = result;
    const std::size_t male = rowOf(text, "male");
    text.rows[male][columnOf(text, "swd_1")] = "abc";
    EXPECT_EQ(errorFor(text, spec),
              "sums.csv:" + std::to_string(male + 2) + ":" + std::to_string(columnOf(text, "swd_1") + 1) +
                  ": error: 'abc' is not a number [swd_1] (fix: this column holds a sum or "
                  "a count: export it as the engine gives it (no value: empty, NULL or \\N))");

    ResultTable renamedGroup = result;
    const std::size_t female = rowOf(renamedGroup, "female");
    renamedGroup.rows[female][columnOf(renamedGroup, "k_1")] = "femme";
    EXPECT_EQ(errorFor(renamedGroup, spec),
              "sums.csv:" + std::to_string(female + 2) + ":" + std::to_string(columnOf(result, "k_1") + 1) +
                  ": error: group 'femme' is not a group of characteristic 'sex' "
                  "in small.spec [k_1]" +
                  kRerun);

    ResultTable twice = result;
    twice.rows.push_back(result.rows[male]);
    EXPECT_EQ(errorFor(twice, spec),
              "sums.csv:" + std::to_string(result.rows.size() + 2) + ":" +
                  std::to_string(columnOf(result, "rows_n") + 1) +
                  ": error: group 'male' of breakdown 'sex' appears twice (first on line " +
                  std::to_string(male + 2) +
                  ") [rows_n] (fix: export the query's result once: every group has one "
                  "row)");

    ResultTable noTotal = result;
    noTotal.rows.erase(noTotal.rows.begin() + static_cast<std::ptrdiff_t>(rowOf(result, "all")));
    EXPECT_EQ(errorFor(noTotal, spec),
              "sums.csv: error: the sums have no row for the whole population (every "
              "g_ column 1) (fix: export every row of the query's result)");
}

TEST_F(ScaleSumsCsv, RefusesBrokenFiles) {
    const auto errors = [&](const std::string& text) {
        test::writeFile(tempDir() / "bad.csv", text);
        std::vector<std::string> messages;
        try {
            readSumsCsv(tempDir() / "bad.csv");
        } catch (const InputError& error) {
            for (const Diagnostic& diagnostic : error.diagnostics())
                messages.push_back(formatDiagnostic(diagnostic));
        }
        return messages;
    };
    const std::string bad = (tempDir() / "bad.csv").string();
    EXPECT_EQ(errors(""), (std::vector<std::string>{bad + ": error: the sums file is empty (fix: export the "
                                                          "sums query's result with its header line)"}));
    EXPECT_EQ(errors("g_1,K_1,g_1\n"),
              (std::vector<std::string>{bad + ":1:3: error: column 'g_1' appears twice in the header (also "
                                              "column 1) [g_1] (fix: export the query's result as it stands, "
                                              "one column per result column)"}));
    EXPECT_EQ(
        errors("g_1,k_1\n1,\nG_1,K_1\n0,a,b\n"),
        (std::vector<std::string>{
            bad + ":3: error: the header line is repeated here (fix: join the engine's part files without "
                  "their header lines, or export the result as one file)",
            bad + ":4: error: row has 3 fields but the header has 2 (fix: a comma is missing or extra; "
                  "enclose any field that contains a comma in double quotes)"}));
}

TEST_F(ScaleSumsCsv, RefusesAGroupCodeThatReadsAsNull) {
    const compute::ComputeSpec spec = compute::parseComputeSpec(
        "[compute]\nweight = w\n[indicator y]\ncolumn = y\nkind = mean\n[characteristic sex]\ncolumn = sex\n"
        "group = NULL | n\n",
        "null.spec");
    try {
        refuseCodesReadAsNull(spec);
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(
            formatDiagnostic(error.diagnostics().front()),
            "null.spec:6: error: group code 'NULL' cannot be told from NULL in an exported CSV [sex] (fix: "
            "rename the group in [characteristic sex], re-run --emit-sql and run the new query)");
    }
}

} // namespace capeq::scale
