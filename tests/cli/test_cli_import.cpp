// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `capeq import` on the real binary, the shipped catalogue and files in tests/data/store.
#include <capeq/core/sha256.hpp>
#include <capeq/store/sqlite.hpp>
#include <capeq/store/store.hpp>

#include <gtest/gtest.h>
#include <string>
#include <support/test_support.hpp>
#include <vector>

namespace capeq {
namespace {

namespace fs = std::filesystem;

std::string dataFile(const std::string& name) {
    return (test::testDataDir() / "store" / name).string();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::string> filesIn(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory))
        names.push_back(entry.path().filename().string());
    return names;
}

class CliImport : public test::TempDirTest {
protected:
    test::CommandResult import(const std::string& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> arguments = {"import", dataFile(file), "--db", db().string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return test::runCapeq(arguments);
    }
    fs::path db() const { return tempDir() / "council.db"; }
};

TEST_F(CliImport, NewStoreHoldsEveryRowAsWritten) {
    const test::CommandResult result = import("council_2023.csv");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const std::string csv = dataFile("council_2023.csv");
    EXPECT_TRUE(
        contains(result.out, "imported: 6 estimates from " + csv + " as import #1 (6 new, 0 replaced)\n"));
    EXPECT_TRUE(contains(result.out, "format: capeq-long, encoding: utf-8\n"));
    EXPECT_TRUE(contains(result.out, "sha256: " + sha256Hex(test::readFile(csv)) + "\n"));
    EXPECT_TRUE(contains(result.out, "store: " + db().string() + " (schema version 2)\n"));
    EXPECT_TRUE(
        contains(result.out, "  estimates: 6 from 1 imports\n  services: 1\n  areas: 1\n  periods: 1\n"));
    EXPECT_TRUE(contains(result.out, "  indicators: 2 of "));
    // good_general_health (outcome) and inpatient_dignity_respect (treatment) are both health indicators.
    EXPECT_TRUE(contains(result.out, "  domains covered: 1 of 10 (2 of 30 domain x dimension cells)\n"));
    EXPECT_TRUE(contains(result.out, "2 of 3 dimensions\n"));
    EXPECT_TRUE(contains(result.out, "  characteristics: disability, sex\n"));
    EXPECT_TRUE(contains(result.out, "unmapped: none\n"));
    EXPECT_EQ(filesIn(tempDir()), std::vector<std::string>{"council.db"}); // no staging file left behind

    Store store = Store::open(db());
    const std::vector<EvidenceRow> rows = store.loadEvidence();
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows[0].indicator.str(), "good_general_health");
    EXPECT_EQ(rows[0].area.str(), "E10000001");
    EXPECT_EQ(rows[0].service.str(), "adult_social_care");
    EXPECT_EQ(rows[0].period, "2023/24");
    EXPECT_TRUE(rows[0].isWholePopulation());
    EXPECT_EQ(rows[0].value, std::optional<double>(72.5));
    EXPECT_EQ(rows[0].standardError, std::optional<double>(1.2));
    EXPECT_EQ(rows[0].lowerCi, std::nullopt);
    EXPECT_EQ(rows[0].note, "whole population");
    EXPECT_EQ(rows[0].location.line, 2U);
    EXPECT_EQ(rows[1].group.str(), "female");
    EXPECT_EQ(rows[1].populationShare, std::optional<double>(0.51));
    EXPECT_EQ(rows[3].lowerCi, std::optional<double>(78));
    EXPECT_EQ(rows[3].upperCi, std::optional<double>(84));
    EXPECT_EQ(rows[4].numerator, std::optional<double>(150));
    EXPECT_EQ(rows[4].denominator, std::optional<double>(200));
    EXPECT_EQ(rows[5].note, "O'Brien; said \"fine\"");
    EXPECT_EQ(rows[5].location.line, 7U);
    ASSERT_EQ(store.imports().size(), 1U);
    EXPECT_EQ(store.imports()[0].sha256, sha256Hex(test::readFile(csv)));
}

TEST_F(CliImport, SecondFileAddsToTheStore) {
    ASSERT_EQ(import("council_2023.csv").exitCode, 0);
    const test::CommandResult result = import("council_2024.csv");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "as import #2 (4 new, 0 replaced)\n"));
    EXPECT_TRUE(
        contains(result.out, "  estimates: 10 from 2 imports\n  services: 2\n  areas: 1\n  periods: 2\n"));
    Store store = Store::open(db());
    EXPECT_EQ(store.loadEvidence({ServiceId("libraries"), {}, {}, {}}).size(), 1U);
    EXPECT_EQ(store.loadEvidence({{}, "2024/25", {}, {}}).size(), 4U);
}

