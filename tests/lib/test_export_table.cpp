// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/export/export_table.hpp>
#include <capeq/pipeline/evidence_input.hpp>

#include <cmath>
#include <support/test_support.hpp>

namespace capeq {
namespace {

// z for 95%: the 0.975 quantile of the standard normal, from tables (Abramowitz & Stegun 26.2).
constexpr double kZ95 = 1.959963984540054;

// Wilson score interval in percent, written out here from Wilson (1927) rather than taken from the library:
// centre (x + z^2/2) / (n + z^2), half-width z sqrt(x(n - x)/n + z^2/4) / (n + z^2).
std::pair<double, double> wilsonPercent(double x, double n) {
    const double z2 = kZ95 * kZ95;
    const double centre = (x + z2 / 2.0) / (n + z2);
    const double half = kZ95 * std::sqrt(x * (n - x) / n + z2 / 4.0) / (n + z2);
    return {100.0 * (centre - half), 100.0 * (centre + half)};
}

class ExportTableTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_catalogue = loadCatalogue(test::sourceDir() / "indicators");
        m_rows = loadEvidenceInput(test::testDataDir() / "export" / "small_cells.csv", m_catalogue).rows;
    }
    const ExportRow& find(const ExportTable& table, const std::string& service,
                          const std::string& characteristic, const std::string& group) const {
        for (const ExportRow& row : table.rows)
            if (row.service == service && row.characteristic == characteristic && row.group == group)
                return row;
        throw std::runtime_error("no row " + service + " " + characteristic + " " + group);
    }

    Catalogue m_catalogue;
    std::vector<EvidenceRow> m_rows;
};

TEST_F(ExportTableTest, OneRowPerInputRowInInputOrderWithCatalogueFields) {
    const ExportTable table = buildExportTable(m_rows, m_catalogue, ExportOptions{});
    ASSERT_EQ(table.rows.size(), 11u);
    EXPECT_EQ(table.rows.front().group, "all");
    EXPECT_EQ(table.rows.front().domain, "productive_activities");
    EXPECT_EQ(table.rows.front().dimension, "outcome");
    EXPECT_EQ(table.rows.back().service, "libraries");
    EXPECT_EQ(table.disclosureRule, DisclosurePolicy{}.describe());
}

TEST_F(ExportTableTest, WilsonIntervalForThirtyOfSixty) {
    // The table must outlive the reference into it (a temporary here was a use-after-free under ASan).
    const ExportTable table = buildExportTable(m_rows, m_catalogue, {});
    const ExportRow& female = find(table, "housing", "sex", "female");
    // 30/60 at 95%: z^2 = 3.841459, centre = (30 + 1.920729)/63.841459 = 0.5,
    // half = 1.959964 * sqrt(15 + 0.960365)/63.841459 = 0.122650 -> 37.735% to 62.265%.
    const auto [lower, upper] = wilsonPercent(30, 60);
    EXPECT_NEAR(lower, 37.735, 1e-3);
    ASSERT_TRUE(female.value && female.lowerCi && female.upperCi && female.standardError && female.n);
    EXPECT_DOUBLE_EQ(*female.value, 50.0);
    EXPECT_NEAR(*female.lowerCi, lower, 1e-9);
    EXPECT_NEAR(*female.upperCi, upper, 1e-9);
    EXPECT_NEAR(*female.standardError, 100.0 * std::sqrt(0.5 * 0.5 / 60.0), 1e-9); // 6.4550
    EXPECT_EQ(female.ciMethod, "wilson");
    EXPECT_DOUBLE_EQ(female.ciLevel.value_or(0), 0.95);
    EXPECT_DOUBLE_EQ(*female.n, 60.0);
    EXPECT_DOUBLE_EQ(female.populationShare.value_or(0), 0.5);
    EXPECT_EQ(female.reliability, "");
    EXPECT_EQ(female.suppression, "");
}

