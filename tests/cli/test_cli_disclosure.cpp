// SPDX-License-Identifier: Apache-2.0
// The disclosure rule is configurable on every command that publishes figures, and recorded in its output;
// and no suppressed figure reaches any output of the CLI, nor can be recovered from what does.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <support/small_cells.hpp>
#include <support/test_support.hpp>
#include <vector>

namespace capeq {
namespace {

namespace fs = std::filesystem;

const std::string kDemo = (test::sourceDir() / "datasets" / "county_council" / "evidence.csv").string();

TEST(CliDisclosure, StricterRuleSuppressesMoreAndSaysSo) {
    const auto standard = test::runCapeq({"export", kDemo, "--format", "json", "--service", "libraries"});
    const auto strict = test::runCapeq(
        {"export", kDemo, "--format", "json", "--service", "libraries", "--disclosure", "strict"});
    ASSERT_EQ(standard.exitCode, 0) << standard.err;
    ASSERT_EQ(strict.exitCode, 0) << strict.err;
    const auto count = [](const std::string& text) {
        std::size_t suppressed = 0;
        const nlohmann::json document = nlohmann::json::parse(text);
        for (const auto& row : document["rows"])
            suppressed +=
                row["suppression"].is_string() && !row["suppression"].get<std::string>().empty() ? 1 : 0;
        return suppressed;
    };
    EXPECT_GT(count(strict.out), count(standard.out));
    EXPECT_NE(strict.out.find("unweighted base < 30 or count 1-7"), std::string::npos);
}

TEST(CliDisclosure, ScoreRecordsTheRuleAndUnknownRulesAreErrors) {
    const auto score = test::runCapeq(
        {"score", kDemo, "--service", "housing", "--format", "json", "--disclosure", "strict"});
    ASSERT_EQ(score.exitCode, 0) << score.err;
    EXPECT_EQ(nlohmann::json::parse(score.out)["provenance"]["disclosure"],
              "primary: unweighted base < 30 or count 1-7; secondary: on (checked by linear algebra)");
    const auto unknown = test::runCapeq({"score", kDemo, "--service", "housing", "--disclosure", "lax"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(
        unknown.err.find("lax: error: no such disclosure file or name (fix: give a file path or one of: "
                         "default, strict)"),
        std::string::npos)
        << unknown.err;
}

// The small-cells table (tests/support/small_cells.hpp): one service's table with small cells. Every figure
// is a number that appears nowhere else (values differ even when rounded to one decimal), so a leak of any of
// them is found by searching the output's text. disabled (base 8) and black (base 9) break the default rule
// (base < 10). There are no counts, so CapEq shows the values as given (with counts it would show numerator /
// denominator). The margins make plain suppression recoverable: 1349 - 1341 = 8 is disabled's base,
// and 69.461 = 0.006 x 37.123 + 0.994 x 69.649 (to rounding) gives its value, so secondary suppression must
// hide more.
using test::findNumber;
using test::kSmallCellsCsv;

struct Cell {
    std::string characteristic;
    std::string group;
    double value, standardError, lower, upper, base;
};

// The rows of kSmallCellsCsv, for the checks (the whole population first).
const std::vector<Cell> kCells = {
    {"all", "all", 69.461, 1.254, 66.952, 71.864, 1349},
    {"sex", "female", 71.103, 1.614, 67.843, 74.162, 789},
    {"sex", "male", 67.144, 1.985, 63.152, 70.903, 560},
    {"disability", "disabled", 37.123, 4.567, 29.876, 44.321, 8},
    {"disability", "not_disabled", 69.649, 1.256, 67.133, 72.057, 1341},
    {"ethnicity_5", "asian", 66.672, 3.849, 58.791, 73.685, 150},
    {"ethnicity_5", "black", 41.234, 5.678, 30.111, 52.468, 9},
    {"ethnicity_5", "mixed", 65.918, 5.001, 55.512, 75.346, 90},
    {"ethnicity_5", "other", 71.428, 5.402, 59.917, 80.754, 70},
    {"ethnicity_5", "white", 70.194, 1.426, 67.328, 72.897, 1030},
};

// The texts that would betray a suppressed cell: its figures to three and two decimals (the 95% limits
// also as CapEq recomputes them from the standard error, value -/+ 1.959964 x SE), its value also to one,
// its base as printed in text ("n = 8") or a table cell (">8<"), and its gap to every other value of its
// table (the whole population included) when that gap is too large to be matched by chance.
std::vector<std::string> betrayals(const Cell& cell) {
    std::vector<std::string> texts;
    const double margin = 1.959964 * cell.standardError;
    for (const double figure :
         {cell.value, cell.standardError, cell.lower, cell.upper, cell.value - margin, cell.value + margin})
        for (const int decimals : {3, 2})
            texts.push_back(test::fixedDecimals(figure, decimals));
    texts.push_back(test::fixedDecimals(cell.value, 1));
    const std::string base = test::fixedDecimals(cell.base, 0);
    texts.insert(texts.end(), {"n = " + base, "n=" + base, ">" + base + "<"});
    for (const Cell& other : kCells) {
        const double gap = cell.value - other.value;
        if ((other.characteristic == cell.characteristic || other.characteristic == "all") &&
            std::fabs(gap) > 10)
            texts.push_back(test::fixedDecimals(gap, 2));
    }
    return texts;
}

// The cells the tidy JSON export reports as suppressed, and a check that a margin cannot reveal them.
std::vector<Cell> suppressedCells(const nlohmann::json& exported) {
    std::vector<Cell> suppressed;
    std::map<std::string, int> suppressedPerTable;
    bool wholePopulationPublished = false;
    for (const auto& row : exported["rows"]) {
        const std::string characteristic = row["characteristic"];
        const std::string group = row["group"];
        const bool isSuppressed =
            row["suppression"].is_string() && !row["suppression"].get<std::string>().empty();
        if (characteristic == "all")
            wholePopulationPublished = !isSuppressed;
        if (!isSuppressed)
            continue;
        EXPECT_TRUE(row["value"].is_null() && row["standard_error"].is_null() && row["n"].is_null())
            << characteristic << " " << group;
        ++suppressedPerTable[characteristic];
        for (const Cell& cell : kCells)
            if (cell.characteristic == characteristic && cell.group == group)
                suppressed.push_back(cell);
    }
    // With the whole population published, one suppressed group in a table of exhaustive groups would be
    // the whole population minus the published groups (for counts, bases, and share-weighted values).
    for (const auto& [characteristic, count] : suppressedPerTable)
        EXPECT_TRUE(!wholePopulationPublished || count >= 2)
            << characteristic << " has " << count << " suppressed group: recoverable from its margin";
    return suppressed;
}

std::string pdfText(const fs::path& pdf) {
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string text;
    char buffer[4096];
    std::size_t n = 0;
    while (pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0)
        text.append(buffer, n);
    return text;
}

class CliNoDisclosure : public test::TempDirTest {
protected:
    void SetUp() override {
        test::TempDirTest::SetUp();
        m_evidence = (tempDir() / "small_cells.csv").string();
        test::writeFile(m_evidence, kSmallCellsCsv);
        const auto exported = test::runCapeq({"export", m_evidence, "--format", "json"});
        ASSERT_EQ(exported.exitCode, 0) << exported.err;
        m_suppressed = suppressedCells(nlohmann::json::parse(exported.out));
    }
    // Fails for each betraying text found in output (named what).
    void expectNothingBetrayed(const std::string& output, const std::string& what) const {
        EXPECT_FALSE(output.empty()) << what;
        for (const Cell& cell : m_suppressed)
            for (const std::string& text : betrayals(cell)) {
                const auto at = findNumber(output, text);
                EXPECT_EQ(at, std::string::npos)
                    << what << " shows " << text << " of suppressed " << cell.group << ": ..."
                    << output.substr(at == std::string::npos ? 0 : (at > 80 ? at - 80 : 0), 160) << "...";
            }
    }
    std::string m_evidence;
    std::vector<Cell> m_suppressed;
};

TEST_F(CliNoDisclosure, BothSmallCellsAndTheirComplementsAreSuppressed) {
    std::vector<std::string> groups;
    for (const Cell& cell : m_suppressed)
        groups.push_back(cell.group);
    // The two primary cells; not_disabled is the only other disability group, so it must go too; one more
    // ethnic group goes with black. (Which one is secondary suppression's choice.)
    EXPECT_NE(std::find(groups.begin(), groups.end(), "disabled"), groups.end());
    EXPECT_NE(std::find(groups.begin(), groups.end(), "not_disabled"), groups.end());
    EXPECT_NE(std::find(groups.begin(), groups.end(), "black"), groups.end());
    EXPECT_GE(groups.size(), 4u);
}

TEST_F(CliNoDisclosure, NoSuppressedFigureInTablesOrExports) {
    for (const std::vector<std::string>& arguments : std::vector<std::vector<std::string>>{
             {"score", m_evidence},
             {"score", m_evidence, "--explain"},
             {"score", m_evidence, "--format", "json"},
             {"score", m_evidence, "--format", "csv"},
             {"export", m_evidence},
             {"export", m_evidence, "--format", "json"},
             {"export", m_evidence, "--format", "sdmx-csv"},
             {"export", m_evidence, "--disclosure", "strict"},
         }) {
        std::string what = "capeq";
        for (const std::string& argument : arguments)
            what += " " + (argument == m_evidence ? std::string("small_cells.csv") : argument);
        const auto result = test::runCapeq(arguments);
        ASSERT_EQ(result.exitCode, 0) << what << "\n" << result.err;
        expectNothingBetrayed(result.out + result.err, what);
    }
}

TEST_F(CliNoDisclosure, NoSuppressedFigureInAuditReportsHtmlOrPdf) {
    const fs::path out = tempDir() / "audit";
    const auto result = test::runCapeq({"audit", m_evidence, "--out", out.string(), "--reports", "html,pdf",
                                        "--interval-draws", "20", "--sensitivity-draws", "10"});
    if (result.exitCode == 2 && result.err.find("need the GUI-enabled build") != std::string::npos)
        GTEST_SKIP() << "this build has no report module (the GUI-enabled build runs this test): "
                     << result.err;
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectNothingBetrayed(result.out + result.err, "capeq audit output");
    int html = 0;
    int pdf = 0;
    int other = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (!entry.is_regular_file())
            continue;
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".pdf") {
            ++pdf;
            const std::string text = pdfText(entry.path());
            ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) must be installed";
            expectNothingBetrayed(text, name);
        } else {
            (entry.path().extension() == ".html" ? html : other) += 1;
            expectNothingBetrayed(test::readFile(entry.path()), name);
        }
    }
    EXPECT_GE(html, 2) << "the summary and the service's report";
    EXPECT_GE(pdf, 1);
    EXPECT_GE(other, 1) << "summary.json and the other data files";
}

} // namespace
} // namespace capeq
