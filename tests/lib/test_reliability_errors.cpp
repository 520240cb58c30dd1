// SPDX-License-Identifier: Apache-2.0
// Broken .capeq files (tests/data/errors/assessment_<fault>.capeq), compute specs (compute_<fault>.spec)
// and broken catalogue files
// (tests/data/errors/catalogue_<fault>/ laid over the minimal catalogue) that have a sidecar
// <name>.expected must give exactly those messages (paths shortened to the file name). CSV and evidence
// cases are checked by test_evidence_errors.cpp; older catalogue cases by test_catalogue_catalogue_loader.
#include <capeq/assessment/assessment_file.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/compute/compute_spec.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> casesStartingWith(const std::string& prefix) {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(test::testDataDir() / "errors")) {
        const std::string name = entry.path().filename().string();
        fs::path expected = entry.path();
        expected += ".expected";
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() != ".expected" &&
            (entry.path().extension() == ".capeq" || entry.path().extension() == ".spec" ||
             fs::exists(expected)))
            cases.push_back(entry.path());
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

std::string formatted(const std::vector<Diagnostic>& problems, const std::string& directoryPrefix) {
    std::string text;
    for (const Diagnostic& problem : problems) {
        if (problem.severity != Severity::Error)
            continue;
        std::string line = formatDiagnostic(problem);
        if (line.rfind(directoryPrefix, 0) == 0)
            line.erase(0, directoryPrefix.size());
        text += line + '\n';
    }
    return text;
}

TEST(ReliabilityErrors, EachBrokenAssessmentFileGivesItsExactMessage) {
    const std::vector<fs::path> files = casesStartingWith("assessment_");
    ASSERT_GE(files.size(), 10u);
    for (const fs::path& file : files) {
        fs::path expected = file;
        expected.replace_extension(".expected");
        std::string actual = "(opened)\n";
        try {
            loadAssessment(file);
        } catch (const InputError& error) {
            actual = formatted(error.diagnostics(), file.parent_path().string() + "/");
        }
        EXPECT_EQ(actual, test::readFile(expected)) << file.filename();
    }
}

TEST(ReliabilityErrors, EachBrokenComputeSpecGivesItsExactMessages) {
    const std::vector<fs::path> files = casesStartingWith("compute_");
    ASSERT_GE(files.size(), 5u);
    for (const fs::path& file : files) {
        fs::path expected = file;
        expected.replace_extension(".expected");
        std::string actual = "(parsed)\n";
        try {
            compute::readComputeSpec(file);
        } catch (const InputError& error) {
            actual = formatted(error.diagnostics(), file.parent_path().string() + "/");
        }
        EXPECT_EQ(actual, test::readFile(expected)) << file.filename();
    }
}

class ReliabilityCatalogueErrors : public test::TempDirTest {};

TEST_F(ReliabilityCatalogueErrors, EachBrokenCatalogueFileGivesItsExactMessages) {
    const std::vector<fs::path> faults = casesStartingWith("catalogue_");
    ASSERT_GE(faults.size(), 3u);
    for (const fs::path& fault : faults) {
        const fs::path dir = tempDir() / fault.filename();
        fs::create_directories(dir);
        for (const auto& entry : fs::directory_iterator(test::testDataDir() / "catalogue" / "minimal"))
            fs::copy_file(entry.path(), dir / entry.path().filename());
        for (const auto& entry : fs::directory_iterator(fault))
            fs::copy_file(entry.path(), dir / entry.path().filename(), fs::copy_options::overwrite_existing);
        fs::path expected = fault;
        expected += ".expected";
        EXPECT_EQ(formatted(validateCatalogueDirectory(dir).items(), dir.string() + "/"),
                  test::readFile(expected))
            << fault.filename();
    }
}

} // namespace
} // namespace capeq
