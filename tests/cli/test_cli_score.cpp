// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/scoring/scorer.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <support/test_support.hpp>
#include <vector>

namespace capeq {
namespace {

const std::string kDemo = (test::sourceDir() / "datasets" / "county_council" / "evidence.csv").string();

TEST(CliScore, SeveralServicesNeedAChoice) {
    const auto result = test::runCapeq({"score", kDemo});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("error: the input holds 5 services (fix: choose one with --service (one of: "
                              "adult_social_care, community_safety, housing, libraries, schools))"),
              std::string::npos)
        << result.err;
}

TEST(CliScore, UnknownServiceIsAClearError) {
    const auto result = test::runCapeq({"score", kDemo, "--service", "parks"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("no evidence for service 'parks'"), std::string::npos) << result.err;
}

TEST(CliScore, JsonMatchesTheLibraryScore) {
    const auto result = test::runCapeq({"score", kDemo, "--service", "libraries", "--format", "json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["service"], "libraries");
    EXPECT_EQ(json["period"], "2024/25");
    EXPECT_EQ(json["provenance"]["profile"], "default");
    EXPECT_NE(json["provenance"]["disclosure"].get<std::string>().find("base < 10"), std::string::npos);
    EXPECT_EQ(json["provenance"]["inputs"][0]["sha256"].get<std::string>().size(), 64u);

    // The same number from the library directly: the CLI adds no arithmetic of its own.
    const Catalogue catalogue = loadCatalogue(test::sourceDir() / "indicators");
    EvidenceSet evidence = readEvidenceFile(kDemo, catalogue);
    ScoreInput input{
        catalogue, ServiceId{"libraries"}, AreaCode{"E10999999"}, "2024/25", evidence.rows,     {},
        {},        ScoringProfile{},       WeightProfile{},       RuleSet{}, DisclosurePolicy{}};
    for (const EvidenceRow& row : evidence.rows)
        if (row.service.str() == "libraries" && row.period == "2023/24")
            input.previousRows.push_back(row);
    const ServiceScore score = scoreService(input);
    ASSERT_TRUE(score.overall.has_value());
    EXPECT_DOUBLE_EQ(json["capability_equality_index"].get<double>(), *score.overall);
    EXPECT_EQ(json["flags"].size(), score.flags.size());
}

TEST(CliScore, TableExplainAndCsv) {
    const auto table =
        test::runCapeq({"score", kDemo, "--service", "housing", "--explain", "--rules", "eds2022"});
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("Capability-equality index: "), std::string::npos);
    EXPECT_NE(table.out.find("Grading: "), std::string::npos);
    EXPECT_NE(table.out.find("Achievement A = 100 x clamp("), std::string::npos);
    EXPECT_NE(table.out.find("EA = A x E / 100 = "), std::string::npos);

    const auto csv = test::runCapeq({"score", kDemo, "--service", "housing", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(
        csv.out.substr(0, csv.out.find('\n')),
        "service,area,period,level,domain,dimension,indicator,score,achievement,equality,profile,weights,"
        "method_version");
    EXPECT_NE(csv.out.find("\nhousing,E10999999,2024/25,overall,"), std::string::npos);
}

// datasets/regulator, planted case D01: R010's social care dignity falls from 752/1173 = 64.11% (2023/24)
// to 606/1173 = 51.66%, while NATIONAL (every organisation together) has 255919/398182 = 64.27% in 2024/25.
// 51.66% with n = 1173 has a Wilson 95% interval of about 48.8-54.5%, well below 64.27: worse than the
// benchmark; the fall of 12.45 points has SE about sqrt(0.64 x 0.36 / 1173 + 0.52 x 0.48 / 1173) = 2.0:
// worsening. Hence red-red, and only with --benchmark-area.
TEST(CliScore, BenchmarkAreaGivesRedRed) {
    const std::string regulator = (test::sourceDir() / "datasets" / "regulator" / "evidence.csv").string();
    const auto redRed = [](const nlohmann::json& score) {
        std::vector<std::string> messages;
        for (const auto& flag : score["flags"])
            if (flag["flag"] == "red_red")
                messages.push_back(flag["indicator"].get<std::string>() + ": " +
                                   flag["message"].get<std::string>());
        return messages;
    };
    const auto with = test::runCapeq({"score", regulator, "--service", "adult_social_care", "--area", "R010",
                                      "--benchmark-area", "NATIONAL", "--format", "json"});
    ASSERT_EQ(with.exitCode, 0) << with.err;
    EXPECT_EQ(redRed(nlohmann::json::parse(with.out)),
              std::vector<std::string>{"social_care_dignity: everyone: 51.7, significantly worse than the "
                                       "benchmark 64.3 and worsening from 64.1"});
    const auto without = test::runCapeq(
        {"score", regulator, "--service", "adult_social_care", "--area", "R010", "--format", "json"});
    ASSERT_EQ(without.exitCode, 0) << without.err;
    EXPECT_TRUE(redRed(nlohmann::json::parse(without.out)).empty());

    const auto missing = test::runCapeq({"score", regulator, "--service", "adult_social_care", "--area",
                                         "R010", "--benchmark-area", "ENGLAND"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(
        missing.err.find("no whole-population figure for adult_social_care in area 'ENGLAND' for 2024/25"),
        std::string::npos)
        << missing.err;
}

TEST(CliScore, MissingProfileListsTheAvailableOnes) {
    const auto result = test::runCapeq({"score", kDemo, "--service", "housing", "--profile", "nonesuch"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(
        result.err.find("nonesuch: error: no such profile file or name (fix: give a file path or one of: "
                        "all_gaps, attributable, default, relative_gaps)"),
        std::string::npos)
        << result.err;
}

} // namespace
} // namespace capeq
