// SPDX-License-Identifier: Apache-2.0
// Expected values: tools/reference/summary_reference.R (the WHO HEAT technical-note formulas, healthequal's
// regression form of ACI/RCI, lm() for SII/RII, Walter 1978 for PAF) ->
// tests/data/stats/summary_reference.csv; PHEindicatormethods testdata_SII.xlsx (commit
// 093fd288d8f8949dbcfbed70049dbbf385b6141d) -> phe/testdata_SII.csv.
#include "test_stats_reference_data.hpp"

#include <capeq/stats/summary_measures.hpp>

#include <cmath>
#include <gtest/gtest.h>

namespace capeq::stats {

namespace {

const auto& reference() {
    static const auto table = test::readReference("stats/summary_reference.csv");
    return table;
}

std::vector<GroupValue> regions() {
    // Four regions, a percentage, higher is better; "b" is the reference group.
    return {{"a", 72.0, 1.2, 12000, 0, false},
            {"b", 65.5, 2.0, 8000, 0, true},
            {"c", 80.2, 0.9, 15000, 0, false},
            {"d", 58.9, 2.6, 5000, 0, false}};
}

std::vector<GroupValue> quintiles() {
    // Deprivation quintiles (1 = most deprived), a rate per 1,000, lower is better.
    return {{"q1", 42.0, 2.1, 21000, 1, false},
            {"q2", 36.5, 1.8, 20500, 2, false},
            {"q3", 31.2, 1.7, 19800, 3, false},
            {"q4", 27.9, 1.5, 19000, 4, false},
            {"q5", 22.4, 1.4, 18700, 5, false}};
}

const Estimate& measure(const std::vector<SummaryMeasure>& all, const std::string& id) {
    const SummaryMeasure* m = findMeasure(all, id);
    EXPECT_NE(m, nullptr) << id;
    EXPECT_TRUE(m->estimate.has_value()) << id << ": " << m->note;
    return *m->estimate;
}

} // namespace

TEST(SummaryMeasures, UnorderedMatchReference) {
    MeasureOptions options;
    options.scale = 100.0;
    options.countBased = true;
    options.upperBound = 100.0;
    auto groups = regions();
    groups[1].isReference = false; // D and R without a reference group: highest - lowest
    const auto plain = summaryMeasures(groups, options);
    const auto& ref = reference().at("unordered");
    EXPECT_NEAR(measure(plain, "D").value, ref.at("D"), 1e-12);
    EXPECT_NEAR(*measure(plain, "D").se, ref.at("D_se"), 1e-12);
    EXPECT_NEAR(measure(plain, "R").value, ref.at("R"), 1e-12);
    EXPECT_NEAR(*measure(plain, "R").lower, ref.at("R_lower"), 1e-12);
    const auto all = summaryMeasures(regions(), options);
    int checked = 4;
    for (const std::string id : {"BGV", "BGSD", "COV", "MDBU", "MDBW", "MDMU", "MDMW", "MDRU", "MDRW",
                                 "IDISU", "IDISW", "TI", "MLD", "PAF", "PAR"}) {
        EXPECT_NEAR(measure(all, id).value, ref.at(id), 1e-10) << id;
        ++checked;
    }
    EXPECT_NEAR(*measure(all, "BGV").se, ref.at("BGV_se"), 1e-10);
    EXPECT_NEAR(*measure(all, "TI").se, ref.at("TI_se"), 1e-10);
    EXPECT_NEAR(*measure(all, "MLD").se, ref.at("MLD_se"), 1e-10);
    EXPECT_NEAR(*measure(all, "PAF").se, ref.at("PAF_se_percent"), 1e-10);
    EXPECT_NEAR(*measure(all, "PAR").se, ref.at("PAR_se"), 1e-10);
    checked += 5;
    EXPECT_EQ(checked, 24);
    // Simulated intervals: reproducible with the recorded seed and close to the delta-method width.
    const auto again = summaryMeasures(regions(), options);
    EXPECT_EQ(*measure(all, "MDBW").lower, *measure(again, "MDBW").lower);
    EXPECT_EQ(measure(all, "BGSD").ciMethod, CiMethod::Simulation);
    // BGSD = sqrt(BGV): its simulated SE is near SE(BGV) / (2 sqrt(BGV)) by the delta method.
    EXPECT_NEAR(*measure(all, "BGSD").se, ref.at("BGV_se") / (2.0 * std::sqrt(ref.at("BGV"))), 0.15);
    // With a reference group D is reference - the group furthest below it (b - d).
    EXPECT_NEAR(measure(all, "D").value, 65.5 - 58.9, 1e-12);
    // Ordered-only measures are not listed for a non-ordered characteristic.
    EXPECT_EQ(findMeasure(all, "SII"), nullptr);
}

TEST(SummaryMeasures, OrderedMatchReference) {
    MeasureOptions options;
    options.ordered = true;
    options.polarity = Polarity::LowerIsBetter;
    options.scale = 1000.0;
    options.countBased = true;
    const auto all = summaryMeasures(quintiles(), options);
    const auto& ref = reference().at("ordered");
    EXPECT_NEAR(measure(all, "ACI").value, ref.at("ACI"), 1e-10);
    EXPECT_NEAR(*measure(all, "ACI").se, ref.at("ACI_se_sigma"), 1e-12);
    EXPECT_NEAR(measure(all, "RCI").value, ref.at("RCI"), 1e-12);
    EXPECT_NEAR(*measure(all, "RCI").se, ref.at("RCI_se_sigma"), 1e-12);
    EXPECT_NEAR(measure(all, "SII").value, ref.at("SII"), 1e-10);
    EXPECT_NEAR(*measure(all, "SII").se, ref.at("SII_se"), 1e-10);
    EXPECT_NEAR(measure(all, "RII").value, ref.at("RII"), 1e-12);
    EXPECT_NEAR(*measure(all, "RII").logSe, ref.at("RII_logse"), 1e-12);
    EXPECT_NEAR(measure(all, "PAF").value, ref.at("PAF"), 1e-10);
    EXPECT_NEAR(*measure(all, "PAF").se, ref.at("PAF_se_percent"), 1e-10);
    // Adverse and ordered: D = most disadvantaged - most advantaged.
    EXPECT_NEAR(measure(all, "D").value, ref.at("D"), 1e-12);
    EXPECT_EQ(findMeasure(all, "BGV"), nullptr);
}

TEST(SummaryMeasures, SiiMatchesPheFixture) {
    // PHE's sii/rii point estimates exactly; its 100,000-replicate simulated limits (95% and 99%) are the
    // Monte Carlo version of CapEq's analytic interval, so they agree to simulation error.
    const auto table = test::readCsvTable("stats/phe/testdata_SII.csv");
    int checked = 0;
    for (std::size_t first = 0; first < table.rows.size(); first += 10) {
        std::vector<GroupValue> groups;
        for (std::size_t r = first; r < first + 10; ++r)
            groups.push_back({table.text(r, "Quantile"), *table.number(r, "Value"),
                              *table.number(r, "StandardError"), *table.number(r, "Population"),
                              static_cast<int>(*table.number(r, "Quantile")), false});
        MeasureOptions options;
        options.ordered = true;
        options.level = *table.number(first, "Confidence") / 100.0;
        const auto all = summaryMeasures(groups, options);
        const Estimate& sii = measure(all, "SII");
        const Estimate& rii = measure(all, "RII");
        EXPECT_NEAR(sii.value, *table.number(first, "sii"), 1e-10);
        EXPECT_NEAR(rii.value, *table.number(first, "rii"), 1e-12);
        // Tolerance: 1.5% of the half-width, about three Monte Carlo SEs of a 100,000-draw percentile.
        const double siiTolerance = 0.015 * (*sii.upper - *sii.lower) / 2.0;
        const double riiTolerance = 0.015 * (*rii.upper - *rii.lower) / 2.0;
        EXPECT_NEAR(*sii.lower, *table.number(first, "sii_lowercl_1"), siiTolerance);
        EXPECT_NEAR(*sii.upper, *table.number(first, "sii_uppercl_1"), siiTolerance);
        EXPECT_NEAR(*rii.lower, *table.number(first, "rii_lowercl_1"), riiTolerance);
        EXPECT_NEAR(*rii.upper, *table.number(first, "rii_uppercl_1"), riiTolerance);
        checked += 6;
    }
    EXPECT_EQ(checked, 24);
}

TEST(SummaryMeasures, AwkwardGroups) {
    MeasureOptions options;
    // A single group: nothing between groups, each measure says why.
    const std::vector<GroupValue> one = {{"all", 50.0, 1.0, 100, 0, false}};
    for (const SummaryMeasure& m : summaryMeasures(one, options)) {
        if (m.id == "D" || m.id == "BGV") {
            EXPECT_FALSE(m.estimate) << m.id;
        }
    }
    // All groups equal: zero inequality everywhere, finite intervals.
    std::vector<GroupValue> equal = {
        {"a", 30, 1, 10, 0, false}, {"b", 30, 1, 20, 0, false}, {"c", 30, 1, 30, 0, false}};
    const auto flat = summaryMeasures(equal, options);
    for (const std::string id : {"D", "BGV", "MDMW", "TI", "MLD", "PAF"})
        EXPECT_NEAR(measure(flat, id).value, 0.0, 1e-12) << id;
    EXPECT_NEAR(measure(flat, "R").value, 1.0, 1e-15);
    // A zero value: R and MLD are not applicable with a reason; TI has no delta-method interval.
    equal[0].value = 0.0;
    const auto zero = summaryMeasures(equal, options);
    EXPECT_FALSE(findMeasure(zero, "R")->estimate);
    EXPECT_FALSE(findMeasure(zero, "MLD")->estimate);
    EXPECT_FALSE(findMeasure(zero, "MLD")->note.empty());
    EXPECT_FALSE(measure(zero, "TI").hasCi());
    // Missing SEs: measures computed, intervals unavailable with a reason.
    std::vector<GroupValue> noSe = {
        {"a", 10, std::nullopt, 10, 0, false}, {"b", 20, 1, 20, 0, false}, {"c", 40, 1, 30, 0, false}};
    const auto partial = summaryMeasures(noSe, options);
    for (const std::string id : {"D", "BGV", "BGSD", "TI", "MDBW"}) {
        EXPECT_FALSE(measure(partial, id).hasCi()) << id;
        EXPECT_FALSE(measure(partial, id).unavailableReason.empty()) << id;
    }
    // No populations: weighted measures say so, unweighted ones still work with a supplied average.
    std::vector<GroupValue> noPop = {{"a", 10, 1, std::nullopt, 0, false},
                                     {"b", 20, 1, std::nullopt, 0, false},
                                     {"c", 40, 1, std::nullopt, 0, false}};
    options.settingAverage = 25.0;
    const auto unweighted = summaryMeasures(noPop, options);
    EXPECT_FALSE(findMeasure(unweighted, "BGV")->estimate);
    EXPECT_NEAR(measure(unweighted, "MDMU").value, (15.0 + 5.0 + 15.0) / 3.0, 1e-12);
    // Duplicate codes and two reference groups are input errors.
    noPop[1].code = "a";
    EXPECT_THROW(summaryMeasures(noPop, options), std::invalid_argument);
}

} // namespace capeq::stats
