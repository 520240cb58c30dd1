// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {

namespace {

std::string computeData(const std::string& name) {
    return (test::testDataDir() / "compute" / name).string();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class CliCompute : public test::TempDirTest {};

} // namespace

TEST_F(CliCompute, WritesLongFormatEstimatesWithDisclosureControl) {
    const std::string out = (tempDir() / "estimates.csv").string();
    const test::CommandResult result =
        test::runCapeq({"compute", computeData("microdata_3k.csv"), "--spec", computeData("example.spec"),
                        "--out", out, "--jobs", "2"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.out.empty());
    EXPECT_TRUE(
        contains(result.err, computeData("microdata_3k.csv") +
                                 ":41:4: warning: value 'unknown' of characteristic 'age' is not mapped"));
    EXPECT_TRUE(contains(result.err, "capeq compute: 3000 rows, 4 indicators x 6 breakdowns: 116 estimates"));
    const std::string csv = test::readFile(out);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "indicator_id,area_code,service_id,period,characteristic,group,value,standard_error,lower_ci,"
              "upper_ci,"
              "numerator,denominator,population_share,note,sample_size,population");
    // The whole-population income mean: R survey gives 40804.723887776541 (SE 655.44594163650426), see
    // tests/data/compute/reference_3k.csv.
    EXPECT_TRUE(contains(csv, "\nind16_income,E92000001,example_survey,2024,all,all,40804.7238877765"));
    // Six disabled Buddhists: below the minimum base, so the cell is empty with the reason.
    EXPECT_TRUE(contains(csv, "\nind18_score_disabled,E92000001,example_survey,2024,religion,buddhist,,,,,,,,"
                              "suppressed: too few people in the group,,\n"));
    EXPECT_TRUE(contains(csv, "\nind16_income,E92000001,example_survey,2024,religion,jewish,"));
    EXPECT_TRUE(contains(csv, ",low_reliability,12,"));
}

TEST_F(CliCompute, PrintsToStdoutAndOverridesLabels) {
    const test::CommandResult result =
        test::runCapeq({"compute", computeData("microdata_3k.csv"), "--spec", computeData("example.spec"),
                        "--area", "E06000001", "--period", "2025", "--no-suppression"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "\nind01_yes,E06000001,example_survey,2025,all,all,3.90319504642865"));
    EXPECT_TRUE(contains(result.err, "disclosure control off"));
}

TEST_F(CliCompute, ABadRowWritesNothingAndNamesTheCell) {
    test::writeFile(tempDir() / "bad.csv",
                    "weight,sex,age_band,ethnicity,religion,ind01,ind16,ind17,ind18,disability\n"
                    "1,female,25-34,white,none,1,100,3,2,disabled\n"
                    "one,male,25-34,white,none,0,200,9,4,disabled\n");
    const std::string out = (tempDir() / "estimates.csv").string();
    const test::CommandResult result = test::runCapeq(
        {"compute", (tempDir() / "bad.csv").string(), "--spec", computeData("example.spec"), "--out", out});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              (tempDir() / "bad.csv").string() +
                  ":3:1: error: weight 'one' is not a number [weight] (fix: every row needs a weight >= 0 "
                  "written as a decimal number)\n");
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(CliCompute, ASpecErrorNamesTheSpecLine) {
    test::writeFile(tempDir() / "bad.spec",
                    "[compute]\nweight = weight\n[indicator x]\ncolumn = ind01\nkind = ratio\n");
    const test::CommandResult result = test::runCapeq(
        {"compute", computeData("microdata_3k.csv"), "--spec", (tempDir() / "bad.spec").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(
        result.err,
        (tempDir() / "bad.spec").string() +
            ":5:8: error: unknown kind 'ratio' [kind] (fix: write 'kind = proportion' or 'kind = mean')\n");
}

TEST_F(CliCompute, StoresCatalogueIndicatorsInTheDatabase) {
    test::writeFile(tempDir() / "store.spec",
                    "[compute]\nweight = weight\nservice = survey\nperiod = 2024\n"
                    "area = E92000001\n"
                    "[indicator degree_level_25_64]\ncolumn = ind03\nkind = proportion\n"
                    "numerator = = 1\n[characteristic sex]\ncolumn = sex\n");
    const std::string db = (tempDir() / "store.db").string();
    const test::CommandResult result = test::runCapeq({"compute", computeData("microdata_3k.csv"), "--spec",
                                                       (tempDir() / "store.spec").string(), "--db", db});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(contains(result.err, "capeq compute: stored 3 estimates in " + db));
    EXPECT_TRUE(std::filesystem::exists(db));
}

} // namespace capeq
