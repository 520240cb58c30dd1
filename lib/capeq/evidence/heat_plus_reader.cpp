// SPDX-License-Identifier: Apache-2.0
// The WHO HEAT Plus upload template (v6), with the template's own consistency checks.
#include <capeq/evidence/reader_support.hpp>

#include <set>
#include <tuple>

namespace capeq {

namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// First value seen for a key, with its line, so a later disagreement can point at both.
struct Seen {
    double value = 0.0;
    std::size_t line = 0;
};

std::string shortNumber(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace

void readHeatPlus(ReaderContext& context) {
    const auto dateColumn = context.column("date") ? context.column("date") : context.column("year");
    bool ok = true;
    for (std::string_view name : {"setting", "source", "indicator_abbr", "indicator_name", "dimension",
                                  "subgroup", "estimate", "favourable_indicator", "indicator_scale",
                                  "ordered_dimension", "subgroup_order", "reference_subgroup"})
        ok = context.requireColumn(name, "HEAT Plus").has_value() && ok;
    if (!dateColumn) {
        context.requireColumn("date", "HEAT Plus");
        ok = false;
    }
    if (!ok)
        return;
    std::map<std::string, std::optional<std::size_t>> at;
    for (std::string_view name :
         {"setting", "source", "indicator_abbr", "indicator_name", "dimension", "subgroup", "estimate", "se",
          "ci_lb", "ci_ub", "population", "note", "setting_average", "favourable_indicator",
          "indicator_scale", "ordered_dimension", "subgroup_order", "reference_subgroup"})
        at[std::string(name)] = context.column(name);
    at["date"] = dateColumn;
    const std::pair<const char*, const char*> fields[] = {
        {"indicator_id", "indicator_abbr"}, {"area_code", "setting"}, {"period", "date"},
        {"characteristic", "dimension"},    {"group", "subgroup"},    {"value", "estimate"},
        {"standard_error", "se"},           {"lower_ci", "ci_lb"},    {"upper_ci", "ci_ub"},
        {"population", "population"},       {"note", "note"},         {"subgroup_order", "subgroup_order"}};
    for (const auto& [field, name] : fields)
        context.use(field, at[name]);
    for (const char* name : {"source", "indicator_name", "setting_average", "favourable_indicator",
                             "indicator_scale", "ordered_dimension", "reference_subgroup"})
        context.use({}, at[name]);

    std::map<std::string, Seen> favourable, scale, ordered, average;
    std::map<std::string, std::size_t> references;
    std::map<std::string, EvidenceRow> wholePopulation; // synthesised from setting_average
    std::set<std::string> hasAllRow;
    const auto consistent = [&context](std::map<std::string, Seen>& seen, const std::string& key,
                                       double value, std::optional<std::size_t> index,
                                       const std::string& per) {
        const auto [it, inserted] = seen.emplace(key, Seen{value, context.csv.line()});
        if (!inserted && it->second.value != value)
            context.error(context.cell(index),
                          context.header[*index] + " is " + shortNumber(value) + " here but " +
                              shortNumber(it->second.value) + " on line " + std::to_string(it->second.line) +
                              " for the same " + per,
                          "give one " + context.header[*index] + " per " + per);
    };
    const auto flag = [&context](std::optional<std::size_t> index) -> std::optional<bool> {
        const std::string text = trimmed(context.text(index));
        if (text == "0" || text == "1")
            return text == "1";
        context.error(context.cell(index), context.header[*index] + " must be 1 or 0, not '" + text + "'",
                      "write 1 for yes and 0 for no");
        return std::nullopt;
    };

    while (context.csv.next()) {
        if (!context.csv.checkFieldCount(context.header.size()) || context.csv.recordHasErrors())
            continue;
        bool complete = true;
        for (const char* name : {"setting", "date", "indicator_abbr", "dimension", "subgroup"})
            if (trimmed(context.text(at[name])).empty()) {
                context.error(context.cell(at[name]), std::string(name) + " is empty",
                              "HEAT Plus needs a value in every mandatory column");
                complete = false;
            }
        const std::string setting = trimmed(context.text(at["setting"]));
        const std::string date = trimmed(context.text(at["date"]));
        const std::string abbr = trimmed(context.text(at["indicator_abbr"]));
        const std::string dimension = trimmed(context.text(at["dimension"]));
        const std::string subgroup = trimmed(context.text(at["subgroup"]));

        const std::optional<bool> isFavourable = flag(at["favourable_indicator"]);
        const std::optional<bool> isOrdered = flag(at["ordered_dimension"]);
        const std::optional<bool> isReference = flag(at["reference_subgroup"]);
        const std::optional<double> indicatorScale = context.number(at["indicator_scale"]);
        if (indicatorScale && *indicatorScale <= 0)
            context.error(context.cell(at["indicator_scale"]),
                          "indicator_scale must be greater than 0, not " + shortNumber(*indicatorScale),
                          "write the scale the estimates are on: 1, 100, 1000...");
        const std::optional<double> order = context.subgroupOrder(at["subgroup_order"]);
        if (!complete)
            continue;
        if (isFavourable)
            consistent(favourable, abbr, *isFavourable ? 1 : 0, at["favourable_indicator"], "indicator");
        if (indicatorScale)
            consistent(scale, abbr, *indicatorScale, at["indicator_scale"], "indicator");
        if (isOrdered)
            consistent(ordered, dimension, *isOrdered ? 1 : 0, at["ordered_dimension"], "dimension");
        if (isOrdered && order && *isOrdered && *order < 1)
            context.error(context.cell(at["subgroup_order"]),
                          "subgroup_order must be 1 or more in an ordered dimension",
                          "number the subgroups 1..n starting from the most disadvantaged");
        if (isOrdered && order && !*isOrdered && *order != 0)
            context.error(context.cell(at["subgroup_order"]),
                          "subgroup_order must be 0 in a dimension that is not ordered",
                          "write 0, or set ordered_dimension to 1");
        if (isOrdered && isReference && *isOrdered && *isReference)
            context.error(context.cell(at["reference_subgroup"]),
                          "reference_subgroup must be 0 in an ordered dimension",
                          "ordered dimensions have no reference subgroup; write 0");
        const std::string source = trimmed(context.text(at["source"]));
        const std::string cellKey = setting + '\n' + date + '\n' + source + '\n' + abbr;
        if (isReference && *isReference) {
            const auto [it, inserted] = references.emplace(cellKey + '\n' + dimension, context.csv.line());
            if (!inserted)
                context.error(
                    context.cell(at["reference_subgroup"]),
                    "a second reference subgroup for this setting, date, indicator and dimension (the first "
                    "is on line " +
                        std::to_string(it->second) + ")",
                    "mark at most one subgroup per dimension with reference_subgroup 1");
        }
        const std::optional<double> settingAverage = context.number(at["setting_average"]);
        if (settingAverage)
            consistent(average, cellKey, *settingAverage, at["setting_average"],
                       "setting, date, source and indicator");

        EvidenceRow row;
        row.location = context.rowLocation();
        row.area = AreaCode{setting};
        row.period = date;
        row.value = context.number(at["estimate"]);
        row.standardError = context.number(at["se"]);
        row.lowerCi = context.number(at["ci_lb"]);
        row.upperCi = context.number(at["ci_ub"]);
        row.population = context.number(at["population"]);
        row.note = trimmed(context.text(at["note"]));
        if (order && *order > 0)
            row.subgroupOrder = static_cast<int>(*order);
        row.isReference = isReference.value_or(false);

        const std::optional<IndicatorId> indicator = context.resolveIndicator(abbr);
        if (!indicator) {
            context.unmapped("indicator", abbr);
            continue;
        }
        IndicatorHints& hints = context.set.indicatorHints[*indicator];
        hints.name = trimmed(context.text(at["indicator_name"]));
        if (isFavourable)
            hints.polarity = *isFavourable ? Polarity::HigherIsBetter : Polarity::LowerIsBetter;
        hints.scale = indicatorScale;
        if (settingAverage && !wholePopulation.count(cellKey)) {
            EvidenceRow all = row;
            all.indicator = *indicator;
            all.characteristic = kAllCharacteristic;
            all.group = kAllGroup;
            all.value = settingAverage;
            all.standardError.reset();
            all.lowerCi.reset();
            all.upperCi.reset();
            all.population.reset();
            all.subgroupOrder.reset();
            all.isReference = false;
            all.note = "setting_average of the HEAT Plus file";
            wholePopulation.emplace(cellKey, std::move(all));
        }

        const std::optional<CharacteristicId> characteristic = context.resolveCharacteristic(dimension);
        if (!characteristic) {
            context.unmapped("characteristic", dimension);
            continue;
        }
        if (isOrdered)
            context.set.characteristicOrdered[*characteristic] = *isOrdered;
        const std::optional<GroupCode> group = context.resolveGroup(*characteristic, subgroup);
        if (!group) {
            context.unmapped("group", characteristic->str() + ": " + subgroup);
            continue;
        }
        row.indicator = *indicator;
        std::tie(row.characteristic, row.group) =
            context.combine(*group == kAllGroup ? std::vector<std::pair<CharacteristicId, GroupCode>>{}
                                                : std::vector{std::make_pair(*characteristic, *group)});
        if (row.isWholePopulation())
            hasAllRow.insert(cellKey);
        context.keep(std::move(row));
    }
    // HEAT Plus has no whole-population subgroup; its setting_average is that value.
    for (auto& [key, row] : wholePopulation)
        if (!hasAllRow.count(key))
            context.keep(std::move(row));
}

} // namespace capeq
