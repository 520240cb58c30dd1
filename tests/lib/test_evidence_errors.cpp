// SPDX-License-Identifier: Apache-2.0
// Every deliberately broken input under tests/data/errors/{csv,evidence}_*.csv must give exactly the
// messages in its sidecar <name>.expected (paths shortened to the file name).
#include "test_evidence_catalogue.hpp"

#include <capeq/evidence/evidence_reader.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> brokenInputs() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::testDataDir() / "errors")) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".csv" &&
            (name.rfind("csv_", 0) == 0 || name.rfind("evidence_", 0) == 0))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Reads and validates like `capeq validate`; returns every error, one formatted line each.
std::string problemsOf(const fs::path& file, const Catalogue& catalogue) {
    ReadOptions options;
    options.mappingDirectory = test::sourceDir() / "indicators" / "mappings";
    std::vector<Diagnostic> problems;
    try {
        const EvidenceSet set = readEvidenceFile(file, catalogue, options);
        problems = validateEvidence(set, catalogue).items();
    } catch (const InputError& error) {
        problems = error.diagnostics();
    }
    std::string text;
    const std::string prefix = file.parent_path().string() + "/";
    for (const Diagnostic& problem : problems) {
        if (problem.severity != Severity::Error)
            continue;
        std::string line = formatDiagnostic(problem);
        if (line.rfind(prefix, 0) == 0)
            line.erase(0, prefix.size());
        text += line + '\n';
    }
    return text;
}

} // namespace

TEST(EvidenceErrors, EachBrokenInputGivesItsExactMessages) {
    const Catalogue catalogue = test::evidenceTestCatalogue();
    const std::vector<fs::path> files = brokenInputs();
    ASSERT_GE(files.size(), 25u);
    for (const fs::path& file : files) {
        fs::path expectedFile = file;
        expectedFile.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expectedFile)) << expectedFile;
        EXPECT_EQ(problemsOf(file, catalogue), test::readFile(expectedFile)) << file.filename();
    }
}

} // namespace capeq
