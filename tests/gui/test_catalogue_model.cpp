// SPDX-License-Identifier: Apache-2.0
// The catalogue tree and its search, without any widget.
#include <gtest/gtest.h>
#include <gui/models/catalogue_filter_model.hpp>
#include <gui/models/catalogue_model.hpp>

namespace capeq::gui {

namespace {

Indicator makeIndicator(const std::string& id, const std::string& title, const std::string& domain,
                        const std::string& dimension, const std::string& plain) {
    Indicator indicator;
    indicator.id = IndicatorId(id);
    indicator.title = title;
    indicator.description = "Technical definition of " + title;
    indicator.plainLanguage = plain;
    indicator.domain = DomainId(domain);
    indicator.dimension = DimensionId(dimension);
    indicator.unit = "%";
    indicator.multiplier = 100.0;
    indicator.goalposts = {0.0, 100.0};
    return indicator;
}

// Two domains listed out of display order, three dimensions, five indicators:
// health: outcome 2, treatment 1, autonomy 0; education: outcome 0, treatment 0, autonomy 2.
Catalogue smallCatalogue() {
    std::vector<Domain> domains = {
        {DomainId("education"), "Education and learning", "be knowledgeable", 2, {}},
        {DomainId("health"), "Health", "the freedom to be healthy", 1, {}}};
    std::vector<Dimension> dimensions = {
        {DimensionId("outcome"), "Outcomes", "what people achieve", 1, {}},
        {DimensionId("treatment"), "Treatment", "how people are treated", 2, {}},
        {DimensionId("autonomy"), "Autonomy", "choice and control", 3, {}}};
    std::vector<Indicator> indicators = {
        makeIndicator("good_health", "Self-reported good health", "health", "outcome", "Says health is good"),
        makeIndicator("long_illness", "Limiting long-term illness", "health", "outcome",
                      "Has a long illness"),
        makeIndicator("dignity_care", "Treated with dignity in care", "health", "treatment",
                      "Staff treat you with dignity and respect"),
        makeIndicator("pupil_voice", "Pupil voice", "education", "autonomy", "Pupils have a say in school"),
        makeIndicator("subject_choice", "Choice of subjects", "education", "autonomy",
                      "Can choose the subjects they study"),
    };
    indicators[2].polarity = Polarity::HigherIsBetter;
    indicators[1].polarity = Polarity::LowerIsBetter;
    return Catalogue("Test framework", std::move(domains), std::move(dimensions), {}, {},
                     std::move(indicators));
}

int kindOf(const QModelIndex& index) {
    return index.data(CatalogueModel::KindRole).toInt();
}

} // namespace

TEST(CatalogueModel, BuildsDomainDimensionIndicatorTreeInDisplayOrder) {
    CatalogueModel model;
    model.setCatalogue(smallCatalogue());
    ASSERT_EQ(model.rowCount(), 2);
    const QModelIndex health = model.index(0, 0);
    const QModelIndex education = model.index(1, 0);
    EXPECT_EQ(health.data(CatalogueModel::IdRole).toString(), QStringLiteral("health"));
    EXPECT_EQ(education.data(CatalogueModel::IdRole).toString(), QStringLiteral("education"));
    EXPECT_EQ(model.columnCount(), 1);

    // Every domain lists all three dimensions, empty ones included.
    ASSERT_EQ(model.rowCount(health), 3);
    ASSERT_EQ(model.rowCount(education), 3);
    const int expected[2][3] = {{2, 1, 0}, {0, 0, 2}};
    for (int d = 0; d < 2; ++d) {
        const QModelIndex domain = model.index(d, 0);
        for (int m = 0; m < 3; ++m) {
            const QModelIndex dimension = model.index(m, 0, domain);
            EXPECT_EQ(model.rowCount(dimension), expected[d][m]) << d << " " << m;
            EXPECT_EQ(dimension.data(CatalogueModel::IndicatorCountRole).toInt(), expected[d][m]);
            EXPECT_EQ(model.parent(dimension), domain);
        }
    }
    EXPECT_EQ(health.data(CatalogueModel::IndicatorCountRole).toInt(), 3);
    EXPECT_EQ(model.index(0, 0, model.index(0, 0, health)).data(CatalogueModel::IdRole).toString(),
              QStringLiteral("good_health"));
    EXPECT_FALSE(model.index(3, 0, health).isValid());
    EXPECT_FALSE(model.index(0, 1).isValid());
}

TEST(CatalogueModel, DataRolesGivePlainLanguage) {
    CatalogueModel model;
    model.setCatalogue(smallCatalogue());
    const QModelIndex health = model.index(0, 0);
    EXPECT_EQ(kindOf(health), static_cast<int>(CatalogueModel::NodeKind::Domain));
    EXPECT_EQ(health.data().toString(), QStringLiteral("Health (3 indicators)"));
    EXPECT_EQ(health.data(Qt::ToolTipRole).toString(), QStringLiteral("The freedom to be healthy"));
    EXPECT_EQ(model.index(1, 0).data(Qt::ToolTipRole).toString(),
              QStringLiteral("The freedom to be knowledgeable"));

    const QModelIndex treatment = model.index(1, 0, health);
    EXPECT_EQ(kindOf(treatment), static_cast<int>(CatalogueModel::NodeKind::Dimension));
    EXPECT_EQ(treatment.data().toString(), QStringLiteral("Treatment (1 indicator)"));
    EXPECT_EQ(model.index(2, 0, health).data().toString(), QStringLiteral("Autonomy (no indicators)"));
    EXPECT_EQ(treatment.data(Qt::ToolTipRole).toString(), QStringLiteral("how people are treated"));

    const QModelIndex dignity = model.index(0, 0, treatment);
    EXPECT_EQ(kindOf(dignity), static_cast<int>(CatalogueModel::NodeKind::Indicator));
    EXPECT_EQ(dignity.data().toString(), QStringLiteral("Treated with dignity in care"));
    EXPECT_EQ(dignity.data(CatalogueModel::IdRole).toString(), QStringLiteral("dignity_care"));
    EXPECT_EQ(dignity.data(Qt::ToolTipRole).toString(),
              QStringLiteral("Staff treat you with dignity and respect\nHigher values are better."));
    EXPECT_EQ(model.rowCount(dignity), 0);
    ASSERT_NE(model.indicatorAt(dignity), nullptr);
    EXPECT_EQ(model.indicatorAt(dignity)->id.str(), "dignity_care");
    EXPECT_EQ(model.indicatorAt(treatment), nullptr);
    EXPECT_EQ(model.indexOfIndicator(QStringLiteral("dignity_care")), dignity);
    EXPECT_FALSE(model.indexOfIndicator(QStringLiteral("no_such_indicator")).isValid());

    const QModelIndex illness = model.indexOfIndicator(QStringLiteral("long_illness"));
    EXPECT_TRUE(
        illness.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("Lower values are better.")));
    EXPECT_TRUE(model.roleNames().contains(CatalogueModel::IdRole));
}