TEST_F(CliImport, InvalidFileLeavesAnExistingStoreByteForByteUnchanged) {
    ASSERT_EQ(import("council_2023.csv").exitCode, 0);
    const std::string before = sha256FileHex(db());
    const test::CommandResult result = import("ci_excludes_value.csv");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_TRUE(contains(result.err, dataFile("ci_excludes_value.csv") + ":2:"));
    EXPECT_TRUE(contains(result.err, "capeq import: 1 problem; nothing imported, " + db().string() +
                                         " was not changed\n"));
    EXPECT_EQ(sha256FileHex(db()), before);
    EXPECT_EQ(filesIn(tempDir()), std::vector<std::string>{"council.db"});
}

TEST_F(CliImport, InvalidFileDoesNotCreateAStore) {
    const test::CommandResult result = import("ci_excludes_value.csv");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, "nothing imported, " + db().string() + " was not created\n"));
    EXPECT_TRUE(filesIn(tempDir()).empty());
}

TEST_F(CliImport, ReimportingTheSameFileIsRefusedAndChangesNothing) {
    ASSERT_EQ(import("council_2023.csv").exitCode, 0);
    const std::string before = sha256FileHex(db());
    const test::CommandResult result = import("council_2023.csv");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, dataFile("council_2023.csv") + ": error: this file was already imported "
                                                                    "(import #1, "));
    EXPECT_TRUE(
        contains(result.err, dataFile("council_2023.csv") +
                                 ":7: error: an estimate for indicator 'inpatient_dignity_respect', area "
                                 "'E10000001', service 'adult_social_care', period '2023/24', "
                                 "disability = not_disabled is already in the store (import #1 of "));
    EXPECT_TRUE(
        contains(result.err, "capeq import: nothing imported, " + db().string() + " was not changed\n"));
    EXPECT_EQ(sha256FileHex(db()), before);
}

TEST_F(CliImport, ReplaceOverwritesTheStoredEstimate) {
    ASSERT_EQ(import("council_2023.csv").exitCode, 0);
    EXPECT_EQ(import("council_2023_revised.csv").exitCode, 2); // refused without --replace
    const test::CommandResult result = import("council_2023_revised.csv", {"--replace"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "as import #2 (0 new, 1 replaced)\n"));
    EXPECT_TRUE(contains(result.out, "  estimates: 6 from 2 imports\n"));
    Store store = Store::open(db());
    const auto rows = store.loadEvidence({{}, {}, IndicatorId("good_general_health"), {}});
    ASSERT_EQ(rows.size(), 3U);
    const EvidenceRow& revised = rows.back(); // the replacement was inserted last
    EXPECT_TRUE(revised.isWholePopulation());
    EXPECT_EQ(revised.value, std::optional<double>(72.8));
    EXPECT_EQ(revised.note, "revised");
}

TEST_F(CliImport, InjectionLookingTextIsStoredVerbatim) {
    const test::CommandResult result = import("hostile_text.csv");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    Store store = Store::open(db());
    const auto rows = store.loadEvidence({ServiceId("x'); DROP TABLE estimates;--"), {}, {}, {}});
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].note, "'; DELETE FROM imports; -- \"quoted\"");
    EXPECT_EQ(store.imports().size(), 1U);
}

TEST_F(CliImport, StoreFromANewerCapEqIsRefusedAndLeftUnchanged) {
    {
        sqlite::Connection future(db());
        future.exec("CREATE TABLE t (x); PRAGMA user_version = 99;");
    }
    const std::string before = test::readFile(db());
    const test::CommandResult result = import("council_2023.csv");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              db().string() + ": error: this store has schema version 99, newer than the 2 this CapEq " +
                  CAPEQ_VERSION +
                  " can read (fix: open it with the newer CapEq that wrote it; this store was not "
                  "changed)\ncapeq import: nothing imported, " +
                  db().string() + " was not changed\n");
    EXPECT_EQ(test::readFile(db()), before);
}

TEST_F(CliImport, VersionOneStoreIsMigratedOnImport) {
    {
        sqlite::Connection old(db());
        old.exec(test::readFile(test::testDataDir() / "store" / "store_v1.sql"));
    }
    const test::CommandResult result = import("council_2023.csv");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(
        contains(result.out, "store: " + db().string() + " (schema version 2, migrated from version 1)\n"));
    EXPECT_TRUE(contains(result.out, "  estimates: 8 from 2 imports\n"));
}

TEST_F(CliImport, MissingDbOptionIsAUsageError) {
    const test::CommandResult result = test::runCapeq({"import", dataFile("council_2023.csv")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, "--db"));
}

} // namespace
} // namespace capeq
