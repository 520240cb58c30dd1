// SPDX-License-Identifier: Apache-2.0
#include "test_evidence_catalogue.hpp"

#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/evidence/source_mapping.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {

namespace {

ReadOptions shippedMappings() {
    ReadOptions options;
    options.mappingDirectory = test::sourceDir() / "indicators" / "mappings";
    return options;
}

} // namespace

TEST(LongFormat, ReadsEveryColumnAndAllowsIgnoredColumns) {
    const Catalogue catalogue = test::evidenceTestCatalogue();
    const auto file = test::testDataDir() / "evidence" / "long_valid.csv";
    EXPECT_THROW(readEvidenceFile(file, catalogue), InputError); // 'comment' is not a CapEq column
    ReadOptions options;
    options.ignoreColumns = {"comment"};
    const EvidenceSet set = readEvidenceFile(file, catalogue, options);
    EXPECT_EQ(set.format, "capeq-long");
    ASSERT_EQ(set.rows.size(), 3u);
    const EvidenceRow& row = set.rows[2];
    EXPECT_EQ(row.location.line, 4u);
    EXPECT_EQ(row.indicator.str(), "employment_rate");
    EXPECT_EQ(row.service.str(), "adult_social_care");
    EXPECT_EQ(row.characteristic.str(), "sex*ethnicity_5");
    EXPECT_EQ(row.group.str(), "female*black");
    EXPECT_DOUBLE_EQ(*row.value, 61.0);
    EXPECT_DOUBLE_EQ(*row.standardError, 4.9);
    EXPECT_DOUBLE_EQ(*row.populationShare, 0.05);
    EXPECT_DOUBLE_EQ(*row.sampleSize, 100.0);
    EXPECT_EQ(row.note, "small base");
    EXPECT_EQ(set.fieldSources.at("value").number, 7u);
    EXPECT_FALSE(validateEvidence(set, catalogue).hasErrors());
}

TEST(HeatPlus, MapsDimensionsKeepsHintsAndSynthesisesTheSettingAverage) {
    const Catalogue catalogue = test::evidenceTestCatalogue();
    const EvidenceSet set = readEvidenceFile(test::testDataDir() / "evidence" / "heat_plus_valid.csv",
                                             catalogue, shippedMappings());
    EXPECT_EQ(set.format, "heat-plus");
    // Female, Male, 16-24 and the whole-population row from setting_average; "Place of residence" is
    // unmapped.
    ASSERT_EQ(set.rows.size(), 4u);
    const EvidenceRow& male = set.rows[1];
    EXPECT_EQ(male.area.str(), "Kent");
    EXPECT_EQ(male.period, "2023");
    EXPECT_EQ(male.characteristic.str(), "sex");
    EXPECT_EQ(male.group.str(), "male");
    EXPECT_TRUE(male.isReference);
    EXPECT_DOUBLE_EQ(*male.population, 580000.0);
    const EvidenceRow& young = set.rows[2];
    EXPECT_EQ(young.group.str(), "16-24");
    EXPECT_EQ(young.subgroupOrder, 1);
    const EvidenceRow& all = set.rows[3];
    EXPECT_TRUE(all.isWholePopulation());
    EXPECT_DOUBLE_EQ(*all.value, 70.0);
    EXPECT_EQ(all.location.line, 2u);
    const IndicatorHints& hints = set.indicatorHints.at(IndicatorId{"employment_rate"});
    EXPECT_EQ(hints.name, "Employment rate");
    EXPECT_EQ(hints.polarity, Polarity::HigherIsBetter);
    EXPECT_EQ(hints.scale, 100.0);
    EXPECT_TRUE(set.characteristicOrdered.at(CharacteristicId{"age"}));
    EXPECT_FALSE(set.characteristicOrdered.at(CharacteristicId{"sex"}));
    ASSERT_EQ(set.unmapped.size(), 1u);
    EXPECT_EQ(set.unmapped[0].kind, "characteristic");
    EXPECT_EQ(set.unmapped[0].value, "Place of residence");
    EXPECT_EQ(set.unmapped[0].firstSeen.line, 5u);
    EXPECT_FALSE(validateEvidence(set, catalogue).hasErrors());
}

TEST(SourceMapping, MatchesLabelsIgnoringCaseAndSpaces) {
    const SourceMapping mapping = SourceMapping::parse("[indicators]\n93356 = campylobacter_incidence\n"
                                                       "[breakdowns]\nONS 2011 5 + 1 = ethnicity_5\n"
                                                       "[groups sex]\n# comment\nMale = male\n",
                                                       "m.ini");
    EXPECT_EQ(mapping.indicator("93356"), "campylobacter_incidence");
    EXPECT_EQ(mapping.breakdown("ONS 2011  5 + 1"), "ethnicity_5");
    EXPECT_EQ(mapping.group("sex", "MALE "), "male");
    EXPECT_FALSE(mapping.group("sex", "Persons").has_value());
}

TEST(SourceMapping, ReportsMalformedLinesWithFileAndLine) {
    try {
        SourceMapping::parse("[groups sex]\nMale = male\nmale = m\n[colours]\n", "m.ini");
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 2u);
        EXPECT_EQ(
            formatDiagnostic(error.diagnostics()[0]),
            "m.ini:3:1: error: label 'male' is already mapped on line 2 (fix: keep one mapping per label in "
            "a section)");
        EXPECT_EQ(
            formatDiagnostic(error.diagnostics()[1]),
            "m.ini:4:1: error: unknown section [colours] (fix: use [indicators], [breakdowns] or [groups "
            "<characteristic id>])");
    }
}

TEST(Validator, SuppressedValuesAndExactRepeatsAreNotErrors) {
    const Catalogue catalogue = test::evidenceTestCatalogue();
    EvidenceSet set;
    set.format = "ethnicity-facts";
    EvidenceRow all;
    all.indicator = IndicatorId{"victim_of_crime"};
    all.area = AreaCode{"K04000001"};
    all.period = "2019/20";
    all.characteristic = kAllCharacteristic;
    all.group = kAllGroup;
    all.value = 13.0;
    all.location = {"f.csv", 2, 0, {}};
    EvidenceRow withheld = all;
    withheld.characteristic = CharacteristicId{"ethnicity_5"};
    withheld.group = GroupCode{"mixed"};
    withheld.value.reset();
    withheld.location.line = 3;
    EvidenceRow repeat = withheld;
    repeat.location.line = 4;
    set.rows = {all, withheld, repeat};
    const DiagnosticList problems = validateEvidence(set, catalogue);
    EXPECT_FALSE(problems.hasErrors());
    ASSERT_EQ(problems.items().size(), 1u);
    EXPECT_EQ(formatDiagnostic(problems.items()[0]),
              "f.csv:4: warning: row repeats line 3 with the same figures (the source lists it twice, e.g. "
              "under two "
              "names) [group] (fix: keep one of the two rows; an import keeps the first)");
}

} // namespace capeq
