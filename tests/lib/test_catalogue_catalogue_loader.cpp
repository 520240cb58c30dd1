// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <support/test_support.hpp>

namespace capeq {

namespace fs = std::filesystem;

namespace {

const fs::path kShipped = test::sourceDir() / "indicators";

std::vector<std::string> formatted(const DiagnosticList& diagnostics, Severity severity) {
    std::vector<std::string> text;
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == severity)
            text.push_back(formatDiagnostic(d));
    return text;
}

} // namespace

TEST(ShippedCatalogue, ValidatesWithoutAnyDiagnostic) {
    const DiagnosticList diagnostics = validateCatalogueDirectory(kShipped);
    EXPECT_TRUE(diagnostics.items().empty()) << formatDiagnostic(diagnostics.items().front());
}

TEST(ShippedCatalogue, HasTheTenDomainsAndThreeDimensionsOfTheSpecInOrder) {
    const Catalogue catalogue = loadCatalogue(kShipped);
    const std::vector<std::string> domains{"life",
                                           "health",
                                           "physical_security",
                                           "legal_security",
                                           "education",
                                           "standard_of_living",
                                           "productive_activities",
                                           "family_social_life",
                                           "identity_expression",
                                           "participation_voice"};
    ASSERT_EQ(catalogue.domains().size(), domains.size());
    for (std::size_t i = 0; i < domains.size(); ++i)
        EXPECT_EQ(catalogue.domains()[i].id.str(), domains[i]);
    EXPECT_EQ(catalogue.domains()[2].name, "Physical security");
    ASSERT_EQ(catalogue.dimensions().size(), 3u);
    EXPECT_EQ(catalogue.dimensions()[0].id.str(), "outcome");
    EXPECT_EQ(catalogue.dimensions()[1].id.str(), "treatment");
    EXPECT_EQ(catalogue.dimensions()[2].id.str(), "autonomy");
}

TEST(ShippedCatalogue, CoversEveryCellWithAtLeastTwoIndicatorsAndEightyFourInAll) {
    const Catalogue catalogue = loadCatalogue(kShipped);
    EXPECT_GE(catalogue.indicators().size(), 84u);
    std::map<std::pair<std::string, std::string>, int> cells;
    for (const Indicator& indicator : catalogue.indicators())
        ++cells[{indicator.domain.str(), indicator.dimension.str()}];
    for (const Domain& domain : catalogue.domains())
        for (const Dimension& dimension : catalogue.dimensions())
            EXPECT_GE((cells[{domain.id.str(), dimension.id.str()}]), 2)
                << domain.id.str() << " x " << dimension.id.str();
    EXPECT_EQ(cells.size(), 30u);
}

TEST(ShippedCatalogue, EveryIndicatorHasEveryField) {
    const Catalogue catalogue = loadCatalogue(kShipped);
    int contextIndicators = 0;
    for (const Indicator& i : catalogue.indicators()) {
        SCOPED_TRACE(i.id.str());
        for (const std::string* text : {&i.title, &i.description, &i.plainLanguage, &i.unit, &i.numerator,
                                        &i.denominator, &i.population, &i.source})
            EXPECT_FALSE(text->empty());
        EXPECT_FALSE(i.characteristics.empty());
        EXPECT_GE(i.references.size(), 1u);
        EXPECT_LT(i.goalposts.lo, i.goalposts.hi);
        if (i.measureType == MeasureType::Proportion) {
            EXPECT_EQ(i.multiplier, 100.0); // proportions are stored in percent
            EXPECT_GE(i.goalposts.lo, 0.0);
            EXPECT_LE(i.goalposts.hi, 100.0);
        }
        if (i.measureType == MeasureType::Rate) {
            EXPECT_GE(i.multiplier, 100.0);
        }
        if (i.measureType == MeasureType::Score) {
            EXPECT_FALSE(i.scale.empty());
        }
        if (i.polarity == Polarity::NoJudgement) {
            ++contextIndicators;
            EXPECT_FALSE(i.minimumStandard.has_value());
        }
    }
    EXPECT_GE(contextIndicators, 2);
    const Indicator* lifeExpectancy = catalogue.findIndicator(IndicatorId("life_expectancy_birth"));
    ASSERT_NE(lifeExpectancy, nullptr);
    EXPECT_EQ(lifeExpectancy->goalposts.lo, 70.0);
    EXPECT_EQ(lifeExpectancy->goalposts.hi, 90.0);
    EXPECT_EQ(lifeExpectancy->definedAt.line, 4u);
    const Indicator* stopSearch = catalogue.findIndicator(IndicatorId("stop_search_rate"));
    ASSERT_NE(stopSearch, nullptr);
    EXPECT_EQ(stopSearch->referenceRule, ReferenceRule::Named);
    EXPECT_EQ(stopSearch->referenceGroup, "white");
    EXPECT_EQ(stopSearch->multiplier, 1000.0);
}

