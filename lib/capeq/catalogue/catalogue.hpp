// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>
#include <capeq/core/strong_id.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace capeq {

/// A life domain of the framework (e.g. `health`). Loaded from data; order is display order.
struct Domain {
    DomainId id;
    std::string name;       ///< as displayed, e.g. "Physical security"
    std::string capability; ///< "the freedom to ..." wording
    int order = 0;
    SourceLocation definedAt;
};

/// An aspect of inequality (outcome, treatment, autonomy). Loaded from data.
struct Dimension {
    DimensionId id;
    std::string name;
    std::string description;
    int order = 0;
    SourceLocation definedAt;
};

/// One category of a characteristic's code list. order is 1-based; for ordered characteristics
/// 1 is the most disadvantaged (e.g. most deprived quintile, youngest age band is by convention 1).
struct Group {
    GroupCode code;
    std::string label;
    int order = 0;
};

/// A mapping of a characteristic's detailed codes onto a coarser list (e.g. 19 ethnic groups to 5).
struct Rollup {
    std::string id;                        ///< e.g. "ethnicity_5"
    CharacteristicId characteristic;       ///< the detailed characteristic it rolls up
    CharacteristicId targetCharacteristic; ///< the coarse characteristic (its groups are targetGroups)
    std::string name;
    std::vector<Group> targetGroups;        ///< the coarse code list
    std::map<GroupCode, GroupCode> mapping; ///< detailed code -> coarse code
    SourceLocation definedAt;
};

/// A protected characteristic or other breakdown with its code list.
struct Characteristic {
    CharacteristicId id;
    std::string name;
    std::string description;
    bool ordered = false;      ///< ordered ones get slope and concentration measures
    bool openCodeList = false; ///< true for `area`: any code is accepted (geography codes)
    std::string codeListVersion;
    std::vector<Group> groups;
    SourceLocation definedAt;

    /// The group with this code, or nullptr.
    const Group* findGroup(const GroupCode& code) const;
};

enum class Polarity { HigherIsBetter, LowerIsBetter, NoJudgement };
enum class MeasureType { Proportion, Rate, Mean, Median, Ratio, Score };

/// Stable text forms used in data files and outputs ("higher_is_better", "proportion", ...).
std::string toString(Polarity polarity);
std::string toString(MeasureType type);
std::optional<Polarity> parsePolarity(const std::string& text);
std::optional<MeasureType> parseMeasureType(const std::string& text);

/// The normalisation range of an indicator's values: lo maps to achievement 0 and hi to 1 for a
/// higher-is-better indicator (reversed for lower-is-better). Always lo < hi.
struct Goalposts {
    double lo = 0.0;
    double hi = 1.0;
};

/// How the reference group for gaps is chosen by default.
enum class ReferenceRule { BestGroup, WholePopulation, LargestGroup, Named };

/// Stable text forms of reference rules ("best_group", "whole_population", "largest_group", "named");
/// in data files a named rule is written "named:<group code>".
std::string toString(ReferenceRule rule);
std::optional<ReferenceRule> parseReferenceRule(const std::string& text);

/// Parses a score scale written "lo-hi" (e.g. "0-10", "-5-5"); nullopt unless both are numbers and lo < hi.
std::optional<std::pair<double, double>> parseScale(const std::string& text);

/// One indicator of the catalogue, every field of SPEC section 2.4.
struct Indicator {
    IndicatorId id;
    std::string title;
    std::string description;   ///< technical definition
    std::string plainLanguage; ///< what it means for someone who is not a statistician
    DomainId domain;
    DimensionId dimension;
    Polarity polarity = Polarity::HigherIsBetter;
    MeasureType measureType = MeasureType::Proportion;
    double multiplier = 1.0; ///< for rates: per 1,000 / 100,000; for proportions: 100 when in percent
    std::string scale;       ///< for scores: e.g. "0-10"
    std::string unit;        ///< e.g. "%", "per 1,000", "years", "GBP per hour"
    std::string numerator;
    std::string denominator;
    std::string population;
    Goalposts goalposts;
    std::optional<double> minimumStandard; ///< a floor every group should reach, on the value scale
    ReferenceRule referenceRule = ReferenceRule::BestGroup;
    std::string referenceGroup; ///< group code when referenceRule is Named
    std::string source;         ///< typical source, e.g. "Crime Survey for England and Wales"
    std::vector<CharacteristicId> characteristics; ///< usually available breakdowns
    std::vector<std::string> references;
    SourceLocation definedAt;

    /// The lowest and highest values the measure type allows (a proportion in percent is 0..100).
    std::pair<double, double> admissibleRange() const;
};

/// The whole framework and indicator set. Immutable once loaded; cheap lookups by id.
class Catalogue {
public:
    Catalogue() = default;
    Catalogue(std::string frameworkName, std::vector<Domain> domains, std::vector<Dimension> dimensions,
              std::vector<Characteristic> characteristics, std::vector<Rollup> rollups,
              std::vector<Indicator> indicators);

    const std::string& frameworkName() const noexcept { return m_frameworkName; }
    const std::vector<Domain>& domains() const noexcept { return m_domains; }
    const std::vector<Dimension>& dimensions() const noexcept { return m_dimensions; }
    const std::vector<Characteristic>& characteristics() const noexcept { return m_characteristics; }
    const std::vector<Rollup>& rollups() const noexcept { return m_rollups; }
    const std::vector<Indicator>& indicators() const noexcept { return m_indicators; }

    const Domain* findDomain(const DomainId& id) const;
    const Dimension* findDimension(const DimensionId& id) const;
    const Characteristic* findCharacteristic(const CharacteristicId& id) const;
    const Indicator* findIndicator(const IndicatorId& id) const;
    const Rollup* findRollup(const std::string& id) const;

    /// Indicators in one domain and/or dimension (an empty id matches all), in catalogue order.
    std::vector<const Indicator*> select(const DomainId& domain, const DimensionId& dimension) const;
    /// Indicators whose id, title, description or plain-language text contains text (case-insensitive).
    std::vector<const Indicator*> search(const std::string& text) const;

private:
    std::string m_frameworkName;
    std::vector<Domain> m_domains;
    std::vector<Dimension> m_dimensions;
    std::vector<Characteristic> m_characteristics;
    std::vector<Rollup> m_rollups;
    std::vector<Indicator> m_indicators;
    std::map<std::string, std::size_t> m_indicatorIndex;
};

} // namespace capeq
