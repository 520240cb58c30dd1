// SPDX-License-Identifier: Apache-2.0
// A small catalogue and evidence set built in code, shared by the store tests.
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>

#include <string>
#include <vector>

namespace capeq::test {

inline Indicator makeIndicator(const std::string& id, const std::string& domain,
                               const std::string& dimension) {
    Indicator indicator;
    indicator.id = IndicatorId(id);
    indicator.title = "Title of " + id;
    indicator.description = "Description of " + id;
    indicator.domain = DomainId(domain);
    indicator.dimension = DimensionId(dimension);
    indicator.polarity = Polarity::HigherIsBetter;
    indicator.measureType = MeasureType::Proportion;
    indicator.multiplier = 100;
    indicator.unit = "%";
    indicator.goalposts = {0, 100};
    indicator.characteristics = {CharacteristicId("sex")};
    indicator.definedAt = {"indicators/" + domain + ".ini", 3, 0, {}};
    return indicator;
}

/// Two domains, three dimensions, four indicators (health has two cells, education one).
inline Catalogue smallCatalogue() {
    std::vector<Domain> domains = {{DomainId("health"), "Health", "be healthy", 1, {}},
                                   {DomainId("education"), "Education and learning", "learn", 2, {}}};
    std::vector<Dimension> dimensions = {
        {DimensionId("outcome"), "Outcomes", "what people achieve", 1, {}},
        {DimensionId("treatment"), "Treatment", "how people are treated", 2, {}},
        {DimensionId("autonomy"), "Autonomy", "choice and control", 3, {}}};
    Characteristic sex{CharacteristicId("sex"),
                       "Sex",
                       "",
                       false,
                       false,
                       "2024-1",
                       {{GroupCode("female"), "Female", 1}, {GroupCode("male"), "Male", 2}},
                       {}};
    Characteristic age{CharacteristicId("age"),
                       "Age",
                       "",
                       true,
                       false,
                       "2024-1",
                       {{GroupCode("16-24"), "16 to 24", 1}, {GroupCode("25-34"), "25 to 34", 2}},
                       {}};
    Characteristic area{CharacteristicId("area"), "Area", "", false, true, "", {}, {}};
    Rollup ageBroad{"age_broad",
                    CharacteristicId("age"),
                    CharacteristicId("age_broad"),
                    "Broad age",
                    {{GroupCode("young"), "Young", 1}},
                    {{GroupCode("16-24"), GroupCode("young")}, {GroupCode("25-34"), GroupCode("young")}},
                    {}};

    Indicator goodHealth = makeIndicator("good_health", "health", "outcome");
    goodHealth.minimumStandard = 60.0;
    goodHealth.references = {"EMF 2011", "ONS"};
    Indicator dignity = makeIndicator("dignity_in_care", "health", "treatment");
    dignity.polarity = Polarity::LowerIsBetter;
    dignity.referenceRule = ReferenceRule::Named;
    dignity.referenceGroup = "male";
    Indicator attainment = makeIndicator("attainment_16", "education", "outcome");
    attainment.measureType = MeasureType::Rate;
    attainment.multiplier = 1000;
    Indicator neet = makeIndicator("neet_rate", "education", "outcome");
    return Catalogue("Test framework", std::move(domains), std::move(dimensions), {sex, age, area},
                     {ageBroad}, {goodHealth, dignity, attainment, neet});
}

inline EvidenceRow makeRow(const std::string& indicator, const std::string& characteristic,
                           const std::string& group, std::size_t line) {
    EvidenceRow row;
    row.indicator = IndicatorId(indicator);
    row.area = AreaCode("E06000001");
    row.service = ServiceId("adult_social_care");
    row.period = "2023/24";
    row.characteristic = CharacteristicId(characteristic);
    row.group = GroupCode(group);
    row.location = {"evidence.csv", line, 0, {}};
    return row;
}

/// Whole population plus sex groups for good_health, with every optional field exercised.
inline EvidenceSet smallEvidence() {
    EvidenceSet evidence;
    evidence.sourceFile = "evidence.csv";
    evidence.format = "capeq-long";
    evidence.encoding = "utf-8";

    EvidenceRow all = makeRow("good_health", "all", "all", 2);
    all.value = 71.25;
    all.standardError = 1.5;
    all.lowerCi = 68.31;
    all.upperCi = 74.19;
    all.lowerCi998 = 66.6;
    all.upperCi998 = 75.9;
    all.numerator = 570;
    all.denominator = 800;
    all.population = 123456.5;
    all.sampleSize = 800;
    all.note = "whole population";

    EvidenceRow female = makeRow("good_health", "sex", "female", 3);
    female.value = 0.0; // a real zero, distinct from absent
    female.standardError = 0.0;
    female.populationShare = 0.51;
    female.subgroupOrder = 1;
    female.isReference = true;

    EvidenceRow male = makeRow("good_health", "sex", "male", 4);
    male.value = 65.0; // every other number absent

    EvidenceRow noService = makeRow("dignity_in_care", "all", "all", 5);
    noService.service = ServiceId();
    noService.area = AreaCode();
    noService.value = 12.5;
    noService.subgroupOrder = 0;

    evidence.rows = {all, female, male, noService};
    evidence.unmapped = {{"indicator", "Some unmapped measure", 3, {"evidence.csv", 9, 0, {}}}};
    return evidence;
}

} // namespace capeq::test
