// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_parts.hpp>
#include <capeq/catalogue/field_reader.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace capeq {

namespace {

const std::vector<std::string> kIndicatorKeys{
    "title",     "description", "plain_language",  "domain",    "dimension",
    "polarity",  "measure",     "multiplier",      "scale",     "unit",
    "numerator", "denominator", "population",      "goalposts", "minimum_standard",
    "reference", "source",      "characteristics", "references"};

template <typename T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const T& item : items)
        ids.push_back(item.id.str());
    return ids;
}

std::string describeRange(const Indicator& indicator) {
    const auto [lo, hi] = indicator.admissibleRange();
    const std::string what = "the admissible range of a " + toString(indicator.measureType);
    if (std::isinf(hi))
        return what + " (" + formatNumber(lo) + " or more)";
    return what + " (" + formatNumber(lo) + " to " + formatNumber(hi) + ")";
}

bool inRange(const Indicator& indicator, double value) {
    const auto [lo, hi] = indicator.admissibleRange();
    return value >= lo && value <= hi;
}

// Reads the measure type and the keys that depend on it (multiplier, scale).
void readMeasure(FieldReader& fields, Indicator& indicator, bool& measureOk) {
    const IniEntry* measure =
        fields.require("measure", "add 'measure = proportion' (or rate, mean, median, ratio, score)");
    if (measure == nullptr)
        return;
    const auto type = parseMeasureType(measure->value);
    if (!type) {
        fields.error(fields.at(*measure), "unknown measure type '" + measure->value + "'",
                     suggestion(measure->value, {"proportion", "rate", "mean", "median", "ratio", "score"}));
        return;
    }
    indicator.measureType = *type;
    measureOk = true;
    const IniEntry* multiplier = fields.find("multiplier");
    if (multiplier != nullptr) {
        const auto value = fields.number(*multiplier);
        if (value && *value <= 0.0)
            fields.error(fields.at(*multiplier), "multiplier must be above 0",
                         "write e.g. 1000 for a rate per 1,000");
        else if (value)
            indicator.multiplier = *value;
    } else if (*type == MeasureType::Rate) {
        fields.error(fields.header("multiplier"),
                     "rate indicator '" + indicator.id.str() + "' has no multiplier",
                     "add 'multiplier = 1000' for a rate per 1,000 (or 100000 per 100,000)");
        measureOk = false;
    } else if (*type == MeasureType::Proportion) {
        indicator.multiplier = 100.0; // proportions are stored in percent unless stated otherwise
    }
    if (*type == MeasureType::Score) {
        const IniEntry* scale = fields.require("scale", "add 'scale = lo-hi', e.g. 'scale = 0-10'");
        if (scale == nullptr) {
            measureOk = false;
        } else if (!parseScale(scale->value)) {
            fields.error(fields.at(*scale), "scale '" + scale->value + "' is not 'lo-hi' with lo below hi",
                         "write e.g. 'scale = 0-10'");
            measureOk = false;
        } else {
            indicator.scale = scale->value;
        }
    }
}

void readGoalposts(FieldReader& fields, Indicator& indicator, bool measureOk) {
    const IniEntry* entry =
        fields.require("goalposts", "add 'goalposts = lo, hi', e.g. 'goalposts = 0, 100'");
    if (entry == nullptr)
        return;
    const auto parts = splitList(entry->value);
    const auto lo = parts.size() == 2 ? parseNumber(parts[0].first) : std::nullopt;
    const auto hi = parts.size() == 2 ? parseNumber(parts[1].first) : std::nullopt;
    if (!lo || !hi) {
        fields.error(fields.at(*entry), "goalposts '" + entry->value + "' are not two numbers 'lo, hi'",
                     "write e.g. 'goalposts = 70, 90'");
        return;
    }
    if (*lo >= *hi) {
        fields.error(fields.at(*entry),
                     "goalposts lo " + formatNumber(*lo) + " is not below hi " + formatNumber(*hi),
                     "write 'goalposts = lo, hi' with lo < hi; polarity says which end is better");
        return;
    }
    indicator.goalposts = {*lo, *hi};
    if (measureOk && (!inRange(indicator, *lo) || !inRange(indicator, *hi)))
        fields.error(fields.at(*entry),
                     "goalposts " + entry->value + " fall outside " + describeRange(indicator),
                     "choose goalposts the measure can reach");
}

