// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/sha256.hpp>

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

const std::string kSmall = (test::testDataDir() / "export" / "small_cells.csv").string();
const std::string kDemo = (test::sourceDir() / "datasets" / "county_council" / "evidence.csv").string();
constexpr const char* kInstallHint = "install it with scripts/install-deps --test";

// Records in a CSV text, counting line breaks outside quotes (a quoted note may hold a newline).
std::size_t csvRecords(const std::string& text) {
    std::size_t records = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            ++records;
    }
    return records;
}

// Lines of the demo input (no quoted fields in it) whose third column is service ("" = all data lines).
std::size_t demoRows(const std::string& service) {
    std::ifstream in(kDemo);
    std::string line;
    std::getline(in, line);
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        const std::size_t first = line.find(',');
        const std::size_t second = line.find(',', first + 1);
        const std::size_t third = line.find(',', second + 1);
        if (service.empty() || line.substr(second + 1, third - second - 1) == service)
            ++rows;
    }
    return rows;
}

bool runs(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// The interpreter that has pandas: Debian's python3-pandas belongs to /usr/bin/python3, which a pyenv or
// venv python3 earlier on PATH may hide.
std::string pandasPython() {
    for (const std::string candidate : {"/usr/bin/python3", "python3"})
        if (runs(candidate + " -c 'import pandas'"))
            return candidate;
    return "";
}

class CliExport : public test::TempDirTest {};

TEST_F(CliExport, TidyCsvToStdoutSaysWhereProvenanceIs) {
    const auto result = test::runCapeq({"export", kSmall, "--format", "tidy-csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(csvRecords(result.out), 12u) << "header and one record per input row";
    EXPECT_NE(result.out.find(",age,16-24,,,,,,,,,,,P-base,"), std::string::npos);
    EXPECT_NE(result.out.find(",age,25-34,,,,,,,,,,,S,"), std::string::npos);
    EXPECT_NE(
        result.out.find("\"Survey wave 3, \"\"boosted\"\" sample <script>alert(1)</script>\nsecond line\""),
        std::string::npos);
    EXPECT_NE(result.err.find("use --out FILE to also write FILE.metadata.json"), std::string::npos);
}

TEST_F(CliExport, OutWritesAtomicallyWithASidecar) {
    const fs::path out = tempDir() / "export.csv";
    const auto result = test::runCapeq({"export", kSmall, "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.out.empty()) << "nothing on stdout when writing a file";
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tempDir()))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"export.csv", "export.csv.metadata.json"}))
        << "no temp files left";

    const auto sidecar = nlohmann::json::parse(test::readFile(tempDir() / "export.csv.metadata.json"));
    EXPECT_EQ(sidecar["path"], "export.csv");
    EXPECT_EQ(sidecar["schema"]["missingValues"], nlohmann::json::array({""}));
    EXPECT_EQ(sidecar["schema"]["fields"].size(), 20u);
    EXPECT_EQ(sidecar["schema"]["fields"][8]["name"], "value");
    EXPECT_EQ(sidecar["schema"]["fields"][8]["type"], "number");
    const auto& provenance = sidecar["provenance"];
    EXPECT_EQ(provenance["method_version"], CAPEQ_METHOD_VERSION);
    EXPECT_EQ(provenance["capeq_version"], CAPEQ_VERSION);
    EXPECT_EQ(provenance["inputs"][0]["name"], "small_cells.csv");
    EXPECT_EQ(provenance["inputs"][0]["sha256"], sha256FileHex(kSmall));
    EXPECT_EQ(provenance["row_count"], 11);
    EXPECT_EQ(provenance["suppressed_primary"], 1);
    EXPECT_EQ(provenance["suppressed_secondary"], 1);
    EXPECT_NE(provenance["disclosure_rule"].get<std::string>().find("base < 10"), std::string::npos);
    EXPECT_EQ(test::readFile(out), test::runCapeq({"export", kSmall}).out);
}