TEST_F(ExportTableTest, SmallCellAndItsSecondaryPartnerHaveNoFigures) {
    const ExportTable table = buildExportTable(m_rows, m_catalogue, {});
    const ExportRow& small = find(table, "housing", "age", "16-24");   // base 6 < 10
    const ExportRow& partner = find(table, "housing", "age", "25-34"); // = all - 16-24 by subtraction
    EXPECT_EQ(small.suppression, "P-base");
    EXPECT_EQ(partner.suppression, "S");
    for (const ExportRow* row : {&small, &partner}) {
        EXPECT_FALSE(row->value || row->standardError || row->lowerCi || row->upperCi || row->ciLevel ||
                     row->n || row->populationShare);
        EXPECT_EQ(row->ciMethod, "");
        EXPECT_EQ(row->comparedToEveryone, "");
        EXPECT_EQ(row->reliability, "");
        EXPECT_EQ(row->note.find("six"), std::string::npos) << "the source note may describe the cell";
        EXPECT_EQ(row->indicator, "employment_rate_16_64") << "keys stay";
    }
    EXPECT_EQ(table.primarySuppressed, 1u);
    EXPECT_EQ(table.secondarySuppressed, 1u);
}

TEST_F(ExportTableTest, ComparisonWithEveryone) {
    const ExportTable table = buildExportTable(m_rows, m_catalogue, {});
    // disabled 30% vs all 50%: SE sqrt(.3*.7/60)=5.916 and sqrt(.25/120)=4.564 (percent), difference -20,
    // z = -20/7.472 = -2.68: significantly lower on a higher-is-better indicator.
    EXPECT_EQ(find(table, "housing", "disability", "disabled").comparedToEveryone, "worse");
    EXPECT_EQ(find(table, "housing", "disability", "not_disabled").comparedToEveryone, "better");
    EXPECT_EQ(find(table, "housing", "sex", "female").comparedToEveryone, "similar");
    EXPECT_EQ(find(table, "housing", "all", "all").comparedToEveryone, "");
    // libraries female 45 (SE 3) vs 40 (SE 2): z = 5/3.606 = 1.39, not significant.
    EXPECT_EQ(find(table, "libraries", "sex", "female").comparedToEveryone, "similar");
}

TEST_F(ExportTableTest, SuppliedStandardErrorAndValueOnlyRows) {
    const ExportTable table = buildExportTable(m_rows, m_catalogue, {});
    const ExportRow& everyone = find(table, "libraries", "all", "all");
    ASSERT_TRUE(everyone.lowerCi && everyone.upperCi);
    EXPECT_NEAR(*everyone.lowerCi, 40.0 - kZ95 * 2.0, 1e-9); // 36.080
    EXPECT_NEAR(*everyone.upperCi, 40.0 + kZ95 * 2.0, 1e-9);
    EXPECT_EQ(everyone.ciMethod, "normal");
    EXPECT_EQ(everyone.reliability, "base_unknown");
    EXPECT_FALSE(everyone.n);

    const ExportRow& valueOnly = find(table, "libraries", "disability", "disabled");
    EXPECT_DOUBLE_EQ(valueOnly.value.value_or(0), 30.0);
    EXPECT_FALSE(valueOnly.lowerCi || valueOnly.upperCi || valueOnly.ciLevel || valueOnly.standardError);
    EXPECT_EQ(valueOnly.ciMethod, "none");
    EXPECT_EQ(valueOnly.comparedToEveryone, "not_assessed");
    EXPECT_NE(valueOnly.note.find("no CI"), std::string::npos);
}

TEST_F(ExportTableTest, FiltersByServiceAndPeriod) {
    ExportOptions options;
    options.service = "libraries";
    EXPECT_EQ(buildExportTable(m_rows, m_catalogue, options).rows.size(), 4u);
    options.period = "1999";
    EXPECT_TRUE(buildExportTable(m_rows, m_catalogue, options).rows.empty());
    options = {};
    options.level = 1.5;
    EXPECT_THROW(buildExportTable(m_rows, m_catalogue, options), std::invalid_argument);
}

} // namespace
} // namespace capeq