void readMinimumStandard(FieldReader& fields, Indicator& indicator, bool measureOk, bool polarityOk) {
    const IniEntry* entry = fields.find("minimum_standard");
    if (entry == nullptr)
        return;
    const auto value = fields.number(*entry);
    if (!value)
        return;
    if (polarityOk && indicator.polarity == Polarity::NoJudgement) {
        fields.error(fields.at(*entry), "minimum_standard is set on a no_judgement indicator",
                     "remove it, or give the indicator a polarity");
        return;
    }
    if (measureOk && !inRange(indicator, *value)) {
        fields.error(fields.at(*entry),
                     "minimum_standard " + formatNumber(*value) + " is outside " + describeRange(indicator),
                     "give a floor on the same scale as the values");
        return;
    }
    indicator.minimumStandard = *value;
}

void readCharacteristicList(FieldReader& fields, Indicator& indicator,
                            const std::vector<Characteristic>& characteristics) {
    const IniEntry* entry =
        fields.require("characteristics", "add e.g. 'characteristics = sex, age, disability'");
    if (entry == nullptr)
        return;
    for (const auto& item : splitList(entry->value)) {
        const std::string& id = item.first;
        SourceLocation where = fields.at(*entry);
        where.column += item.second;
        const auto known = std::find_if(characteristics.begin(), characteristics.end(),
                                        [&](const Characteristic& c) { return c.id.str() == id; });
        if (known == characteristics.end())
            fields.error(where, "unknown characteristic '" + id + "'",
                         suggestion(id, idsOf(characteristics)));
        else
            indicator.characteristics.push_back(known->id);
    }
}

void readReference(FieldReader& fields, Indicator& indicator,
                   const std::vector<Characteristic>& characteristics) {
    const IniEntry* entry = fields.find("reference");
    if (entry == nullptr)
        return; // best_group by default
    const std::string kNamed = "named:";
    if (entry->value.rfind(kNamed, 0) == 0) {
        indicator.referenceRule = ReferenceRule::Named;
        indicator.referenceGroup = trim(entry->value.substr(kNamed.size()));
        const GroupCode code(indicator.referenceGroup);
        const bool known = std::any_of(indicator.characteristics.begin(), indicator.characteristics.end(),
                                       [&](const CharacteristicId& id) {
                                           for (const Characteristic& c : characteristics)
                                               if (c.id == id && c.findGroup(code) != nullptr)
                                                   return true;
                                           return false;
                                       });
        if (!known)
            fields.error(fields.at(*entry),
                         "reference group '" + indicator.referenceGroup +
                             "' is not a group of this indicator's characteristics",
                         "name a group code of one of the characteristics listed for the indicator");
        return;
    }
    const auto rule = parseReferenceRule(entry->value);
    if (!rule || *rule == ReferenceRule::Named) {
        fields.error(fields.at(*entry), "unknown reference rule '" + entry->value + "'",
                     "use best_group, whole_population, largest_group or named:<group code>");
        return;
    }
    indicator.referenceRule = *rule;
}

std::string requireText(FieldReader& fields, const std::string& key, const std::string& hint) {
    const IniEntry* entry = fields.require(key, hint);
    return entry == nullptr ? std::string() : entry->value;
}

std::string optionalText(const FieldReader& fields, const std::string& key) {
    const IniEntry* entry = fields.find(key);
    return entry == nullptr ? std::string() : entry->value;
}

} // namespace