TEST(ShippedCatalogue, CharacteristicsFollowTheEqualityActAndOns2021) {
    const Catalogue catalogue = loadCatalogue(kShipped);
    for (const char* id : {"sex", "age", "disability", "ethnicity", "ethnicity_5", "religion",
                           "sexual_orientation", "gender_reassignment", "marriage_civil_partnership",
                           "pregnancy_maternity", "socioeconomic", "imd_quintile", "imd_decile", "area"})
        EXPECT_NE(catalogue.findCharacteristic(CharacteristicId(id)), nullptr) << id;
    const Characteristic* ethnicity = catalogue.findCharacteristic(CharacteristicId("ethnicity"));
    ASSERT_NE(ethnicity, nullptr);
    EXPECT_EQ(ethnicity->groups.size(), 19u);
    EXPECT_FALSE(ethnicity->ordered);
    const Characteristic* imd = catalogue.findCharacteristic(CharacteristicId("imd_quintile"));
    ASSERT_NE(imd, nullptr);
    EXPECT_TRUE(imd->ordered);
    EXPECT_EQ(imd->groups.front().code.str(), "1"); // most deprived first
    EXPECT_EQ(catalogue.findCharacteristic(CharacteristicId("socioeconomic"))->groups.size(), 8u);
    EXPECT_EQ(catalogue.findCharacteristic(CharacteristicId("age"))->groups.size(), 8u);
    EXPECT_TRUE(catalogue.findCharacteristic(CharacteristicId("area"))->openCodeList);
}

TEST(ShippedCatalogue, NineteenEthnicGroupsRollUpToFive) {
    const Catalogue catalogue = loadCatalogue(kShipped);
    const Rollup* rollup = catalogue.findRollup("ethnicity_5");
    ASSERT_NE(rollup, nullptr);
    EXPECT_EQ(rollup->characteristic.str(), "ethnicity");
    EXPECT_EQ(rollup->targetCharacteristic.str(), "ethnicity_5");
    ASSERT_EQ(rollup->mapping.size(), 19u);
    std::map<std::string, int> perTarget;
    for (const auto& [from, to] : rollup->mapping)
        ++perTarget[to.str()];
    // ONS 2021: 5 White, 4 Mixed, 5 Asian, 3 Black, 2 Other categories.
    const std::map<std::string, int> expected{
        {"white", 5}, {"mixed", 4}, {"asian", 5}, {"black", 3}, {"other", 2}};
    EXPECT_EQ(perTarget, expected);
    EXPECT_EQ(rollup->mapping.at(GroupCode("white_roma")).str(), "white");
    EXPECT_EQ(rollup->mapping.at(GroupCode("other_arab")).str(), "other");
    EXPECT_EQ(rollup->mapping.at(GroupCode("mixed_white_asian")).str(), "mixed");
    const Rollup* imd = catalogue.findRollup("imd_quintile");
    ASSERT_NE(imd, nullptr);
    EXPECT_EQ(imd->mapping.size(), 10u);
    EXPECT_EQ(imd->mapping.at(GroupCode("10")).str(), "5");
}

TEST(SecondFramework, Ehrc2017SixDomainsLoadAsData) {
    const fs::path dir = test::testDataDir() / "catalogue" / "ehrc2017";
    const Catalogue catalogue = loadCatalogue(dir);
    ASSERT_EQ(catalogue.domains().size(), 6u);
    EXPECT_EQ(catalogue.domains()[4].id.str(), "justice_security");
    ASSERT_EQ(catalogue.dimensions().size(), 3u);
    EXPECT_EQ(catalogue.dimensions()[0].id.str(), "structure");
    EXPECT_EQ(catalogue.indicators().size(), 7u);
    EXPECT_EQ(catalogue.frameworkName(), "EHRC Measurement Framework for Equality and Human Rights (2017)");
    // Indicators come back in domain order: education first, participation last.
    EXPECT_EQ(catalogue.indicators().front().id.str(), "good_exam_results");
    EXPECT_EQ(catalogue.indicators().back().domain.str(), "participation");
    // 18 cells, 7 indicators in 7 distinct cells: every cell has fewer than 2, so 18 warnings and no error.
    const DiagnosticList diagnostics = validateCatalogueDirectory(dir);
    EXPECT_EQ(diagnostics.errorCount(), 0u);
    EXPECT_EQ(diagnostics.items().size(), 18u);
}

