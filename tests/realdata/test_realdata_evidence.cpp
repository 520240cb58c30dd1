// SPDX-License-Identifier: Apache-2.0
// Reading the real published files in ../shared/data/real; expected figures were read off the files by hand.
#include "../lib/test_evidence_catalogue.hpp"

#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/io/csv_reader.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {

namespace {

namespace fs = std::filesystem;

class RealEvidence : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(test::realDataDir()))
            GTEST_SKIP() << test::realDataDir().string() << ": ../shared/data/real not found";
    }

    EvidenceSet read(const std::string& name) const {
        ReadOptions options;
        options.mappingDirectory = test::sourceDir() / "indicators" / "mappings";
        return readEvidenceFile(test::realDataDir() / name, m_catalogue, options);
    }

    const EvidenceRow& rowAt(const EvidenceSet& set, std::size_t line) const {
        const auto found = std::find_if(set.rows.begin(), set.rows.end(),
                                        [line](const EvidenceRow& row) { return row.location.line == line; });
        if (found == set.rows.end())
            throw std::runtime_error("no row read from line " + std::to_string(line));
        return *found;
    }

    const UnmappedItem* unmapped(const EvidenceSet& set, const std::string& value) const {
        for (const UnmappedItem& item : set.unmapped)
            if (item.value == value)
                return &item;
        return nullptr;
    }

    Catalogue m_catalogue = test::evidenceTestCatalogue();
};

} // namespace

TEST_F(RealEvidence, FingertipsCountsAndShortRowDecision) {
    const EvidenceSet set = read("fingertips_93356_countyua.csv");
    EXPECT_EQ(set.format, "fingertips");
    EXPECT_EQ(set.encoding, "utf-8");
    // 852 data rows: 30 District & UA decile rows and 306 "0-9 yrs" rows are listed as unmapped.
    EXPECT_EQ(set.rows.size(), 852u - 30u - 306u);
    const UnmappedItem* district = unmapped(set, "District & UA deprivation deciles in England (IMD2015)");
    ASSERT_NE(district, nullptr);
    EXPECT_EQ(district->rowCount, 30u);
    const UnmappedItem* children = unmapped(set, "age: 0-9 yrs");
    ASSERT_NE(children, nullptr);
    EXPECT_EQ(children->rowCount, 306u);
    ASSERT_EQ(set.warnings.size(), 1u); // the 25-of-26 fields quirk is reported once
    EXPECT_EQ(set.warnings[0].where.line, 2u);
    EXPECT_EQ(set.indicatorHints.at(IndicatorId{"campylobacter_incidence"}).name,
              "Campylobacter incidence rate/100,000");
    EXPECT_EQ(std::count_if(set.rows.begin(), set.rows.end(),
                            [](const EvidenceRow& row) { return row.characteristic.str() == "imd_decile"; }),
              30);
    EXPECT_FALSE(validateEvidence(set, m_catalogue).hasErrors());
}

TEST_F(RealEvidence, FingertipsEngland2015AndDecileRows) {
    const EvidenceSet set = read("fingertips_93356_countyua.csv");
    const EvidenceRow& england = rowAt(set, 2); // its quoted name spans lines 2 and 3
    EXPECT_EQ(england.area.str(), "E92000001");
    EXPECT_EQ(england.period, "2015");
    EXPECT_TRUE(england.isWholePopulation());
    EXPECT_DOUBLE_EQ(*england.value, 94.7261896202678);
    EXPECT_DOUBLE_EQ(*england.lowerCi, 93.9129396546008);
    EXPECT_DOUBLE_EQ(*england.upperCi, 95.5447303303505);
    EXPECT_DOUBLE_EQ(*england.numerator, 51897.0);
    EXPECT_DOUBLE_EQ(*england.denominator, 54786327.0);
    EXPECT_FALSE(england.lowerCi998.has_value());

    const EvidenceRow& mostDeprived = rowAt(set, 4);
    EXPECT_EQ(mostDeprived.characteristic.str(), "imd_decile");
    EXPECT_EQ(mostDeprived.group.str(), "1");
    EXPECT_DOUBLE_EQ(*mostDeprived.value, 69.6234924331395);
    EXPECT_DOUBLE_EQ(*mostDeprived.numerator, 3541.0);
    EXPECT_DOUBLE_EQ(*mostDeprived.denominator, 5085927.0);
    EXPECT_FALSE(mostDeprived.lowerCi.has_value());
    EXPECT_EQ(mostDeprived.note, "Aggregated from all known lower geography values");

    const EvidenceRow& worcestershire = set.rows.back();
    EXPECT_EQ(worcestershire.area.str(), "E10000034");
    EXPECT_EQ(worcestershire.period, "2017");
    EXPECT_DOUBLE_EQ(*worcestershire.value, 128.1187130501);
    EXPECT_DOUBLE_EQ(*worcestershire.lowerCi, 119.094659706148);
    EXPECT_DOUBLE_EQ(*worcestershire.upperCi, 137.645287929514);
    EXPECT_DOUBLE_EQ(*worcestershire.numerator, 747.0);
}

