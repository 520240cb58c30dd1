// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/csv_reader.hpp>
#include <capeq/scale/sums_csv.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace capeq::scale {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string lowerCase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// How the engines write a missing value: BigQuery and Trino leave the field empty, Spark and psql can be
// told to write NULL or \N (Hive's convention).
std::optional<std::string> cellValue(std::string_view field) {
    const std::string_view text = trimmed(field);
    if (text.empty() || text == "\\N" || lowerCase(text) == "null")
        return std::nullopt;
    return std::string(text);
}

} // namespace

ResultTable readSumsCsv(const std::filesystem::path& file) {
    CsvReader reader(file);
    const std::string name = file.string();
    ResultTable table;
    if (!reader.next())
        throw InputError(Diagnostic{Severity::Error,
                                    {name, 0, 0, {}},
                                    "the sums file is empty",
                                    "export the sums query's result with its header line"});
    // Problems go through the reader, so syntax errors and these come out in line order.
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < reader.size(); ++i) {
        const std::string column = lowerCase(trimmed(reader[i]));
        const auto [at, inserted] = seen.emplace(column, i);
        if (!inserted)
            reader.report({Severity::Error,
                           {name, reader.line(), i + 1, column},
                           "column '" + column + "' appears twice in the header (also column " +
                               std::to_string(at->second + 1) + ")",
                           "export the query's result as it stands, one column per result column"});
        table.columns.push_back(column);
    }
    const std::size_t width = table.columns.size();
    while (reader.next()) {
        if (!reader.checkFieldCount(width) || reader.recordHasErrors())
            continue;
        bool repeatsHeader = true;
        for (std::size_t i = 0; i < width && repeatsHeader; ++i)
            repeatsHeader = lowerCase(trimmed(reader[i])) == table.columns[i];
        if (repeatsHeader) {
            reader.report({Severity::Error,
                           {name, reader.line(), 0, {}},
                           "the header line is repeated here",
                           "join the engine's part files without their header lines, or export the result "
                           "as one file"});
            continue;
        }
        auto& row = table.rows.emplace_back();
        for (std::size_t i = 0; i < width; ++i)
            row.push_back(cellValue(reader[i]));
        table.lines.push_back(reader.line());
    }
    if (reader.errorCount() > 0)
        throw InputError(reader.diagnostics());
    return table;
}

void refuseCodesReadAsNull(const compute::ComputeSpec& spec) {
    DiagnosticList problems;
    for (const compute::CharacteristicSpec& characteristic : spec.characteristics) {
        for (const compute::GroupMapping& group : characteristic.groups) {
            if (!cellValue(group.code))
                problems.error({spec.file, characteristic.line, 0, characteristic.id},
                               "group code '" + group.code + "' cannot be told from NULL in an exported CSV",
                               "rename the group in [characteristic " + characteristic.id +
                                   "], re-run --emit-sql and run the new query");
        }
    }
    problems.throwIfErrors();
}

} // namespace capeq::scale