// Each broken file under tests/data/errors/catalogue_<fault>/ is laid over the minimal valid catalogue.
class CatalogueFault : public test::TempDirTest {
protected:
    std::vector<std::string> errorsFor(const std::string& fault) {
        for (const auto& entry : fs::directory_iterator(test::testDataDir() / "catalogue" / "minimal"))
            fs::copy_file(entry.path(), tempDir() / entry.path().filename());
        for (const auto& entry :
             fs::directory_iterator(test::testDataDir() / "errors" / ("catalogue_" + fault)))
            fs::copy_file(entry.path(), tempDir() / entry.path().filename(),
                          fs::copy_options::overwrite_existing);
        m_diagnostics = validateCatalogueDirectory(tempDir());
        return formatted(m_diagnostics, Severity::Error);
    }
    std::string at(const std::string& file) const { return (tempDir() / file).string(); }
    DiagnosticList m_diagnostics;
};

TEST_F(CatalogueFault, MinimalCatalogueIsValid) {
    EXPECT_TRUE(validateCatalogueDirectory(test::testDataDir() / "catalogue" / "minimal").items().empty());
}

TEST_F(CatalogueFault, UnknownDomain) {
    EXPECT_EQ(errorsFor("unknown_domain"),
              std::vector<std::string>{
                  at("health.ini") +
                  ":7:10: error: unknown domain 'helth' [domain] (fix: did you mean 'health'?)"});
}

TEST_F(CatalogueFault, UnknownDimension) {
    EXPECT_EQ(errorsFor("unknown_dimension"),
              std::vector<std::string>{at("health.ini") +
                                       ":8:13: error: unknown dimension 'outcomes' [dimension] "
                                       "(fix: did you mean 'outcome'?)"});
}

TEST_F(CatalogueFault, UnknownCharacteristicPointsAtTheItem) {
    EXPECT_EQ(errorsFor("unknown_characteristic"),
              std::vector<std::string>{at("health.ini") +
                                       ":19:37: error: unknown characteristic 'gender' "
                                       "[characteristics] (fix: use one of: sex, ethnicity, "
                                       "ethnicity_5)"});
}

TEST_F(CatalogueFault, DuplicateIndicatorIdAcrossFiles) {
    EXPECT_EQ(errorsFor("duplicate_indicator_id"),
              std::vector<std::string>{at("later.ini") +
                                       ":1:12: error: duplicate indicator id 'good_health' (first "
                                       "defined at health.ini:3) (fix: give each indicator a "
                                       "unique id)"});
}

TEST_F(CatalogueFault, DuplicateDomainId) {
    EXPECT_EQ(errorsFor("duplicate_domain_id"),
              std::vector<std::string>{at("framework.ini") +
                                       ":13:9: error: duplicate domain id 'health' (first "
                                       "defined at line 4) (fix: give each domain a unique id)"});
}

TEST_F(CatalogueFault, DuplicateGroupCode) {
    EXPECT_EQ(errorsFor("duplicate_group_code"),
              std::vector<std::string>{
                  at("characteristics.ini") +
                  ":5:9: error: duplicate group code 'female' in characteristic 'sex' (first at "
                  "line 4) [group] (fix: give each group of a characteristic a unique code)"});
}

TEST_F(CatalogueFault, GoalpostsReversed) {
    EXPECT_EQ(
        errorsFor("goalposts_reversed"),
        std::vector<std::string>{at("health.ini") +
                                 ":15:13: error: goalposts lo 90 is not below hi 70 [goalposts] (fix: write "
                                 "'goalposts = lo, hi' with lo < hi; polarity says which end is better)"});
}

TEST_F(CatalogueFault, MissingPolarity) {
    EXPECT_EQ(
        errorsFor("missing_polarity"),
        std::vector<std::string>{at("health.ini") +
                                 ":3:12: error: missing required key 'polarity' in [indicator good_health] "
                                 "[polarity] (fix: add 'polarity = higher_is_better' (or lower_is_better, "
                                 "no_judgement))"});
}

TEST_F(CatalogueFault, BadPolarity) {
    EXPECT_EQ(errorsFor("bad_polarity"),
              std::vector<std::string>{at("health.ini") +
                                       ":9:12: error: unknown polarity 'higher' [polarity] (fix: "
                                       "use higher_is_better, lower_is_better or no_judgement)"});
}

TEST_F(CatalogueFault, BadMeasure) {
    EXPECT_EQ(
        errorsFor("bad_measure"),
        std::vector<std::string>{at("health.ini") +
                                 ":10:11: error: unknown measure type 'average' [measure] (fix: use one of: "
                                 "proportion, rate, mean, median, ratio, score)"});
}

TEST_F(CatalogueFault, UnknownKeySuggestsTheClosest) {
    EXPECT_EQ(errorsFor("unknown_key"),
              std::vector<std::string>{at("health.ini") +
                                       ":19:1: error: unknown key 'sourse' in [indicator "
                                       "good_health] [sourse] (fix: did you mean 'source'?)"});
}

