// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/codebook.hpp>

#include <gtest/gtest.h>
#include <sstream>

namespace capeq {

namespace {

Catalogue tinyCatalogue() {
    Domain domain{DomainId("health"), "Health", "be healthy", 1, {}};
    Dimension dimension{DimensionId("outcome"), "Outcomes", "What people achieve", 1, {}};
    Characteristic sex;
    sex.id = CharacteristicId("sex");
    sex.name = "Sex";
    sex.codeListVersion = "v1";
    sex.groups = {{GroupCode("female"), "Female", 1}, {GroupCode("male"), "Male", 2}};
    Indicator i;
    i.id = IndicatorId("good_health");
    i.title = "Good health";
    i.description = "Share in \"good\" health, age-standardised";
    i.plainLanguage = "How many are healthy";
    i.domain = domain.id;
    i.dimension = dimension.id;
    i.polarity = Polarity::HigherIsBetter;
    i.measureType = MeasureType::Proportion;
    i.multiplier = 100;
    i.unit = "%";
    i.numerator = "Healthy";
    i.denominator = "Asked";
    i.population = "Adults";
    i.goalposts = {50, 95};
    i.minimumStandard = 60;
    i.referenceRule = ReferenceRule::Named;
    i.referenceGroup = "female";
    i.source = "Survey";
    i.characteristics = {sex.id};
    i.references = {"Ref A", "Ref B"};
    return Catalogue("Tiny", {domain}, {dimension}, {sex}, {}, {i});
}

} // namespace

TEST(Codebook, CsvFieldQuotesOnlyWhenNeeded) {
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
}

TEST(Codebook, CsvHasOneRowPerIndicatorWithEveryField) {
    std::ostringstream out;
    writeCodebookCsv(out, tinyCatalogue());
    EXPECT_EQ(
        out.str(),
        "id,title,description,plain_language,domain,dimension,polarity,measure,multiplier,scale,unit,"
        "numerator,"
        "denominator,population,goalpost_lo,goalpost_hi,minimum_standard,reference,source,characteristics,"
        "references\n"
        "good_health,Good health,\"Share in \"\"good\"\" health, age-standardised\",How many are "
        "healthy,health,"
        "outcome,higher_is_better,proportion,100,,%,Healthy,Asked,Adults,50,95,60,named:female,Survey,sex,"
        "Ref A; Ref B\n");
}

TEST(Codebook, MarkdownListsDomainIndicatorFieldsAndGroups) {
    std::ostringstream out;
    writeCodebookMarkdown(out, tinyCatalogue());
    const std::string md = out.str();
    EXPECT_EQ(md.rfind("# Codebook: Tiny\n\n1 indicator in 1 domain and 1 dimension.", 0), 0u);
    EXPECT_NE(md.find("## Health (`health`)\n\nThe freedom to be healthy.\n"), std::string::npos);
    EXPECT_NE(md.find("### `good_health` Good health\n\nHow many are healthy\n"), std::string::npos);
    EXPECT_NE(md.find("| measure | proportion (multiplier 100) |\n"), std::string::npos);
    EXPECT_NE(md.find("| minimum standard | 60 |\n"), std::string::npos);
    EXPECT_NE(md.find("| reference group | named:female |\n"), std::string::npos);
    EXPECT_NE(md.find("| references | Ref A; Ref B |\n"), std::string::npos);
    EXPECT_NE(md.find("| 2 | `male` | Male |\n"), std::string::npos);
}

} // namespace capeq
