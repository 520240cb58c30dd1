// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue.hpp>
#include <capeq/catalogue/field_reader.hpp>

#include <cmath>
#include <gtest/gtest.h>

namespace capeq {

TEST(CatalogueText, PolarityMeasureAndReferenceRoundTrip) {
    for (const char* text : {"higher_is_better", "lower_is_better", "no_judgement"})
        EXPECT_EQ(toString(*parsePolarity(text)), text);
    for (const char* text : {"proportion", "rate", "mean", "median", "ratio", "score"})
        EXPECT_EQ(toString(*parseMeasureType(text)), text);
    for (const char* text : {"best_group", "whole_population", "largest_group"})
        EXPECT_EQ(toString(*parseReferenceRule(text)), text);
    EXPECT_FALSE(parsePolarity("Higher_is_better"));
    EXPECT_FALSE(parseMeasureType("percent"));
}

TEST(CatalogueText, ParsesScalesWithNegativeBounds) {
    EXPECT_EQ(parseScale("0-10"), std::make_pair(0.0, 10.0));
    EXPECT_EQ(parseScale("-5-5"), std::make_pair(-5.0, 5.0));
    EXPECT_EQ(parseScale("-10--2"), std::make_pair(-10.0, -2.0));
    EXPECT_FALSE(parseScale("10-0"));
    EXPECT_FALSE(parseScale("10"));
    EXPECT_FALSE(parseScale("a-b"));
}

TEST(Indicator, AdmissibleRangeFollowsTheMeasure) {
    Indicator i;
    i.measureType = MeasureType::Proportion;
    i.multiplier = 100;
    EXPECT_EQ(i.admissibleRange(), std::make_pair(0.0, 100.0));
    i.measureType = MeasureType::Rate;
    EXPECT_EQ(i.admissibleRange().first, 0.0);
    EXPECT_TRUE(std::isinf(i.admissibleRange().second));
    i.measureType = MeasureType::Score;
    i.scale = "1-7";
    EXPECT_EQ(i.admissibleRange(), std::make_pair(1.0, 7.0));
    i.measureType = MeasureType::Mean;
    EXPECT_TRUE(std::isinf(i.admissibleRange().first));
}

TEST(Catalogue, FindsSelectsAndSearches) {
    Indicator a;
    a.id = IndicatorId("alpha");
    a.title = "Life expectancy";
    a.domain = DomainId("life");
    a.dimension = DimensionId("outcome");
    Indicator b;
    b.id = IndicatorId("beta");
    b.title = "Dignity";
    b.plainLanguage = "Treated with RESPECT";
    b.domain = DomainId("health");
    b.dimension = DimensionId("treatment");
    const Catalogue catalogue("F", {}, {}, {}, {}, {a, b});
    ASSERT_NE(catalogue.findIndicator(IndicatorId("beta")), nullptr);
    EXPECT_EQ(catalogue.findIndicator(IndicatorId("beta"))->title, "Dignity");
    EXPECT_EQ(catalogue.findIndicator(IndicatorId("gamma")), nullptr);
    EXPECT_EQ(catalogue.select(DomainId("health"), DimensionId()).size(), 1u);
    EXPECT_EQ(catalogue.select(DomainId(), DimensionId()).size(), 2u);
    EXPECT_TRUE(catalogue.select(DomainId("life"), DimensionId("treatment")).empty());
    const auto found = catalogue.search("respect");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->id.str(), "beta");
    EXPECT_EQ(catalogue.search("EXPECT").size(), 1u);
}

TEST(FieldReaderHelpers, SuggestsCloseWordsOnly) {
    EXPECT_EQ(closestMatch("helth", {"life", "health"}), "health");
    EXPECT_EQ(closestMatch("titel", {"title", "unit"}), "title");
    EXPECT_EQ(closestMatch("gender", {"sex", "age"}), "");
    EXPECT_EQ(suggestion("xyz", {"a", "b"}), "use one of: a, b");
    EXPECT_EQ(formatNumber(70.0), "70");
    EXPECT_EQ(formatNumber(0.5), "0.5");
    EXPECT_EQ(parseNumber(" 12.5 "), 12.5);
    EXPECT_FALSE(parseNumber("12,5"));
    EXPECT_FALSE(parseNumber("inf"));
}

} // namespace capeq