TEST_F(CatalogueFault, MalformedLine) {
    EXPECT_EQ(errorsFor("malformed_line"),
              std::vector<std::string>{
                  at("health.ini") + ":4:1: error: line is not a [section] header, a 'key = value' pair or a "
                                     "comment (fix: write 'key = value', or start a comment with '#')"});
}

TEST_F(CatalogueFault, RollupMapsUnknownCode) {
    EXPECT_EQ(errorsFor("rollup_unknown_code"),
              std::vector<std::string>{
                  at("rollups.ini") +
                  ":8:7: error: rollup 'ethnicity_5' maps unknown ethnicity code 'white_welsh' "
                  "[map] (fix: use a group code listed for 'ethnicity' in characteristics.ini)"});
}

TEST_F(CatalogueFault, RollupLeavesCodeUnmapped) {
    EXPECT_EQ(errorsFor("rollup_unmapped"),
              std::vector<std::string>{at("rollups.ini") +
                                       ":1:9: error: rollup 'ethnicity_5' leaves ethnicity code "
                                       "'asian_indian' unmapped [map] (fix: add 'map = "
                                       "asian_indian -> <ethnicity_5 code>')"});
}

TEST_F(CatalogueFault, MinimumStandardOutsideAdmissibleRange) {
    EXPECT_EQ(
        errorsFor("minimum_standard_out_of_range"),
        std::vector<std::string>{at("health.ini") +
                                 ":16:20: error: minimum_standard 140 is outside the admissible range of a "
                                 "proportion (0 to 100) [minimum_standard] (fix: give a floor on the same "
                                 "scale as the values)"});
}

TEST_F(CatalogueFault, RateWithoutMultiplier) {
    EXPECT_EQ(
        errorsFor("rate_without_multiplier"),
        std::vector<std::string>{at("health.ini") +
                                 ":22:12: error: rate indicator 'death_rate' has no multiplier [multiplier] "
                                 "(fix: add 'multiplier = 1000' for a rate per 1,000 (or 100000 per "
                                 "100,000))"});
}

TEST_F(CatalogueFault, NamedReferenceGroupMustBelongToTheIndicatorsCharacteristics) {
    EXPECT_EQ(
        errorsFor("unknown_reference_group"),
        std::vector<std::string>{at("health.ini") +
                                 ":17:13: error: reference group 'black' is not a group of this indicator's "
                                 "characteristics [reference] (fix: name a group code of one of the "
                                 "characteristics listed for the indicator)"});
}

TEST_F(CatalogueFault, ThinCellIsAWarningNotAnError) {
    EXPECT_TRUE(errorsFor("thin_cell").empty());
    EXPECT_EQ(
        formatted(m_diagnostics, Severity::Warning),
        std::vector<std::string>{at("framework.ini") +
                                 ":4:9: warning: cell health x outcome has only 1 indicator; at least 2 are "
                                 "expected (fix: add indicators with domain = health and dimension = "
                                 "outcome)"});
}

TEST_F(CatalogueFault, LoadCatalogueThrowsWithEveryProblem) {
    // Two faults at once: both are reported, the loader does not stop at the first.
    fs::create_directories(tempDir() / "cat");
    for (const auto& entry : fs::directory_iterator(test::testDataDir() / "catalogue" / "minimal"))
        fs::copy_file(entry.path(), tempDir() / "cat" / entry.path().filename());
    std::string text = test::readFile(tempDir() / "cat" / "health.ini");
    text.replace(text.find("domain = health"), 15, "domain = helth");
    text.replace(text.find("goalposts = 0, 20"), 17, "goalposts = 20, 0");
    test::writeFile(tempDir() / "cat" / "health.ini", text);
    try {
        loadCatalogue(tempDir() / "cat");
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        std::vector<std::string> errors;
        for (const Diagnostic& d : error.diagnostics())
            if (d.severity == Severity::Error)
                errors.push_back(d.message);
        EXPECT_EQ(errors,
                  (std::vector<std::string>{"unknown domain 'helth'", "goalposts lo 20 is not below hi 0"}));
    }
}

TEST(CatalogueLoader, MissingDirectoryIsOneError) {
    const DiagnosticList diagnostics = validateCatalogueDirectory("/nonexistent/capeq-catalogue");
    EXPECT_EQ(
        formatted(diagnostics, Severity::Error),
        std::vector<std::string>{"/nonexistent/capeq-catalogue: error: catalogue directory does not exist "
                                 "(fix: pass a directory holding framework.ini, characteristics.ini and "
                                 "indicator files)"});
}

} // namespace capeq
