// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_output.hpp>

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <support/test_support.hpp>

namespace capeq::compute {

namespace {

std::filesystem::path dataDir() {
    return test::testDataDir() / "compute";
}

struct Reference {
    std::size_t n = 0;
    double mean = 0.0;
    double se = 0.0;
};

// tests/data/compute/reference_3k.csv, made once with R survey (tools/reference/compute_reference.R).
std::map<std::string, Reference> loadReference() {
    std::ifstream in(dataDir() / "reference_3k.csv");
    std::string line;
    std::getline(in, line);
    std::map<std::string, Reference> reference;
    while (std::getline(in, line)) {
        std::stringstream fields(line);
        std::string indicator, characteristic, group, n, mean, se;
        std::getline(fields, indicator, ',');
        std::getline(fields, characteristic, ',');
        std::getline(fields, group, ',');
        std::getline(fields, n, ',');
        std::getline(fields, mean, ',');
        std::getline(fields, se, ',');
        reference[indicator + "|" + characteristic + "|" + group] = {std::stoul(n), std::stod(mean),
                                                                     std::stod(se)};
    }
    return reference;
}

ComputeOutput computeExample(const ComputeOptions& options) {
    const ComputeSpec spec = readComputeSpec(dataDir() / "example.spec");
    const ComputeSums sums = computeSums(dataDir() / "microdata_3k.csv", spec, options);
    OutputOptions output;
    output.policy.enabled = false;
    return buildComputeOutput(spec, sums, output, "microdata_3k.csv");
}

void expectMatchesReference(const ComputeOutput& output) {
    const std::map<std::string, Reference> reference = loadReference();
    ASSERT_EQ(reference.size(), 116U);
    ASSERT_EQ(output.evidence.rows.size(), reference.size());
    for (const EvidenceRow& row : output.evidence.rows) {
        const std::string key = row.indicator.str() + "|" + row.characteristic.str() + "|" + row.group.str();
        const auto it = reference.find(key);
        ASSERT_NE(it, reference.end()) << key;
        const bool proportion = row.indicator.str() == "ind01_yes" || row.indicator.str() == "ind17_high";
        const double scale = proportion ? 100.0 : 1.0;
        EXPECT_EQ(*row.sampleSize, static_cast<double>(it->second.n)) << key;
        EXPECT_NEAR(*row.value, it->second.mean * scale, 1e-9 * std::fabs(it->second.mean * scale) + 1e-13)
            << key;
        EXPECT_NEAR(*row.standardError, it->second.se * scale, 1e-6 * it->second.se * scale + 1e-13) << key;
    }
}

std::string errorOf(const std::filesystem::path& data, const std::string& specText,
                    ComputeOptions options = {}) {
    const ComputeSpec spec = parseComputeSpec(specText, "test.spec");
    try {
        computeSums(data, spec, options);
    } catch (const InputError& error) {
        return formatDiagnostic(error.diagnostics().front());
    }
    return "no error";
}

struct TwoPass {
    double mean = 0.0;
    double se = 0.0;
};

// The textbook two passes, with the mean taken about the first value and summed with Neumaier's
// compensation, so that the reference itself carries no cancellation.
TwoPass twoPass(const std::vector<double>& y, const std::vector<double>& w, std::size_t designRows) {
    double sumW = 0.0, sumWD = 0.0, carry = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        sumW += w[i];
        const double term = w[i] * (y[i] - y[0]);
        const double total = sumWD + term;
        carry += std::fabs(sumWD) >= std::fabs(term) ? (sumWD - total) + term : (term - total) + sumWD;
        sumWD = total;
    }
    const double offset = (sumWD + carry) / sumW;
    double squares = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double r = w[i] * ((y[i] - y[0]) - offset);
        squares += r * r;
    }
    const double n = static_cast<double>(designRows);
    return {y[0] + offset, std::sqrt(n / (n - 1.0) * squares) / sumW};
}

const std::string kSmallSpec = "[compute]\nweight = w\n[indicator m]\ncolumn = y\nkind = mean\n"
                               "[characteristic g]\ncolumn = g\n";

} // namespace

TEST(ComputeEngine, MatchesRSurveyOnTheExampleData) {
    expectMatchesReference(computeExample({}));
}

TEST(ComputeEngine, ThreadsSmallBlocksAndCellFlushesGiveTheSameAnswer) {
    ComputeOptions options;
    options.jobs = 3;
    options.blockBytes = 4096;
    options.minimumBytesPerJob = 1;
    options.cellBudgetBytes = 1; // a handful of cells: the table is folded many times
    expectMatchesReference(computeExample(options));
}

