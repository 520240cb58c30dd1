// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue.hpp>

#include <algorithm>
#include <cctype>
#include <limits>

namespace capeq {

namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool containsFolded(const std::string& haystack, const std::string& foldedNeedle) {
    return lowercase(haystack).find(foldedNeedle) != std::string::npos;
}

template <typename T, typename Id>
const T* findById(const std::vector<T>& items, const Id& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&id](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const Group* Characteristic::findGroup(const GroupCode& code) const {
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [&code](const Group& group) { return group.code == code; });
    return it == groups.end() ? nullptr : &*it;
}

std::string toString(Polarity polarity) {
    switch (polarity) {
    case Polarity::HigherIsBetter:
        return "higher_is_better";
    case Polarity::LowerIsBetter:
        return "lower_is_better";
    case Polarity::NoJudgement:
        return "no_judgement";
    }
    return "no_judgement";
}

std::string toString(MeasureType type) {
    switch (type) {
    case MeasureType::Proportion:
        return "proportion";
    case MeasureType::Rate:
        return "rate";
    case MeasureType::Mean:
        return "mean";
    case MeasureType::Median:
        return "median";
    case MeasureType::Ratio:
        return "ratio";
    case MeasureType::Score:
        return "score";
    }
    return "mean";
}

std::optional<Polarity> parsePolarity(const std::string& text) {
    for (Polarity p : {Polarity::HigherIsBetter, Polarity::LowerIsBetter, Polarity::NoJudgement})
        if (toString(p) == text)
            return p;
    return std::nullopt;
}

std::optional<MeasureType> parseMeasureType(const std::string& text) {
    for (MeasureType t : {MeasureType::Proportion, MeasureType::Rate, MeasureType::Mean, MeasureType::Median,
                          MeasureType::Ratio, MeasureType::Score})
        if (toString(t) == text)
            return t;
    return std::nullopt;
}

std::string toString(ReferenceRule rule) {
    switch (rule) {
    case ReferenceRule::BestGroup:
        return "best_group";
    case ReferenceRule::WholePopulation:
        return "whole_population";
    case ReferenceRule::LargestGroup:
        return "largest_group";
    case ReferenceRule::Named:
        return "named";
    }
    return "best_group";
}

std::optional<ReferenceRule> parseReferenceRule(const std::string& text) {
    for (ReferenceRule r : {ReferenceRule::BestGroup, ReferenceRule::WholePopulation,
                            ReferenceRule::LargestGroup, ReferenceRule::Named})
        if (toString(r) == text)
            return r;
    return std::nullopt;
}

std::optional<std::pair<double, double>> parseScale(const std::string& text) {
    // "lo-hi" where either bound may itself carry a leading minus sign, e.g. "0-10" or "-5-5".
    for (std::size_t dash = 1; dash + 1 < text.size(); ++dash) {
        if (text[dash] != '-')
            continue;
        try {
            std::size_t usedLo = 0;
            std::size_t usedHi = 0;
            const std::string loText = text.substr(0, dash);
            const std::string hiText = text.substr(dash + 1);
            const double lo = std::stod(loText, &usedLo);
            const double hi = std::stod(hiText, &usedHi);
            if (usedLo == loText.size() && usedHi == hiText.size() && lo < hi)
                return std::make_pair(lo, hi);
        } catch (const std::exception&) {
            // not a split point; try the next dash
        }
    }
    return std::nullopt;
}

std::pair<double, double> Indicator::admissibleRange() const {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    switch (measureType) {
    case MeasureType::Proportion:
        return {0.0, multiplier};
    case MeasureType::Rate:
    case MeasureType::Ratio:
        return {0.0, kInf};
    case MeasureType::Score:
        if (const auto range = parseScale(scale))
            return *range;
        return {-kInf, kInf};
    case MeasureType::Mean:
    case MeasureType::Median:
        return {-kInf, kInf};
    }
    return {-kInf, kInf};
}

Catalogue::Catalogue(std::string frameworkName, std::vector<Domain> domains,
                     std::vector<Dimension> dimensions, std::vector<Characteristic> characteristics,
                     std::vector<Rollup> rollups, std::vector<Indicator> indicators)
    : m_frameworkName(std::move(frameworkName))
    , m_domains(std::move(domains))
    , m_dimensions(std::move(dimensions))
    , m_characteristics(std::move(characteristics))
    , m_rollups(std::move(rollups))
    , m_indicators(std::move(indicators)) {
    for (std::size_t i = 0; i < m_indicators.size(); ++i)
        m_indicatorIndex.emplace(m_indicators[i].id.str(), i);
}

const Domain* Catalogue::findDomain(const DomainId& id) const {
    return findById(m_domains, id);
}
const Dimension* Catalogue::findDimension(const DimensionId& id) const {
    return findById(m_dimensions, id);
}
const Characteristic* Catalogue::findCharacteristic(const CharacteristicId& id) const {
    return findById(m_characteristics, id);
}
const Rollup* Catalogue::findRollup(const std::string& id) const {
    return findById(m_rollups, id);
}

const Indicator* Catalogue::findIndicator(const IndicatorId& id) const {
    const auto it = m_indicatorIndex.find(id.str());
    return it == m_indicatorIndex.end() ? nullptr : &m_indicators[it->second];
}

std::vector<const Indicator*> Catalogue::select(const DomainId& domain, const DimensionId& dimension) const {
    std::vector<const Indicator*> result;
    for (const Indicator& indicator : m_indicators)
        if ((domain.empty() || indicator.domain == domain) &&
            (dimension.empty() || indicator.dimension == dimension))
            result.push_back(&indicator);
    return result;
}

std::vector<const Indicator*> Catalogue::search(const std::string& text) const {
    const std::string needle = lowercase(text);
    std::vector<const Indicator*> result;
    for (const Indicator& indicator : m_indicators)
        if (containsFolded(indicator.id.str(), needle) || containsFolded(indicator.title, needle) ||
            containsFolded(indicator.description, needle) || containsFolded(indicator.plainLanguage, needle))
            result.push_back(&indicator);
    return result;
}

} // namespace capeq
