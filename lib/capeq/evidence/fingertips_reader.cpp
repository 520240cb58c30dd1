// SPDX-License-Identifier: Apache-2.0
// The Fingertips data CSV (fingertips.phe.org.uk downloads and API `all_data/csv`).
#include <capeq/evidence/reader_support.hpp>

#include <array>
#include <tuple>

namespace capeq {

namespace {

// Columns CapEq reads; a row may lack the header's last column only when it is not one of these.
constexpr std::array<std::string_view, 16> kUsed = {"Indicator ID",
                                                    "Indicator Name",
                                                    "Area Code",
                                                    "Sex",
                                                    "Age",
                                                    "Category Type",
                                                    "Category",
                                                    "Time period",
                                                    "Value",
                                                    "Lower CI 95.0 limit",
                                                    "Upper CI 95.0 limit",
                                                    "Lower CI 99.8 limit",
                                                    "Upper CI 99.8 limit",
                                                    "Count",
                                                    "Denominator",
                                                    "Value note"};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

bool lastColumnIsUnused(const std::vector<std::string>& header) {
    const std::string last = normaliseLabel(header.back());
    for (std::string_view used : kUsed)
        if (normaliseLabel(used) == last)
            return false;
    return true;
}

} // namespace

void readFingertips(ReaderContext& context) {
    bool ok = true;
    for (std::string_view name : {"Indicator ID", "Area Code", "Time period", "Value"})
        ok = context.requireColumn(name, "Fingertips").has_value() && ok;
    if (!ok)
        return;
    std::map<std::string, std::optional<std::size_t>> at;
    for (std::string_view name : kUsed)
        at[std::string(name)] = context.column(name);
    const std::pair<std::string, std::string_view> fields[] = {{"indicator_id", "Indicator ID"},
                                                               {"area_code", "Area Code"},
                                                               {"characteristic", "Category Type"},
                                                               {"group", "Category"},
                                                               {"period", "Time period"},
                                                               {"value", "Value"},
                                                               {"lower_ci", "Lower CI 95.0 limit"},
                                                               {"upper_ci", "Upper CI 95.0 limit"},
                                                               {"lower_ci_998", "Lower CI 99.8 limit"},
                                                               {"upper_ci_998", "Upper CI 99.8 limit"},
                                                               {"numerator", "Count"},
                                                               {"denominator", "Denominator"},
                                                               {"note", "Value note"}};
    for (const auto& [field, name] : fields)
        context.use(field, at[std::string(name)]);
    context.use({}, at["Sex"]);
    context.use({}, at["Age"]);

    const std::size_t width = context.header.size();
    const bool shortRowsAllowed = lastColumnIsUnused(context.header);
    bool warnedShort = false;
    while (context.csv.next()) {
        if (context.csv.size() + 1 == width && shortRowsAllowed) {
            if (!warnedShort) {
                context.warning({context.csv.fileName(), context.csv.line(), width, context.header.back()},
                                "rows have " + std::to_string(width - 1) + " fields but the header has " +
                                    std::to_string(width) + "; the missing last column '" +
                                    context.header.back() + "' is read as empty (as Fingertips exports it)");
                warnedShort = true;
            }
        } else if (!context.csv.checkFieldCount(width)) {
            continue;
        }
        if (context.csv.recordHasErrors())
            continue;

        const std::string sourceId = trimmed(context.text(at["Indicator ID"]));
        const std::string name = normaliseLabel(context.text(at["Indicator Name"]));
        std::optional<IndicatorId> indicator = context.resolveIndicator(sourceId);
        if (!indicator && !name.empty())
            indicator = context.resolveIndicator(name);
        bool mapped = true;
        if (!indicator) {
            context.unmapped("indicator", name.empty() ? sourceId : sourceId + " " + name);
            mapped = false;
        } else if (!name.empty()) {
            context.set.indicatorHints[*indicator].name = trimmed(context.text(at["Indicator Name"]));
        }

        std::vector<std::pair<CharacteristicId, GroupCode>> parts;
        const auto addPart = [&](std::string_view breakdown, std::string_view label) {
            const std::optional<CharacteristicId> characteristic = context.resolveCharacteristic(breakdown);
            if (!characteristic) {
                context.unmapped("characteristic", std::string(breakdown));
                mapped = false;
                return;
            }
            const std::optional<GroupCode> group = context.resolveGroup(*characteristic, label);
            if (!group) {
                context.unmapped("group", characteristic->str() + ": " + std::string(label));
                mapped = false;
            } else if (*group != kAllGroup) {
                parts.emplace_back(*characteristic, *group);
            }
        };
        if (const std::string sex = trimmed(context.text(at["Sex"])); !sex.empty())
            addPart("Sex", sex);
        if (const std::string age = trimmed(context.text(at["Age"])); !age.empty())
            addPart("Age", age);
        if (const std::string type = trimmed(context.text(at["Category Type"])); !type.empty())
            addPart(type, trimmed(context.text(at["Category"])));

        EvidenceRow row;
        row.location = context.rowLocation();
        row.area = AreaCode{trimmed(context.text(at["Area Code"]))};
        row.period = trimmed(context.text(at["Time period"]));
        row.value = context.number(at["Value"]);
        row.lowerCi = context.number(at["Lower CI 95.0 limit"]);
        row.upperCi = context.number(at["Upper CI 95.0 limit"]);
        row.lowerCi998 = context.number(at["Lower CI 99.8 limit"]);
        row.upperCi998 = context.number(at["Upper CI 99.8 limit"]);
        row.numerator = context.number(at["Count"]);
        row.denominator = context.number(at["Denominator"]);
        row.note = trimmed(context.text(at["Value note"]));
        if (!mapped)
            continue;
        row.indicator = *indicator;
        std::tie(row.characteristic, row.group) = context.combine(std::move(parts));
        context.keep(std::move(row));
    }
}

} // namespace capeq
