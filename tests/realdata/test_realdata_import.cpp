// SPDX-License-Identifier: Apache-2.0
// `capeq import` of the real published files with the shipped catalogue and mappings, read back from the
// store. Expected figures were read off the files by hand.
#include <capeq/store/store.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

class RealImport : public test::TempDirTest {
protected:
    void SetUp() override {
        if (!fs::exists(test::realDataDir()))
            GTEST_SKIP() << test::realDataDir().string() << ": ../shared/data/real not found";
        test::TempDirTest::SetUp();
    }

    std::vector<EvidenceRow> importAndLoad(const std::string& name) {
        const fs::path store = tempDir() / "real.sqlite";
        const auto result =
            test::runCapeq({"import", (test::realDataDir() / name).string(), "--db", store.string()});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return Store::open(store).loadEvidence();
    }

    static const EvidenceRow* find(const std::vector<EvidenceRow>& rows, const std::string& area,
                                   const std::string& period, const std::string& characteristic,
                                   const std::string& group) {
        const auto found = std::find_if(rows.begin(), rows.end(), [&](const EvidenceRow& row) {
            return row.area.str() == area && row.period == period &&
                   row.characteristic.str() == characteristic && row.group.str() == group;
        });
        return found == rows.end() ? nullptr : &*found;
    }
};

TEST_F(RealImport, FingertipsCampylobacterImportsWithCountsAndLimits) {
    const std::vector<EvidenceRow> rows = importAndLoad("fingertips_93356_countyua.csv");
    ASSERT_EQ(rows.size(), 516u); // 852 data rows less 336 unmapped (District deciles, 0-9 yrs)
    const EvidenceRow* england = find(rows, "E92000001", "2015", "all", "all");
    ASSERT_NE(england, nullptr);
    EXPECT_EQ(england->indicator.str(), "campylobacter_incidence");
    EXPECT_DOUBLE_EQ(*england->value, 94.7261896202678);
    EXPECT_DOUBLE_EQ(*england->lowerCi, 93.9129396546008);
    EXPECT_DOUBLE_EQ(*england->upperCi, 95.5447303303505);
    EXPECT_DOUBLE_EQ(*england->numerator, 51897);
    EXPECT_DOUBLE_EQ(*england->denominator, 54786327);
    // "Most deprived decile (IMD2015)", 2015: value 69.6234924331395, count 3541, denominator 5085927, no CI.
    const EvidenceRow* decile = find(rows, "E92000001", "2015", "imd_decile", "1");
    ASSERT_NE(decile, nullptr);
    EXPECT_DOUBLE_EQ(*decile->value, 69.6234924331395);
    EXPECT_DOUBLE_EQ(*decile->numerator, 3541);
    EXPECT_DOUBLE_EQ(*decile->denominator, 5085927);
    EXPECT_FALSE(decile->lowerCi.has_value());
}

TEST_F(RealImport, EthnicityFactsVictimsOfCrimeImportsWithSampleSizesAndErrors) {
    const std::vector<EvidenceRow> rows = importAndLoad("eff_victims_of_crime.csv");
    // Line 2: all adults 16+, 2013/14, England and Wales: 17%, n 35371, SE 0.199790931, CI 16.54-17.48329817.
    const EvidenceRow* all = find(rows, "K04000001", "2013/14", "all", "all");
    ASSERT_NE(all, nullptr);
    EXPECT_EQ(all->indicator.str(), "victim_of_crime");
    EXPECT_DOUBLE_EQ(*all->value, 17);
    EXPECT_DOUBLE_EQ(*all->sampleSize, 35371);
    EXPECT_DOUBLE_EQ(*all->standardError, 0.199790931);
    EXPECT_DOUBLE_EQ(*all->lowerCi, 16.54);
    EXPECT_DOUBLE_EQ(*all->upperCi, 17.48329817);
    // Line 3: age 16-24, 2013/14: 25.1%, n 2790, SE 0.820736685.
    const EvidenceRow* young = find(rows, "K04000001", "2013/14", "age", "16-24");
    ASSERT_NE(young, nullptr);
    EXPECT_DOUBLE_EQ(*young->value, 25.1);
    EXPECT_DOUBLE_EQ(*young->sampleSize, 2790);
    EXPECT_DOUBLE_EQ(*young->standardError, 0.820736685);
    // Suppressed cells ("?") are stored without figures, never as 0.
    const auto suppressed = std::count_if(rows.begin(), rows.end(), [](const EvidenceRow& row) {
        return !row.value.has_value() && !row.standardError.has_value();
    });
    EXPECT_GT(suppressed, 0);
}

} // namespace
} // namespace capeq