std::vector<Indicator> readIndicators(const IniDocument& document, const FrameworkPart& framework,
                                      const std::vector<Characteristic>& characteristics,
                                      DiagnosticList& diagnostics) {
    checkSectionTypes(document, {"indicator"}, diagnostics);
    std::vector<Indicator> result;
    for (const IniSection& section : document.sections) {
        if (section.type != "indicator")
            continue;
        FieldReader fields(section, document.file, kIndicatorKeys, {"references"}, diagnostics);
        if (!isSnakeCaseId(section.name)) {
            fields.error(fields.header(), "indicator id '" + section.name + "' is not lower_snake_case",
                         "use a-z, 0-9 and '_', starting with a letter");
            continue;
        }
        Indicator indicator;
        indicator.id = IndicatorId(section.name);
        indicator.definedAt = fields.header();
        indicator.title = requireText(fields, "title", "add 'title = <short name>'");
        indicator.description =
            requireText(fields, "description", "add 'description = <technical definition>'");
        indicator.plainLanguage =
            requireText(fields, "plain_language", "add 'plain_language = <one sentence for anyone>'");
        if (const IniEntry* e = fields.require("domain", "add 'domain = <domain id from framework.ini>'")) {
            indicator.domain = DomainId(e->value);
            if (std::none_of(framework.domains.begin(), framework.domains.end(),
                             [&](const Domain& d) { return d.id == indicator.domain; }))
                fields.error(fields.at(*e), "unknown domain '" + e->value + "'",
                             suggestion(e->value, idsOf(framework.domains)));
        }
        if (const IniEntry* e =
                fields.require("dimension", "add 'dimension = <dimension id from framework.ini>'")) {
            indicator.dimension = DimensionId(e->value);
            if (std::none_of(framework.dimensions.begin(), framework.dimensions.end(),
                             [&](const Dimension& d) { return d.id == indicator.dimension; }))
                fields.error(fields.at(*e), "unknown dimension '" + e->value + "'",
                             suggestion(e->value, idsOf(framework.dimensions)));
        }
        bool polarityOk = false;
        if (const IniEntry* e = fields.require(
                "polarity", "add 'polarity = higher_is_better' (or lower_is_better, no_judgement)")) {
            if (const auto polarity = parsePolarity(e->value)) {
                indicator.polarity = *polarity;
                polarityOk = true;
            } else {
                fields.error(fields.at(*e), "unknown polarity '" + e->value + "'",
                             "use higher_is_better, lower_is_better or no_judgement");
            }
        }
        bool measureOk = false;
        readMeasure(fields, indicator, measureOk);
        indicator.unit = requireText(fields, "unit", "add 'unit = ...', e.g. %, per 1,000 or years");
        const bool countBased =
            indicator.measureType == MeasureType::Proportion || indicator.measureType == MeasureType::Rate;
        indicator.numerator = countBased && measureOk
                                  ? requireText(fields, "numerator", "add 'numerator = <who is counted>'")
                                  : optionalText(fields, "numerator");
        indicator.denominator = (countBased || indicator.measureType == MeasureType::Ratio) && measureOk
                                    ? requireText(fields, "denominator", "add 'denominator = <out of whom>'")
                                    : optionalText(fields, "denominator");
        indicator.population =
            requireText(fields, "population", "add 'population = <who the indicator covers>'");
        readGoalposts(fields, indicator, measureOk);
        readMinimumStandard(fields, indicator, measureOk, polarityOk);
        indicator.source = requireText(fields, "source", "add 'source = <typical data source>'");
        readCharacteristicList(fields, indicator, characteristics);
        readReference(fields, indicator, characteristics);
        for (const IniEntry* entry : fields.findAll("references"))
            if (!entry->value.empty())
                indicator.references.push_back(entry->value);
        if (indicator.references.empty())
            fields.error(fields.header("references"),
                         "missing required key 'references' in " + fields.label(),
                         "add at least one 'references = <publication>' line");
        result.push_back(std::move(indicator));
    }
    return result;
}

} // namespace capeq
