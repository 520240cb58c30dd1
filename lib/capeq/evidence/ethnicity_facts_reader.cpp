// SPDX-License-Identifier: Apache-2.0
// Ethnicity facts and figures downloads (GOV.UK Race Disparity Unit): fixed leading columns, then
// dataset-specific breakdown and uncertainty columns recognised by meaning.
#include <capeq/evidence/reader_support.hpp>

#include <algorithm>
#include <array>
#include <tuple>

namespace capeq {

namespace {

// Column-name synonyms, compared after canonicalName(); docs/FORMATS.md lists them.
struct Synonyms {
    std::string_view field;
    std::array<std::string_view, 12> names;
};
constexpr std::array<Synonyms, 6> kSynonyms = {{
    {"sample_size",
     {"sample size", "unweighted sample size", "unweighted base", "unweighted sample", "unweighted count",
      "base", "sample", "n", "number of respondents", "respondents", "sample size (unweighted)", ""}},
    {"standard_error",
     {"standard error", "se", "s.e.", "std error", "std. error", "standard error of estimate", "", "", "", "",
      "", ""}},
    {"lower_ci",
     {"lower ci", "lower 95% ci", "lower confidence interval", "lower confidence limit", "lower ci limit",
      "ci lower", "lower limit", "lower bound", "lci", "lower 95% confidence limit",
      "confidence interval lower", "lower ci 95%"}},
    {"upper_ci",
     {"upper ci", "upper 95% ci", "upper confidence interval", "upper confidence limit", "upper ci limit",
      "ci upper", "upper limit", "upper bound", "uci", "upper 95% confidence limit",
      "confidence interval upper", "upper ci 95%"}},
    {"numerator", {"numerator", "count", "number", "numerator count", "", "", "", "", "", "", "", ""}},
    {"denominator",
     {"denominator", "denominator count", "base population", "total", "", "", "", "", "", "", "", ""}},
}};

// Leading columns every download has; everything else that is not an uncertainty column is a breakdown.
constexpr std::array<std::string_view, 11> kFixed = {
    "measure",        "ethnicity",      "ethnicity type", "time",       "time type", "geography",
    "geography type", "geography code", "value",          "value type", "notes"};

// What published tables write instead of a number that is withheld or not available.
constexpr std::array<std::string_view, 14> kSuppressed = {"?", "..", ".", ":",   "x",   "*",   "-",
                                                          "c", "z",  "u", "[c]", "[x]", "[z]", "n/a"};

std::string canonicalName(std::string_view name) {
    std::string text(name);
    std::replace(text.begin(), text.end(), '_', ' ');
    std::replace(text.begin(), text.end(), '-', ' ');
    return normaliseLabel(text);
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

} // namespace

void readEthnicityFacts(ReaderContext& context) {
    bool ok = true;
    for (std::string_view name : {"Measure", "Ethnicity", "Time", "Value"})
        ok = context.requireColumn(name, "Ethnicity facts and figures").has_value() && ok;
    if (!ok)
        return;
    std::map<std::string, std::optional<std::size_t>> fixed;
    std::map<std::string, std::optional<std::size_t>> at; // CapEq field -> column
    std::vector<std::size_t> breakdowns;
    for (std::size_t i = 0; i < context.header.size(); ++i) {
        const std::string name = canonicalName(context.header[i]);
        if (std::find(kFixed.begin(), kFixed.end(), name) != kFixed.end()) {
            fixed.emplace(name, i);
            continue;
        }
        bool uncertainty = false;
        for (const Synonyms& synonyms : kSynonyms)
            if (std::find(synonyms.names.begin(), synonyms.names.end(), name) != synonyms.names.end() &&
                !at.count(std::string(synonyms.field))) {
                at[std::string(synonyms.field)] = i;
                uncertainty = true;
            }
        if (!uncertainty)
            breakdowns.push_back(i);
    }
    const auto col = [&fixed](const char* name) -> std::optional<std::size_t> {
        const auto found = fixed.find(name);
        return found == fixed.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    };
    const std::optional<std::size_t> areaColumn =
        col("geography code") ? col("geography code") : col("geography");
    context.use("indicator_id", col("measure"));
    context.use("group", col("ethnicity"));
    context.use("characteristic", col("ethnicity type"));
    context.use("period", col("time"));
    context.use("area_code", areaColumn);
    context.use("value", col("value"));
    context.use("note", col("notes"));
    for (const auto& [field, index] : at)
        context.use(field, index);
    for (std::size_t index : breakdowns)
        context.use({}, index);

    const NumberFormat counts{true};
    while (context.csv.next()) {
        if (!context.csv.checkFieldCount(context.header.size()) || context.csv.recordHasErrors())
            continue;
        EvidenceRow row;
        row.location = context.rowLocation();
        std::vector<std::string> withheld;
        std::string marker;
        const auto number = [&](const std::string& field,
                                std::optional<std::size_t> index) -> std::optional<double> {
            const std::string text = normaliseLabel(context.text(index));
            if (std::find(kSuppressed.begin(), kSuppressed.end(), text) != kSuppressed.end()) {
                withheld.push_back(field);
                if (marker.empty())
                    marker = std::string(context.text(index));
                return std::nullopt;
            }
            return context.number(index, counts);
        };
        row.value = number("value", col("value"));
        row.standardError = number("standard_error", at["standard_error"]);
        row.lowerCi = number("lower_ci", at["lower_ci"]);
        row.upperCi = number("upper_ci", at["upper_ci"]);
        row.sampleSize = number("sample_size", at["sample_size"]);
        row.numerator = number("numerator", at["numerator"]);
        row.denominator = number("denominator", at["denominator"]);
        row.note = trimmed(context.text(col("notes")));
        if (!withheld.empty()) {
            std::string list;
            for (const std::string& field : withheld)
                list += (list.empty() ? "" : ", ") + field;
            row.note += (row.note.empty() ? "" : "; ") + std::string("not published in the source ('") +
                        marker + "'): " + list;
        }
        row.period = trimmed(context.text(col("time")));
        row.area = AreaCode{trimmed(context.text(areaColumn))};

        bool mapped = true;
        const std::string measure(context.text(col("measure")));
        const std::optional<IndicatorId> indicator = context.resolveIndicator(measure);
        if (!indicator) {
            context.unmapped("indicator", normaliseLabel(measure));
            mapped = false;
        }
        std::vector<std::pair<CharacteristicId, GroupCode>> parts;
        const auto addPart = [&](std::string_view breakdown, std::string_view label) {
            if (normaliseLabel(label) == "all")
                return;
            const std::optional<CharacteristicId> characteristic = context.resolveCharacteristic(breakdown);
            if (!characteristic) {
                context.unmapped("characteristic", normaliseLabel(breakdown));
                mapped = false;
                return;
            }
            const std::optional<GroupCode> group = context.resolveGroup(*characteristic, label);
            if (!group) {
                context.unmapped("group", characteristic->str() + ": " + normaliseLabel(label));
                mapped = false;
            } else if (*group != kAllGroup) {
                parts.emplace_back(*characteristic, *group);
            }
        };
        const std::string_view ethnicityType = context.text(col("ethnicity type"));
        addPart(ethnicityType.empty() ? std::string_view("Ethnicity") : ethnicityType,
                context.text(col("ethnicity")));
        for (std::size_t index : breakdowns)
            addPart(context.header[index], context.text(index));
        if (!mapped)
            continue;
        row.indicator = *indicator;
        std::tie(row.characteristic, row.group) = context.combine(std::move(parts));
        context.keep(std::move(row));
    }
}

} // namespace capeq
