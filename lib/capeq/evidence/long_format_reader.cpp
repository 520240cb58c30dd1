// SPDX-License-Identifier: Apache-2.0
// CapEq's own long format (SPEC section 6), read strictly: unknown columns are errors.
#include <capeq/evidence/reader_support.hpp>

#include <algorithm>
#include <array>

namespace capeq {

namespace {

struct LongColumn {
    std::string_view name;
    bool required;
};

// sample_size, population and the 99.8% limits extend SPEC section 6; docs/FORMATS.md describes them.
constexpr std::array<LongColumn, 19> kColumns = {{{"indicator_id", true},
                                                  {"area_code", true},
                                                  {"service_id", false},
                                                  {"period", true},
                                                  {"characteristic", true},
                                                  {"group", true},
                                                  {"value", true},
                                                  {"standard_error", false},
                                                  {"lower_ci", false},
                                                  {"upper_ci", false},
                                                  {"numerator", false},
                                                  {"denominator", false},
                                                  {"population_share", false},
                                                  {"note", false},
                                                  {"sample_size", false},
                                                  {"population", false},
                                                  {"lower_ci_998", false},
                                                  {"upper_ci_998", false},
                                                  {"subgroup_order", false}}};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::string columnList() {
    std::string list;
    for (const LongColumn& column : kColumns)
        list += (list.empty() ? "" : ", ") + std::string(column.name);
    return list;
}

bool checkHeader(ReaderContext& context) {
    bool ok = true;
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < context.header.size(); ++i) {
        const std::string name = normaliseLabel(context.header[i]);
        const SourceLocation where{context.csv.fileName(), 1, i + 1, context.header[i]};
        const bool known = std::any_of(kColumns.begin(), kColumns.end(),
                                       [&name](const LongColumn& column) { return column.name == name; });
        const bool ignored =
            std::any_of(context.options.ignoreColumns.begin(), context.options.ignoreColumns.end(),
                        [&name](const std::string& c) { return normaliseLabel(c) == name; });
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            context.error(where, "column '" + context.header[i] + "' appears twice",
                          "remove one of the two columns");
            ok = false;
        } else if (!known && !ignored) {
            context.error(where, "unknown column '" + context.header[i] + "'",
                          "use only the columns " + columnList() +
                              ", or allow this one with --ignore-column");
            ok = false;
        }
        seen.push_back(name);
    }
    for (const LongColumn& column : kColumns)
        if (column.required && !context.requireColumn(column.name, "CapEq long-format"))
            ok = false;
    return ok;
}

} // namespace

void readLongFormat(ReaderContext& context) {
    if (!checkHeader(context))
        return;
    std::map<std::string, std::optional<std::size_t>> at;
    for (const LongColumn& column : kColumns) {
        at[std::string(column.name)] = context.column(column.name);
        context.use(std::string(column.name), context.column(column.name));
    }
    const auto required = [&context](std::optional<std::size_t> index, std::string_view what) {
        std::string value = trimmed(context.text(index));
        if (value.empty())
            context.error(context.cell(index), std::string(what) + " is empty",
                          what == "characteristic" || what == "group"
                              ? "write 'all' in characteristic and group for the whole population"
                              : "fill in the " + std::string(what) + " of every row");
        return value;
    };
    while (context.csv.next()) {
        if (!context.csv.checkFieldCount(context.header.size()) || context.csv.recordHasErrors())
            continue;
        EvidenceRow row;
        row.location = context.rowLocation();
        row.indicator = IndicatorId{required(at["indicator_id"], "indicator_id")};
        row.area = AreaCode{trimmed(context.text(at["area_code"]))};
        row.service = ServiceId{trimmed(context.text(at["service_id"]))};
        row.period = required(at["period"], "period");
        row.characteristic = CharacteristicId{required(at["characteristic"], "characteristic")};
        row.group = GroupCode{required(at["group"], "group")};
        row.value = context.number(at["value"]);
        row.standardError = context.number(at["standard_error"]);
        row.lowerCi = context.number(at["lower_ci"]);
        row.upperCi = context.number(at["upper_ci"]);
        row.lowerCi998 = context.number(at["lower_ci_998"]);
        row.upperCi998 = context.number(at["upper_ci_998"]);
        row.numerator = context.number(at["numerator"]);
        row.denominator = context.number(at["denominator"]);
        row.populationShare = context.number(at["population_share"]);
        row.population = context.number(at["population"]);
        row.sampleSize = context.number(at["sample_size"]);
        if (const auto order = context.subgroupOrder(at["subgroup_order"]))
            row.subgroupOrder = static_cast<int>(*order);
        row.note = trimmed(context.text(at["note"]));
        context.keep(std::move(row));
    }
}

} // namespace capeq