TEST_F(CliExport, RReadsTheTidyCsvWithDefaultArguments) {
    if (!runs("Rscript --version"))
        FAIL() << "Rscript is missing: " << kInstallHint;
    const fs::path out = tempDir() / "tidy.csv";
    ASSERT_EQ(test::runCapeq({"export", kSmall, "--out", out.string()}).exitCode, 0);
    test::writeFile(tempDir() / "check.R",
                    "d <- read.csv('" + out.string() +
                        "')\n"
                        "stopifnot(nrow(d) == 11, ncol(d) == 20)\n"
                        "stopifnot(is.numeric(d$value), is.numeric(d$lower_ci), is.numeric(d$n))\n"
                        "small <- d[d$group == '16-24', ]\n"
                        "stopifnot(is.na(small$value), is.na(small$n), small$suppression == 'P-base')\n"
                        "stopifnot(sum(is.na(d$value)) == 2)\n"
                        "female <- d[d$service_id == 'housing' & d$group == 'female', ]\n"
                        "stopifnot(abs(female$upper_ci - 62.265) < 0.001)\n"
                        "stopifnot(grepl('<script>', female$note, fixed = TRUE))\n");
    EXPECT_TRUE(runs("Rscript " + (tempDir() / "check.R").string())) << "R could not read " << out;
}

TEST_F(CliExport, PandasReadsTheTidyCsvWithDefaultArguments) {
    const std::string python = pandasPython();
    if (python.empty())
        FAIL() << "python3 with pandas is missing: " << kInstallHint;
    const fs::path out = tempDir() / "tidy.csv";
    ASSERT_EQ(test::runCapeq({"export", kSmall, "--out", out.string()}).exitCode, 0);
    test::writeFile(tempDir() / "check.py",
                    "import pandas as pd\n"
                    "d = pd.read_csv('" +
                        out.string() +
                        "')\n"
                        "assert d.shape == (11, 20), d.shape\n"
                        "assert d['value'].dtype.kind == 'f'\n"
                        "small = d[d['group'] == '16-24'].iloc[0]\n"
                        "assert pd.isna(small['value']) and pd.isna(small['upper_ci']) and "
                        "small['suppression'] == 'P-base'\n"
                        "assert d['value'].isna().sum() == 2\n"
                        "assert abs(d.loc[d['group'] == 'female', 'lower_ci'].iloc[0] - 37.735) < 0.001\n"
                        "assert 'second line' in d.loc[d['group'] == 'female', 'note'].iloc[0]\n");
    EXPECT_TRUE(runs(python + " " + (tempDir() / "check.py").string())) << "pandas could not read " << out;
}

TEST_F(CliExport, DemoDataKeepsEveryRowAndNeverPublishesASuppressedFigure) {
    const auto all = test::runCapeq({"export", kDemo});
    ASSERT_EQ(all.exitCode, 0) << all.err;
    EXPECT_EQ(csvRecords(all.out), demoRows("") + 1);
    const auto housing = test::runCapeq({"export", kDemo, "--service", "housing"});
    ASSERT_EQ(housing.exitCode, 0) << housing.err;
    EXPECT_EQ(csvRecords(housing.out), demoRows("housing") + 1);

    const std::string python = pandasPython();
    if (python.empty())
        FAIL() << "python3 with pandas is missing: " << kInstallHint;
    const fs::path out = tempDir() / "demo.csv";
    ASSERT_EQ(test::runCapeq({"export", kDemo, "--out", out.string()}).exitCode, 0);
    test::writeFile(
        tempDir() / "demo.py",
        "import pandas as pd\n"
        "d = pd.read_csv('" +
            out.string() +
            "')\n"
            "assert len(d) == " +
            std::to_string(demoRows("")) +
            "\n"
            "s = d[d['suppression'].notna()]\n"
            "assert len(s) > 0\n"
            "figures = ['value','standard_error','lower_ci','upper_ci','ci_level','n','population_share']\n"
            "assert s[figures].isna().all().all()\n"
            "assert (d['value'] != 0).sum() > 0\n");
    EXPECT_TRUE(runs(python + " " + (tempDir() / "demo.py").string()));
}

