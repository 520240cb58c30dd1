// SPDX-License-Identifier: Apache-2.0
#pragma once

// A small catalogue built in code, so evidence tests do not depend on the shipped indicator files.

#include <capeq/catalogue/catalogue.hpp>

#include <string>
#include <vector>

namespace capeq::test {

inline Indicator makeIndicator(const std::string& id, MeasureType type, double multiplier) {
    Indicator indicator;
    indicator.id = IndicatorId{id};
    indicator.title = id;
    indicator.domain = DomainId{"health"};
    indicator.dimension = DimensionId{"outcome"};
    indicator.polarity = Polarity::LowerIsBetter;
    indicator.measureType = type;
    indicator.multiplier = multiplier;
    indicator.goalposts = {0.0, multiplier};
    return indicator;
}

inline Characteristic makeCharacteristic(const std::string& id, std::vector<std::string> codes,
                                         bool ordered = false, bool open = false) {
    Characteristic characteristic;
    characteristic.id = CharacteristicId{id};
    characteristic.name = id;
    characteristic.ordered = ordered;
    characteristic.openCodeList = open;
    int order = 0;
    for (const std::string& code : codes)
        characteristic.groups.push_back({GroupCode{code}, code == "female" ? "Female" : code, ++order});
    return characteristic;
}

/// sex, age, ethnicity (ONS 2021, 19 codes), ethnicity_5, imd_decile, area; indicators employment_rate
/// (proportion in percent), crime_rate (rate per 1,000), campylobacter_incidence (rate per 100,000),
/// victim_of_crime (%).
inline Catalogue evidenceTestCatalogue() {
    std::vector<Characteristic> characteristics = {
        makeCharacteristic("sex", {"female", "male"}),
        makeCharacteristic("age", {"0-15", "16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"},
                           true),
        makeCharacteristic("ethnicity",
                           {"white_british", "white_irish", "white_gypsy_irish_traveller", "white_roma",
                            "white_other", "mixed_white_black_caribbean", "mixed_white_black_african",
                            "mixed_white_asian", "mixed_other", "asian_indian", "asian_pakistani",
                            "asian_bangladeshi", "asian_chinese", "asian_other", "black_african",
                            "black_caribbean", "black_other", "other_arab", "other_any"}),
        makeCharacteristic("ethnicity_5", {"asian", "black", "mixed", "white", "other"}),
        makeCharacteristic("imd_decile", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}, true),
        makeCharacteristic("area", {}, false, true)};
    std::vector<Indicator> indicators = {
        makeIndicator("employment_rate", MeasureType::Proportion, 100.0),
        makeIndicator("crime_rate", MeasureType::Rate, 1000.0),
        makeIndicator("campylobacter_incidence", MeasureType::Rate, 100000.0),
        makeIndicator("victim_of_crime", MeasureType::Proportion, 100.0)};
    return Catalogue("test", {}, {}, std::move(characteristics), {}, std::move(indicators));
}

} // namespace capeq::test
