// SPDX-License-Identifier: Apache-2.0
// The disclosure rule is configurable on every command that publishes figures, and recorded in its output.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <support/test_support.hpp>

namespace capeq {
namespace {

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

} // namespace
} // namespace capeq