TEST(CatalogueModel, ResetReplacesTheTree) {
    CatalogueModel model;
    EXPECT_EQ(model.rowCount(), 0);
    model.setCatalogue(smallCatalogue());
    EXPECT_EQ(model.rowCount(), 2);
    model.setCatalogue(Catalogue{});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(CatalogueFilterModel, KeepsMatchingIndicatorsAndTheirAncestorsOnly) {
    CatalogueModel model;
    model.setCatalogue(smallCatalogue());
    CatalogueFilterModel filter;
    filter.setSourceModel(&model);
    EXPECT_EQ(filter.matchingIndicatorCount(), 5);
    EXPECT_EQ(filter.rowCount(), 2);

    filter.setSearchText(QStringLiteral("  DIGNITY "));
    EXPECT_EQ(filter.searchText(), QStringLiteral("DIGNITY"));
    EXPECT_EQ(filter.matchingIndicatorCount(), 1);
    ASSERT_EQ(filter.rowCount(), 1);
    const QModelIndex domain = filter.index(0, 0);
    EXPECT_EQ(domain.data(CatalogueModel::IdRole).toString(), QStringLiteral("health"));
    ASSERT_EQ(filter.rowCount(domain), 1); // empty dimensions are hidden while searching
    const QModelIndex dimension = filter.index(0, 0, domain);
    EXPECT_EQ(dimension.data(CatalogueModel::IdRole).toString(), QStringLiteral("treatment"));
    ASSERT_EQ(filter.rowCount(dimension), 1);
    EXPECT_EQ(filter.index(0, 0, dimension).data(CatalogueModel::IdRole).toString(),
              QStringLiteral("dignity_care"));
}

TEST(CatalogueFilterModel, MatchesEveryWordAcrossTextDomainAndDimension) {
    CatalogueModel model;
    model.setCatalogue(smallCatalogue());
    CatalogueFilterModel filter;
    filter.setSourceModel(&model);

    filter.setSearchText(QStringLiteral("education")); // domain name: all its indicators
    EXPECT_EQ(filter.matchingIndicatorCount(), 2);
    filter.setSearchText(QStringLiteral("autonomy choose")); // dimension name and plain-language word
    EXPECT_EQ(filter.matchingIndicatorCount(), 1);
    filter.setSearchText(QStringLiteral("technical definition")); // description
    EXPECT_EQ(filter.matchingIndicatorCount(), 5);
    filter.setSearchText(QStringLiteral("long_illness")); // id
    EXPECT_EQ(filter.matchingIndicatorCount(), 1);
    filter.setSearchText(QStringLiteral("nothing matches this"));
    EXPECT_EQ(filter.matchingIndicatorCount(), 0);
    EXPECT_EQ(filter.rowCount(), 0);
    filter.setSearchText(QString());
    EXPECT_EQ(filter.matchingIndicatorCount(), 5);
    EXPECT_EQ(filter.rowCount(QModelIndex()), 2);
    EXPECT_EQ(filter.rowCount(filter.index(0, 0)), 3);
}

} // namespace capeq::gui