TEST(ComputeEngine, WarnsAboutUnmappedValuesWithTheirFirstLine) {
    const ComputeSpec spec = readComputeSpec(dataDir() / "example.spec");
    ComputeOptions options;
    options.jobs = 2;
    options.minimumBytesPerJob = 1;
    const ComputeSums sums = computeSums(dataDir() / "microdata_3k.csv", spec, options);
    EXPECT_EQ(sums.designRows, 3000U);
    EXPECT_EQ(sums.jobsUsed, 2U);
    ASSERT_EQ(sums.warnings.size(), 1U);
    EXPECT_EQ(
        formatDiagnostic(sums.warnings[0]),
        (dataDir() / "microdata_3k.csv").string() +
            ":41:4: warning: value 'unknown' of characteristic 'age' is not mapped to a group (2 rows left "
            "out of its breakdown, kept in 'all') [age_band] (fix: map it with 'group = CODE | unknown' in "
            "[characteristic age] of " +
            (dataDir() / "example.spec").string() + ", or list it under 'missing')");
}

class ComputeEngineFiles : public test::TempDirTest {};

// y around 1e6 with a spread of 1e-3 and weights around 1e5: a one-pass sum of w^2 y^2 loses every digit
// of the variance. The engine must agree with the two-pass computation.
TEST_F(ComputeEngineFiles, AvoidsCancellation) {
    std::string text = "w,g,y\n";
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> groups;
    std::vector<double> allY, allW;
    std::uint64_t state = 12345;
    const auto uniform = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0;
    };
    for (int i = 0; i < 20000; ++i) {
        const std::string group = i % 3 == 0 ? "a" : (i % 3 == 1 ? "b" : "c");
        const double base = group == "c" ? 2e6 : 1e6; // "all" mixes two far-apart means
        char line[96];
        std::snprintf(line, sizeof line, "%.17g,%s,%.17g\n", 5e4 + 1e5 * uniform(), group.c_str(),
                      base + 1e-3 * uniform());
        text += line;
        double w = 0.0, y = 0.0;
        std::sscanf(line, "%lf,%*[a-c],%lf", &w, &y);
        groups[group].first.push_back(y);
        groups[group].second.push_back(w);
        allY.push_back(y);
        allW.push_back(w);
    }
    test::writeFile(tempDir() / "cancel.csv", text);
    for (const unsigned jobs : {1U, 2U}) {
        ComputeOptions options;
        options.jobs = jobs;
        options.minimumBytesPerJob = 1;
        const ComputeSums sums =
            computeSums(tempDir() / "cancel.csv", parseComputeSpec(kSmallSpec, "s"), options);
        const auto check = [&](const DomainSums& domain, const std::vector<double>& y,
                               const std::vector<double>& w) {
            const TwoPass expected = twoPass(y, w, 20000);
            const stats::WeightedEstimate engine = stats::weightedMean(domain.toWeightedSums(), 20000);
            EXPECT_NEAR(engine.estimate.value, expected.mean, 1e-14 * expected.mean);
            EXPECT_NEAR(*engine.estimate.se, expected.se, 1e-12 * expected.se);
        };
        check(sums.tables[0].groups[0].indicators[0], allY, allW);
        for (const GroupSums& group : sums.tables[1].groups)
            check(group.indicators[0], groups[group.group].first, groups[group.group].second);
    }
    // The naive one-pass sums (no shift) really do fail here, so the test can tell.
    stats::WeightedSums naive;
    for (std::size_t i = 0; i < groups["a"].first.size(); ++i)
        naive.add(groups["a"].first[i], groups["a"].second[i]);
    const double naiveSe = *stats::weightedMean(naive, 20000).estimate.se;
    const double trueSe = twoPass(groups["a"].first, groups["a"].second, 20000).se;
    EXPECT_GT(std::fabs(naiveSe - trueSe), 1e-3 * trueSe);
}