TEST_F(RealEvidence, EthnicityFactsWindows1252RowsAndGroups) {
    const EvidenceSet set = read("eff_victims_of_crime.csv");
    EXPECT_EQ(set.format, "ethnicity-facts");
    EXPECT_EQ(set.encoding, "windows-1252");
    // 1,183 rows less 84 socio-economic, 63 household income and 212 "White & Other" rows (listed).
    EXPECT_EQ(set.rows.size(), 824u);
    ASSERT_EQ(set.unmapped.size(), 3u);
    EXPECT_EQ(unmapped(set, "socio-economic classification")->rowCount, 84u);
    EXPECT_EQ(unmapped(set, "household income")->rowCount, 63u);
    EXPECT_EQ(unmapped(set, "white & other")->rowCount, 212u);
    for (const char* column : {"Sample size", "Standard Error", "Lower CI", "Upper CI"})
        EXPECT_NE(std::find(set.columnsUsed.begin(), set.columnsUsed.end(), column), set.columnsUsed.end())
            << column;
    EXPECT_EQ(set.fieldSources.at("sample_size").header, "Sample size");

    const EvidenceRow& all = rowAt(set, 2);
    EXPECT_TRUE(all.isWholePopulation());
    EXPECT_EQ(all.indicator.str(), "victim_of_crime");
    EXPECT_EQ(all.area.str(), "K04000001");
    EXPECT_EQ(all.period, "2013/14");
    EXPECT_DOUBLE_EQ(*all.value, 17.0);
    EXPECT_DOUBLE_EQ(*all.sampleSize, 35371.0);
    EXPECT_DOUBLE_EQ(*all.standardError, 0.199790931);
    EXPECT_DOUBLE_EQ(*all.lowerCi, 16.54);
    EXPECT_DOUBLE_EQ(*all.upperCi, 17.48329817);

    const EvidenceRow& young = rowAt(set, 3);
    EXPECT_EQ(young.characteristic.str(), "age");
    EXPECT_EQ(young.group.str(), "16-24");
    EXPECT_DOUBLE_EQ(*young.value, 25.1);
    EXPECT_DOUBLE_EQ(*young.sampleSize, 2790.0);
    EXPECT_DOUBLE_EQ(*young.standardError, 0.820736685);

    const EvidenceRow& youngWhite = rowAt(set, 465);
    EXPECT_EQ(youngWhite.characteristic.str(), "age*ethnicity_5");
    EXPECT_EQ(youngWhite.group.str(), "16-24*white");
    EXPECT_DOUBLE_EQ(*youngWhite.value, 21.7);

    const EvidenceRow& whiteMen = rowAt(set, 500); // Gender is "Male " with a trailing space
    EXPECT_EQ(whiteMen.characteristic.str(), "sex*ethnicity_5");
    EXPECT_EQ(whiteMen.group.str(), "male*white");
    EXPECT_DOUBLE_EQ(*whiteMen.value, 15.2);
    EXPECT_DOUBLE_EQ(*whiteMen.sampleSize, 42755.0);
    EXPECT_DOUBLE_EQ(*whiteMen.upperCi, 15.52790499);

    EXPECT_DOUBLE_EQ(*rowAt(set, 1184).sampleSize, 29919.0); // written "29,919"
}

TEST_F(RealEvidence, EthnicityFactsSuppressedCellsAreAbsentWithANote) {
    const EvidenceSet set = read("eff_victims_of_crime.csv");
    const EvidenceRow& durhamMixed = rowAt(set, 150);
    EXPECT_EQ(durhamMixed.area.str(), "E23000008");
    EXPECT_EQ(durhamMixed.characteristic.str(), "ethnicity_5");
    EXPECT_EQ(durhamMixed.group.str(), "mixed");
    EXPECT_FALSE(durhamMixed.value.has_value());
    EXPECT_FALSE(durhamMixed.standardError.has_value());
    EXPECT_DOUBLE_EQ(*durhamMixed.sampleSize, 7.0);
    EXPECT_EQ(durhamMixed.note,
              "not published in the source ('?'): value, standard_error, lower_ci, upper_ci");
    // 312 "?" values in the file, 290 of them in rows that are mapped.
    EXPECT_EQ(
        std::count_if(set.rows.begin(), set.rows.end(), [](const EvidenceRow& row) { return !row.value; }),
        290);
    const DiagnosticList problems = validateEvidence(set, m_catalogue);
    EXPECT_FALSE(problems.hasErrors());
}

TEST_F(RealEvidence, PoundSignDecodedFromWindows1252) {
    CsvReader reader(test::realDataDir() / "eff_victims_of_crime.csv");
    while (reader.next() && reader.line() < 18) {
    }
    EXPECT_EQ(reader.line(), 18u);
    EXPECT_EQ(reader[11], "Less than \xC2\xA3"
                          "10,000");
    EXPECT_EQ(reader.encoding(), TextEncoding::Windows1252);
}

} // namespace capeq