TEST_F(CliExport, JsonDocumentWithNulls) {
    const auto result = test::runCapeq({"export", kSmall, "--format", "json", "--service", "housing"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["provenance"]["service_filter"], "housing");
    ASSERT_EQ(json["rows"].size(), 7u);
    EXPECT_TRUE(json["rows"][5]["value"].is_null());
    EXPECT_EQ(json["rows"][5]["suppression"], "P-base");
    EXPECT_EQ(json["rows"][3]["compared_to_everyone"], "worse");
}

TEST_F(CliExport, SdmxCsvWithSidecar) {
    const fs::path out = tempDir() / "sdmx.csv";
    ASSERT_EQ(test::runCapeq({"export", kSmall, "--format", "sdmx-csv", "--out", out.string()}).exitCode, 0);
    const std::string text = test::readFile(out);
    EXPECT_EQ(text.rfind("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,AREA,SERVICE,TIME_PERIOD,", 0), 0u);
    EXPECT_NE(text.find("age,16-24,NaN,%,NaN,NaN,NaN,NaN,C,,P-base\n"), std::string::npos);
    EXPECT_EQ(csvRecords(text), 12u);
    EXPECT_TRUE(fs::exists(tempDir() / "sdmx.csv.metadata.json"));
}

TEST_F(CliExport, CodebooksStateMethodAndDisclosureRule) {
    const auto md = test::runCapeq({"export", kSmall, "--format", "codebook-md"});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_NE(md.out.find("method version " CAPEQ_METHOD_VERSION), std::string::npos);
    EXPECT_NE(md.out.find("Disclosure rule: primary: unweighted base < 10"), std::string::npos);
    EXPECT_NE(md.out.find("employment_rate_16_64"), std::string::npos);
    EXPECT_EQ(md.out.find("median_hourly_pay"), std::string::npos) << "only the indicators in the input";
    const auto whole = test::runCapeq({"export", "--format", "codebook-md"});
    ASSERT_EQ(whole.exitCode, 0) << whole.err;
    EXPECT_NE(whole.out.find("median_hourly_pay"), std::string::npos);

    const fs::path out = tempDir() / "codebook.csv";
    ASSERT_EQ(test::runCapeq({"export", kSmall, "--format", "codebook-csv", "--out", out.string()}).exitCode,
              0);
    EXPECT_EQ(csvRecords(test::readFile(out)), 2u);
    const auto sidecar = nlohmann::json::parse(test::readFile(tempDir() / "codebook.csv.metadata.json"));
    EXPECT_EQ(sidecar["schema"]["fields"][0]["name"], "id");
    EXPECT_NE(sidecar["provenance"]["disclosure_rule"].get<std::string>().find("base < 10"),
              std::string::npos);
}

TEST_F(CliExport, UsageErrors) {
    const auto noInput = test::runCapeq({"export", "--format", "tidy-csv"});
    EXPECT_EQ(noInput.exitCode, 2);
    EXPECT_NE(noInput.err.find("needs an INPUT"), std::string::npos) << noInput.err;
    const auto noRows = test::runCapeq({"export", kSmall, "--service", "parks"});
    EXPECT_EQ(noRows.exitCode, 2);
    EXPECT_NE(noRows.err.find("services in the input: housing, libraries"), std::string::npos) << noRows.err;
    const auto badFormat = test::runCapeq({"export", kSmall, "--format", "xlsx"});
    EXPECT_EQ(badFormat.exitCode, 2);
    const auto noControl = test::runCapeq({"export", kSmall, "--no-disclosure-control"});
    EXPECT_EQ(noControl.exitCode, 2) << "disclosure control cannot be switched off";
}

} // namespace
} // namespace capeq