TEST_F(ComputeEngineFiles, ReportsBadRowsWithLineAndColumn) {
    const auto file = [&](const std::string& name, const std::string& text) {
        test::writeFile(tempDir() / name, text);
        return tempDir() / name;
    };
    const auto at = [&](const std::string& name) { return (tempDir() / name).string(); };
    EXPECT_EQ(errorOf(file("weight.csv", "w,g,y\n1,a,2\n1.5x,a,3\n"), kSmallSpec),
              at("weight.csv") +
                  ":3:1: error: weight '1.5x' is not a number [w] (fix: every row needs a weight >= "
                  "0 written as a decimal number)");
    EXPECT_EQ(errorOf(file("negative.csv", "w,g,y\n-1,a,2\n"), kSmallSpec),
              at("negative.csv") +
                  ":2:1: error: weight '-1' is negative [w] (fix: every row needs a weight >= 0 "
                  "written as a decimal number)");
    EXPECT_EQ(errorOf(file("value.csv", "w,g,y\r\n1,a,2\r\n1,b,n/a\r\n"), kSmallSpec),
              at("value.csv") +
                  ":3:3: error: value 'n/a' of mean indicator 'm' is not a number [y] (fix: write a "
                  "decimal number with a point, or add the code to 'missing' in the spec)");
    EXPECT_EQ(errorOf(file("fields.csv", "w,g,y\n1,a,2\n\n1,a\n"), kSmallSpec),
              at("fields.csv") +
                  ":4:3: error: the row has 2 fields, the header has 3 (fix: give every row one "
                  "field per header column (quote fields that contain commas))");
    EXPECT_EQ(errorOf(file("quote.csv", "w,g,y\n1,\"a,2\n"), kSmallSpec),
              at("quote.csv") +
                  ":2: error: a quoted field is never closed (fix: close the quote with '\"' (write "
                  "a quote inside a quoted field as '\"\"'))");
    EXPECT_EQ(errorOf(file("column.csv", "w,group,y\n1,a,2\n"), kSmallSpec),
              "test.spec:6: error: column 'g' is not in the header of " + at("column.csv") +
                  " [column] (fix: use one of the data's columns: w, group, y)");
}

// A bad weight near the end of a file read by two threads in small blocks: the line is still exact.
TEST_F(ComputeEngineFiles, StreamsAndFindsABadRowNearTheEnd) {
    std::string text = "w,g,y\n";
    const int rows = 200000;
    for (int i = 1; i <= rows; ++i)
        text += (i == rows - 7 ? std::string("heavy") : std::to_string(1 + i % 7)) + "," +
                (i % 2 ? "a" : "b") + "," + std::to_string(i % 10) + "\n";
    test::writeFile(tempDir() / "long.csv", text);
    ComputeOptions options;
    options.jobs = 2;
    options.blockBytes = 1 << 16;
    options.minimumBytesPerJob = 1;
    EXPECT_EQ(errorOf(tempDir() / "long.csv", kSmallSpec, options),
              (tempDir() / "long.csv").string() + ":199994:1: error: weight 'heavy' is not a number [w] "
                                                  "(fix: every row needs a weight >= 0 written "
                                                  "as a decimal number)");
}

// Quoted fields holding line breaks make a split at a byte offset unsafe: the engine notices and re-reads
// the file on one thread, with the same result as a single-threaded read.
TEST_F(ComputeEngineFiles, QuotedLineBreaksFallBackToOneThread) {
    std::string text = "w,g,y\n";
    std::string longNote = "\"";
    for (int k = 0; k < 60; ++k)
        longNote += "line, \"\"quoted\"\"\n";
    longNote += "\"";
    for (int i = 0; i < 401; ++i)
        text += std::to_string(1 + i % 5) + "," + (i % 2 ? longNote : std::string("\"b\"")) + "," +
                std::to_string(i % 9) + "\n";
    test::writeFile(tempDir() / "quoted.csv", text);
    const ComputeSpec spec = parseComputeSpec(kSmallSpec, "s");
    ComputeOptions serial;
    serial.jobs = 1;
    const ComputeSums one = computeSums(tempDir() / "quoted.csv", spec, serial);
    ComputeOptions parallel;
    parallel.jobs = 3;
    parallel.minimumBytesPerJob = 1;
    const ComputeSums two = computeSums(tempDir() / "quoted.csv", spec, parallel);
    EXPECT_TRUE(two.reranSerially);
    ASSERT_EQ(one.tables[1].groups.size(), 2U);
    ASSERT_EQ(two.tables[1].groups.size(), 2U);
    EXPECT_EQ(one.designRows, 401U);
    EXPECT_EQ(two.designRows, 401U);
    for (std::size_t g = 0; g < 2; ++g) {
        EXPECT_EQ(one.tables[1].groups[g].group, two.tables[1].groups[g].group);
        EXPECT_EQ(one.tables[1].groups[g].indicators[0].n, g == 0 ? 201U : 200U);
        EXPECT_EQ(one.tables[1].groups[g].indicators[0].mean, two.tables[1].groups[g].indicators[0].mean);
    }
}

} // namespace capeq::compute
