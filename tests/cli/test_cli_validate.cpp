// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {

namespace {
std::string evidence(const std::string& name) {
    return (test::testDataDir() / "evidence" / name).string();
}
std::string catalogue() {
    return (test::sourceDir() / "indicators").string();
}
} // namespace

TEST(CliValidate, SummarisesAValidFile) {
    const test::CommandResult result =
        test::runCapeq({"validate", evidence("cli_valid.csv"), "--catalogue", catalogue()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out,
              "file: " + evidence("cli_valid.csv") +
                  "\nformat: capeq-long\nencoding: utf-8\nrows: 3\nindicators: violent_crime_victim\n"
                  "characteristics: all, sex\ncolumns used: indicator_id, area_code, service_id, period, "
                  "characteristic, group, value, lower_ci, upper_ci\nunmapped: none\n");
}

TEST(CliValidate, ListsEveryProblemAndExitsTwo) {
    const test::CommandResult result =
        test::runCapeq({"validate", evidence("cli_invalid.csv"), "--catalogue", catalogue()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    const std::string file = evidence("cli_invalid.csv");
    EXPECT_EQ(
        result.err,
        file +
            ":3:6: error: unknown group 'woman' for characteristic 'sex' [group] (fix: use one of: female, "
            "male)\n" +
            file +
            ":4:9: error: 95% CI upper limit 2.6 is below the value 2.9 [upper_ci] (fix: check that the "
            "limits belong to this row and are on the same scale as the value)\n"
            "capeq validate: 2 problems; nothing can be imported until they are fixed\n");
}

TEST(CliValidate, UnknownEncodingIsABadInput) {
    const test::CommandResult result = test::runCapeq(
        {"validate", evidence("cli_valid.csv"), "--catalogue", catalogue(), "--encoding", "latin-9"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, evidence("cli_valid.csv") +
                              ": error: unknown encoding 'latin-9' (fix: use auto, utf-8 or "
                              "windows-1252)\n");
}

TEST(CliValidate, ReadsTheRealFingertipsExportAndListsUnmappedItems) {
    const auto file = test::realDataDir() / "fingertips_93356_countyua.csv";
    if (!std::filesystem::exists(file))
        GTEST_SKIP() << "../shared/data/real not found";
    const test::CommandResult result =
        test::runCapeq({"validate", file.string(), "--catalogue", catalogue()});
    // Whether 93356's CapEq indicator is in the shipped catalogue decides the exit code; the reading does
    // not.
    EXPECT_NE(result.err.find("warning: rows have 25 fields but the header has 26"), std::string::npos);
    if (result.exitCode == 0) {
        EXPECT_NE(result.out.find("  group 'age: 0-9 yrs': 306 rows, first on line 44\n"), std::string::npos);
    } else {
        EXPECT_NE(result.err.find("unknown indicator 'campylobacter_incidence'"), std::string::npos);
    }
}

} // namespace capeq
