// SPDX-License-Identifier: Apache-2.0
// capeq audit on the synthetic regulator batch (datasets/regulator): every planted effect is flagged, flags
// where nothing was planted stay near their nominal rates, and the benchmark area gives red-red.
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <support/test_support.hpp>
#include <vector>

namespace capeq {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kDatasets = test::sourceDir() / "datasets";

// The planted effects of datasets/regulator (README there): each one must be flagged, and flags where
// nothing was planted must stay near their nominal rates. Flags are counted outside the 75 planted
// organisation x service x indicator cases: (1,598 audited organisation-services x 2 indicators - 75) x 2
// characteristics = 6,242 null comparisons for gaps and widenings.
// - Gaps: two groups with the best group as reference, so a 95% two-sided test flags a null comparison
//   with probability 0.05 (expected 312.1, sd sqrt(6242 x 0.05 x 0.95) = 17.2) and a 99.8% test with 0.002
//   (expected 12.5, sd 3.5).
// - Widenings: the change in the gap of the pair chosen on both periods is symmetric about 0 under no
//   change, and only a rise is flagged: probability (1 - level) / 2, i.e. 0.025 at 95% (expected 156.1, sd
//   sqrt(6242 x 0.025 x 0.975) = 12.3) and 0.001 at 99.8% (expected 6.2, sd 2.5).
// - Red-red needs both a worse-than-benchmark and a worsening result. Both depend on the current estimate, so
//   they are correlated (about 0.7) and their joint null rate is far above the product of the two; the
//   base values also move between periods (most indicators improve by 0.5-1 point). Integrating the
//   model's normal approximation over the 3,121 null whole-population figures (Wald SEs from the
//   generator's bases and sample sizes, NATIONAL as the benchmark) gives 11.3 expected red-red flags at 95%
//   and 0.17 at 99.8%.
class CliAuditRegulator : public test::TempDirTest {
protected:
    json audit(const std::string& level) {
        const fs::path out = tempDir() / ("out" + level);
        const auto result =
            test::runCapeq({"audit", (kDatasets / "regulator" / "evidence.csv").string(), "--out",
                            out.string(), "--no-reports", "--interval-draws", "0", "--sensitivity-draws", "0",
                            "--jobs", "2", "--level", level, "--benchmark-area", "NATIONAL"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.err.find("Auditing ["), std::string::npos) << "no progress bar when piped";
        return json::parse(test::readFile(out / "summary.json"));
    }
    static std::vector<std::map<std::string, std::string>> planted() {
        std::ifstream in(kDatasets / "regulator" / "planted_effects.csv");
        std::string line;
        std::getline(in, line);
        std::vector<std::string> names;
        for (std::stringstream header(line); std::getline(header, line, ',');)
            names.push_back(line);
        std::vector<std::map<std::string, std::string>> rows;
        for (std::string record; std::getline(in, record);) {
            std::map<std::string, std::string> row;
            std::stringstream fields(record);
            for (const std::string& name : names)
                std::getline(fields, row[name], ',');
            rows.push_back(row);
        }
        return rows;
    }
};

struct FlagTally {
    int plantedMissed = 0;
    int nullGapFlags = 0;
    int nullStandardFlags = 0;
    int nullWideningFlags = 0;
    int nullRedRedFlags = 0;
};

FlagTally tally(const json& summary, const std::vector<std::map<std::string, std::string>>& planted) {
    std::map<std::pair<std::string, std::string>, json> flags; // (organisation, service) -> flags
    for (const json& league : summary["leagues"])
        for (const json& entry : league["entries"])
            flags[{entry["area"], entry["service"]}] = entry["flags"];
    FlagTally t;
    std::set<std::string> plantedCells; // organisation|service|indicator
    for (const auto& p : planted) {
        plantedCells.insert(p.at("organisation") + "|" + p.at("service_id") + "|" + p.at("indicator_id"));
        std::stringstream kinds(p.at("expected_flags"));
        for (std::string kind; std::getline(kinds, kind, ';');) {
            bool found = false;
            for (const json& f : flags[{p.at("organisation"), p.at("service_id")}])
                found = found || (f["kind"] == kind && f["indicator"] == p.at("indicator_id") &&
                                  (p.at("group") == "all" || (f["characteristic"] == p.at("characteristic") &&
                                                              f["group"] == p.at("group"))));
            t.plantedMissed += found ? 0 : 1;
            if (!found)
                ADD_FAILURE() << "planted effect " << p.at("effect_id") << " (" << kind << ") not flagged";
        }
    }
    for (const auto& [key, list] : flags)
        for (const json& f : list) {
            if (plantedCells.count(key.first + "|" + key.second + "|" + f["indicator"].get<std::string>()))
                continue;
            t.nullGapFlags += f["kind"] == "significant_worse_gap" ? 1 : 0;
            t.nullStandardFlags += f["kind"] == "below_minimum_standard" ? 1 : 0;
            t.nullWideningFlags += f["kind"] == "widening" ? 1 : 0;
            t.nullRedRedFlags += f["kind"] == "red_red" ? 1 : 0;
        }
    std::printf("null flags: %d gaps, %d widenings, %d red-red, %d below standard\n", t.nullGapFlags,
                t.nullWideningFlags, t.nullRedRedFlags, t.nullStandardFlags);
    return t;
}

TEST_F(CliAuditRegulator, AuditLevelFindsEveryPlantedEffectAndFewFalseFlags) {
    const auto effects = planted();
    ASSERT_EQ(effects.size(), 75u);
    const json summary = audit("0.998");
    EXPECT_EQ(summary["counts"]["scored"], 1598);           // NATIONAL is the benchmark, not an organisation
    EXPECT_EQ(summary["no_evidence_in_period"].size(), 2u); // R318 libraries, R319 schools
    EXPECT_EQ(summary["benchmark"]["area"], "NATIONAL");
    EXPECT_TRUE(summary["benchmark"]["services_without_benchmark"].empty());
    for (const json& league : summary["leagues"])
        for (const json& entry : league["entries"])
            EXPECT_NE(entry["area"], "NATIONAL");
    const FlagTally t = tally(summary, effects);
    EXPECT_EQ(t.plantedMissed, 0);
    EXPECT_EQ(t.nullStandardFlags, 0);
    // P(X >= 26) < 0.001 for X ~ Binomial(6242, 0.002).
    EXPECT_LE(t.nullGapFlags, 25);
    // P(X >= 17) < 0.001 for X ~ Binomial(6242, 0.001).
    EXPECT_LE(t.nullWideningFlags, 16);
    // P(X >= 3) < 0.001 for a Poisson count with mean 0.17.
    EXPECT_LE(t.nullRedRedFlags, 2);
}

TEST_F(CliAuditRegulator, NinetyFivePercentLevelFlagsNullsAtTheirNominalRates) {
    const FlagTally t = tally(audit("0.95"), planted());
    EXPECT_EQ(t.plantedMissed, 0);
    // 312.1 +- 3.3 sd (two-sided 0.1%).
    EXPECT_GE(t.nullGapFlags, 255);
    EXPECT_LE(t.nullGapFlags, 369);
    // 156.1 +- 3.3 sd. Choosing the pair on the current period alone gave about twice as many.
    EXPECT_GE(t.nullWideningFlags, 115);
    EXPECT_LE(t.nullWideningFlags, 197);
    // P(X >= 24) < 0.001 for a Poisson count with mean 11.3.
    EXPECT_LE(t.nullRedRedFlags, 23);
}

TEST_F(CliAuditRegulator, WithoutABenchmarkNoRedRedAndTheSummarySaysSo) {
    const fs::path out = tempDir() / "plain";
    const auto result =
        test::runCapeq({"audit", (kDatasets / "regulator" / "evidence.csv").string(), "--out", out.string(),
                        "--no-reports", "--interval-draws", "0", "--sensitivity-draws", "0", "--jobs", "2"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const json summary = json::parse(test::readFile(out / "summary.json"));
    EXPECT_TRUE(summary["benchmark"].is_null());
    EXPECT_EQ(summary["counts"]["scored"], 1603); // NATIONAL is then audited as an organisation (x 5)
    for (const json& league : summary["leagues"])
        for (const json& entry : league["entries"])
            for (const json& flag : entry["flags"])
                EXPECT_NE(flag["kind"], "red_red");
    EXPECT_NE(test::readFile(out / "summary.html").find("No benchmark was given (--benchmark-area)"),
              std::string::npos);
    const auto unknown =
        test::runCapeq({"audit", (kDatasets / "regulator" / "evidence.csv").string(), "--out",
                        (tempDir() / "x").string(), "--no-reports", "--benchmark-area", "ENGLAND"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("no evidence for the benchmark area 'ENGLAND'"), std::string::npos)
        << unknown.err;
}

} // namespace
} // namespace capeq
