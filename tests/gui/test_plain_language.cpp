// SPDX-License-Identifier: Apache-2.0
// The sentences an equality officer reads in tooltips and the details pane.
#include <gtest/gtest.h>
#include <gui/models/plain_language.hpp>

namespace capeq::gui {

namespace {

Indicator percentIndicator() {
    Indicator indicator;
    indicator.id = IndicatorId("control_over_daily_life");
    indicator.title = "Control over daily life";
    indicator.plainLanguage = "Whether people who use care feel in control of their day.";
    indicator.unit = "%";
    indicator.goalposts = {50.0, 100.0};
    return indicator;
}

} // namespace

TEST(PlainLanguage, CountsAndCapabilities) {
    EXPECT_EQ(indicatorCountInWords(0), QStringLiteral("no indicators"));
    EXPECT_EQ(indicatorCountInWords(1), QStringLiteral("1 indicator"));
    EXPECT_EQ(indicatorCountInWords(100), QStringLiteral("100 indicators"));
    Domain domain;
    domain.name = "Life";
    domain.capability = "be alive";
    EXPECT_EQ(capabilityInWords(domain), QStringLiteral("The freedom to be alive"));
    domain.capability = "the freedom to be alive";
    EXPECT_EQ(capabilityInWords(domain), QStringLiteral("The freedom to be alive"));
}

TEST(PlainLanguage, PolarityGoalpostsAndMinimumStandardFollowTheDirection) {
    Indicator indicator = percentIndicator();
    EXPECT_EQ(polarityInWords(Polarity::HigherIsBetter), QStringLiteral("Higher values are better"));
    EXPECT_EQ(goalpostsInWords(indicator),
              QStringLiteral("50% or less scores 0 and 100% or more scores 100 on achievement"));
    EXPECT_EQ(minimumStandardInWords(indicator), QStringLiteral("None set"));
    indicator.minimumStandard = 70.0;
    EXPECT_EQ(minimumStandardInWords(indicator), QStringLiteral("Every group should reach at least 70%"));

    indicator.polarity = Polarity::LowerIsBetter;
    indicator.goalposts = {0.0, 25.0};
    indicator.minimumStandard = 8.0;
    EXPECT_EQ(goalpostsInWords(indicator),
              QStringLiteral("25% or more scores 0 and 0% or less scores 100 on achievement"));
    EXPECT_EQ(minimumStandardInWords(indicator), QStringLiteral("No group should be above 8%"));

    indicator.polarity = Polarity::NoJudgement;
    EXPECT_TRUE(goalpostsInWords(indicator).contains(QStringLiteral("not scored")));
}

TEST(PlainLanguage, MeasuresAndUnits) {
    Indicator indicator = percentIndicator();
    EXPECT_EQ(measureInWords(indicator), QStringLiteral("A percentage of people"));
    indicator.measureType = MeasureType::Rate;
    indicator.multiplier = 100000;
    indicator.unit = "";
    EXPECT_EQ(measureInWords(indicator), QStringLiteral("A rate per 100,000 people"));
    indicator.unit = "per 1,000 pupils";
    EXPECT_EQ(measureInWords(indicator), QStringLiteral("A rate, per 1,000 pupils"));
    indicator.measureType = MeasureType::Score;
    indicator.scale = "0-10";
    EXPECT_EQ(measureInWords(indicator), QStringLiteral("A score on a scale of 0-10"));
    EXPECT_EQ(valueWithUnit(81.5, "years"), QStringLiteral("81.5 years"));
    EXPECT_EQ(valueWithUnit(12.5, "%"), QStringLiteral("12.5%"));
    EXPECT_EQ(valueWithUnit(3, ""), QStringLiteral("3"));
}

TEST(PlainLanguage, ReferenceRulesAndTooltip) {
    Indicator indicator = percentIndicator();
    EXPECT_EQ(referenceRuleInWords(indicator), QStringLiteral("The best-off group"));
    indicator.referenceRule = ReferenceRule::Named;
    indicator.referenceGroup = "white_british";
    EXPECT_EQ(referenceRuleInWords(indicator), QString::fromUtf8("The group \u201cwhite_british\u201d"));
    EXPECT_EQ(indicatorToolTip(indicator),
              QStringLiteral(
                  "Whether people who use care feel in control of their day.\nHigher values are better."));
}

TEST(PlainLanguage, DetailsEscapeHtmlAndNameEveryField) {
    Indicator indicator = percentIndicator();
    indicator.title = "Pay <gap> & more";
    indicator.references = {"Smith <2020>"};
    indicator.domain = DomainId("standard_of_living");
    indicator.characteristics = {CharacteristicId("disability")};
    const Catalogue catalogue;
    const QString html = indicatorDetailsHtml(indicator, catalogue);
    EXPECT_TRUE(html.contains(QStringLiteral("Pay &lt;gap&gt; &amp; more")));
    EXPECT_TRUE(html.contains(QStringLiteral("Smith &lt;2020&gt;")));
    EXPECT_FALSE(html.contains(QStringLiteral("<gap>")));
    // Unknown ids fall back to the id itself rather than disappearing.
    EXPECT_TRUE(html.contains(QStringLiteral("standard_of_living")));
    EXPECT_TRUE(html.contains(QStringLiteral("disability")));
    EXPECT_TRUE(html.contains(QStringLiteral("Not stated"))); // e.g. the empty numerator
}

} // namespace capeq::gui
