// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/domain_sums.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace capeq::scale {

namespace {

const char* const kRerun = "re-run `capeq compute --emit-sql` with this spec, run the new query and export "
                           "its whole result";

// The result's cells by name, with the place of each for messages: file, line and column when the result
// was read from a file, the source alone when it came from an engine.
class Cells {
public:
    Cells(const ResultTable& result, const std::string& source)
        : m_result(result)
        , m_source(source) {}

    std::optional<std::size_t> find(const std::string& column) const { return m_result.find(column); }

    SourceLocation at(std::size_t row, std::size_t column) const {
        if (m_result.lines.empty())
            return {m_source, 0, 0, m_result.columns[column]};
        return {m_source, m_result.lines[row], column + 1, m_result.columns[column]};
    }
    SourceLocation header(const std::string& column) const {
        return {m_source, m_result.lines.empty() ? 0U : 1U, 0, column};
    }
    std::string lineOf(std::size_t row) const {
        return m_result.lines.empty() ? "in the result" : "on line " + std::to_string(m_result.lines[row]);
    }

    [[noreturn]] void fail(SourceLocation where, std::string message, std::string hint) const {
        throw InputError(Diagnostic{Severity::Error, std::move(where), std::move(message), std::move(hint)});
    }

    // Sums over no rows come back as NULL: they are zero. Exports may write "+1", "1E+03" or "1.0e-5".
    double number(std::size_t row, std::size_t column) const {
        const std::optional<std::string>& cell = m_result.rows[row][column];
        if (!cell)
            return 0.0;
        std::string_view text(*cell);
        if (text.size() > 1 && text.front() == '+')
            text.remove_prefix(1);
        double value = 0.0;
        const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
        if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || !std::isfinite(value))
            fail(
                at(row, column), "'" + *cell + "' is not a number",
                "this column holds a sum or a count: export it as the engine gives it (no value: empty, NULL "
                "or \\N)");
        return value;
    }

    std::uint64_t count(std::size_t row, std::size_t column) const {
        const double value = number(row, column);
        if (value < 0.0 || value != std::floor(value) || value > 9.0e15)
            fail(at(row, column), "'" + m_result.rows[row][column].value_or("") + "' is not a count of rows",
                 "the column holds a whole number of rows; check that the columns were not shifted");
        return static_cast<std::uint64_t>(value);
    }

    // GROUPING(k): 1 where the breakdown leaves characteristic k out.
    bool leftOut(std::size_t row, std::size_t column) const {
        const double flag = number(row, column);
        if (flag != 0.0 && flag != 1.0)
            fail(at(row, column),
                 "'" + m_result.rows[row][column].value_or("") + "' is not a GROUPING() flag",
                 "the column holds 0 or 1; check that the columns were not shifted");
        return flag == 1.0;
    }

    const std::optional<std::string>& text(std::size_t row, std::size_t column) const {
        return m_result.rows[row][column];
    }

private:
    const ResultTable& m_result;
    const std::string& m_source;
};

std::vector<std::string> declaredOrder(const compute::CharacteristicSpec& characteristic) {
    std::vector<std::string> order;
    for (const compute::GroupMapping& group : characteristic.groups)
        order.push_back(group.code);
    return order;
}

// The in-process engine's order: a characteristic's declared groups first to last, identity groups (and
// ties) in text order of the full group name.
void sortGroups(const compute::ComputeSpec& spec, int first, int second,
                std::vector<std::pair<std::string, std::vector<compute::DomainSums>>>& groups) {
    if (first < 0)
        return;
    const auto firstOrder = declaredOrder(spec.characteristics[static_cast<std::size_t>(first)]);
    const auto secondOrder = second >= 0
                                 ? declaredOrder(spec.characteristics[static_cast<std::size_t>(second)])
                                 : std::vector<std::string>{};
    const auto rank = [](const std::vector<std::string>& order, const std::string& code) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), code) - order.begin());
    };
    const auto key = [&](const std::string& name) {
        const std::size_t star = name.find('*');
        return std::make_pair(rank(firstOrder, name.substr(0, star)),
                              star == std::string::npos ? 0 : rank(secondOrder, name.substr(star + 1)));
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto& a, const auto& b) { return key(a.first) < key(b.first); });
}

struct TableShape {
    std::string id;
    int first = -1;
    int second = -1;
    std::vector<std::size_t> set; ///< the grouping set, ascending
};

std::vector<TableShape> tableShapes(const compute::ComputeSpec& spec) {
    std::vector<TableShape> shapes{{"all", -1, -1, {}}};
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        shapes.push_back({spec.characteristics[k].id, static_cast<int>(k), -1, {k}});
    for (const compute::IntersectionSpec& intersection : spec.intersections)
        shapes.push_back({spec.intersectionId(intersection),
                          static_cast<int>(intersection.first),
                          static_cast<int>(intersection.second),
                          {std::min(intersection.first, intersection.second),
                           std::max(intersection.first, intersection.second)}});
    return shapes;
}

// Where each of the result's columns is.
struct ColumnIndex {
    std::vector<std::size_t> grouping;
    std::vector<std::size_t> keys;
    std::vector<std::size_t> unmapped;
    std::vector<std::vector<std::size_t>> statistics;
    std::size_t rows = 0;
    std::size_t badWeights = 0;
};

// Every missing column is named in one message.
ColumnIndex indexColumns(const compute::ComputeSpec& spec, const Cells& cells) {
    std::vector<std::string> missing;
    const auto index = [&](const std::string& column) -> std::size_t {
        if (const auto found = cells.find(column))
            return *found;
        missing.push_back(column);
        return 0;
    };
    ColumnIndex columns;
    // Checked before this: a spec_sha that is present matches, so the query was this spec's and the
    // columns were lost on the way out.
    const bool fingerprinted = cells.find("spec_sha").has_value();
    if (!fingerprinted)
        missing.push_back("spec_sha");
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k) {
        columns.grouping.push_back(index(sumsColumnName("g", k)));
        columns.keys.push_back(index(sumsColumnName("k", k)));
        columns.unmapped.push_back(index(sumsColumnName("u", k)));
    }
    columns.statistics.resize(spec.indicators.size());
    for (std::size_t j = 0; j < spec.indicators.size(); ++j) {
        for (const char* statistic : kIndicatorStatistics)
            columns.statistics[j].push_back(index(sumsColumnName(statistic, j)));
    }
    columns.rows = index("rows_n");
    columns.badWeights = index("bad_w");
    if (missing.empty())
        return columns;
    std::string message = "the sums have no column '" + missing.front() + "'";
    if (missing.size() > 1) {
        constexpr std::size_t kNamed = 8;
        message = "the sums lack " + std::to_string(missing.size()) + " of the spec's columns: ";
        for (std::size_t i = 0; i < std::min(missing.size(), kNamed); ++i)
            message += (i == 0 ? "'" : ", '") + missing[i] + "'";
        if (missing.size() > kNamed)
            message += ", ...";
    }
    cells.fail(cells.header(missing.front()), message,
               fingerprinted ? "export every column of the query's result" : kRerun);
}

// A result made for another spec would give plausible but wrong estimates: refuse it.
void checkFingerprint(const compute::ComputeSpec& spec, const Cells& cells, std::size_t rowCount) {
    const std::optional<std::size_t> column = cells.find("spec_sha");
    if (!column)
        return; // indexColumns reports it
    const std::string expected = specFingerprint(spec);
    for (std::size_t row = 0; row < rowCount; ++row) {
        const std::string found = cells.text(row, *column).value_or("");
        if (found != expected)
            cells.fail(cells.at(row, *column),
                       "the sums were made by another spec's query (spec_sha '" + found + "', " + spec.file +
                           " gives '" + expected + "')",
                       kRerun);
    }
}

compute::DomainSums indicatorSums(const Cells& cells, std::size_t row, const std::vector<std::size_t>& at) {
    compute::CellSums cell;
    cell.shift = cells.number(row, at[0]);
    cell.n = cells.count(row, at[1]);
    cell.sumW = cells.number(row, at[2]);
    cell.sumWD = cells.number(row, at[3]);
    cell.sumW2 = cells.number(row, at[4]);
    cell.sumW2D = cells.number(row, at[5]);
    cell.sumW2D2 = cells.number(row, at[6]);
    cell.sumY = cells.number(row, at[7]);
    // All values equal: the group's variance is exactly 0 and its mean that value, as in process (sums
    // about a shared c would leave rounding noise where the SE must be 0).
    const double lowest = cells.number(row, at[8]);
    if (cell.n > 0 && lowest == cells.number(row, at[9])) {
        cell.shift = lowest;
        cell.sumWD = 0.0;
        cell.sumW2D = 0.0;
        cell.sumW2D2 = 0.0;
    }
    return compute::DomainSums::fromCell(cell);
}

// A code the spec does not declare means the query was made from an older spec.
void checkGroupCode(const compute::ComputeSpec& spec, const Cells& cells, std::size_t row, std::size_t k,
                    std::size_t column) {
    const compute::CharacteristicSpec& characteristic = spec.characteristics[k];
    if (characteristic.groups.empty())
        return;
    const std::vector<std::string> codes = declaredOrder(characteristic);
    const std::string& code = *cells.text(row, column);
    if (std::find(codes.begin(), codes.end(), code) == codes.end())
        cells.fail(cells.at(row, column),
                   "group '" + code + "' is not a group of characteristic '" + characteristic.id + "' in " +
                       spec.file,
                   kRerun);
}

std::string describeSet(const std::vector<std::size_t>& set) {
    std::string text;
    for (const std::size_t k : set)
        text += (text.empty() ? "" : ", ") + sumsColumnName("k", k);
    return text;
}

} // namespace

SumsReading readSumsResult(const compute::ComputeSpec& spec, const ResultTable& result,
                           const std::string& source) {
    const Cells cells(result, source);
    // The fingerprint first: for sums of another spec it says why columns are missing or extra.
    checkFingerprint(spec, cells, result.rows.size());
    const ColumnIndex columns = indexColumns(spec, cells);
    const std::size_t characteristicCount = spec.characteristics.size();

    const std::vector<TableShape> shapes = tableShapes(spec);
    std::vector<std::map<std::string, std::pair<std::size_t, std::vector<compute::DomainSums>>>> tables(
        shapes.size());
    SumsReading reading;
    reading.unmappedRows.assign(characteristicCount, 0);
    bool sawWholePopulation = false;
    std::uint64_t badWeights = 0;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
        std::vector<std::size_t> set;
        bool outside = false;
        for (std::size_t k = 0; k < characteristicCount; ++k) {
            if (cells.leftOut(row, columns.grouping[k]))
                continue;
            set.push_back(k);
            outside = outside || !cells.text(row, columns.keys[k]);
        }
        const bool known = std::any_of(shapes.begin(), shapes.end(),
                                       [&](const TableShape& shape) { return shape.set == set; });
        if (!known)
            cells.fail(cells.at(row, columns.grouping.front()),
                       "this row groups by " + describeSet(set) + ", which is no breakdown of " + spec.file,
                       kRerun);
        if (set.empty()) {
            sawWholePopulation = true;
            reading.sums.designRows = cells.count(row, columns.rows);
            badWeights = cells.count(row, columns.badWeights);
            for (std::size_t k = 0; k < characteristicCount; ++k)
                reading.unmappedRows[k] = cells.count(row, columns.unmapped[k]);
        }
        if (outside)
            continue; // rows missing, or not mapped, in one of this breakdown's characteristics
        for (const std::size_t k : set)
            checkGroupCode(spec, cells, row, k, columns.keys[k]);
        std::vector<compute::DomainSums> domains;
        for (std::size_t j = 0; j < spec.indicators.size(); ++j)
            domains.push_back(indicatorSums(cells, row, columns.statistics[j]));
        for (std::size_t t = 0; t < shapes.size(); ++t) {
            const TableShape& shape = shapes[t];
            if (shape.set != set || (set.empty() && reading.sums.designRows == 0))
                continue;
            std::string group = "all";
            if (shape.first >= 0) {
                group = *cells.text(row, columns.keys[static_cast<std::size_t>(shape.first)]);
                if (shape.second >= 0)
                    group += "*" + *cells.text(row, columns.keys[static_cast<std::size_t>(shape.second)]);
            }
            const auto [at, inserted] = tables[t].try_emplace(group, row, domains);
            if (!inserted)
                cells.fail(cells.at(row, columns.rows),
                           "group '" + group + "' of breakdown '" + shape.id + "' appears twice (first " +
                               cells.lineOf(at->second.first) + ")",
                           "export the query's result once: every group has one row");
        }
    }
    if (!sawWholePopulation)
        cells.fail({source, 0, 0, {}}, "the sums have no row for the whole population (every g_ column 1)",
                   "export every row of the query's result");
    if (badWeights > 0)
        cells.fail({source, 0, 0, spec.weightColumn},
                   std::to_string(badWeights) + " rows have a missing or negative weight in column '" +
                       spec.weightColumn + "'",
                   "every row needs a weight >= 0; fix or exclude those rows in the table");
    for (std::size_t t = 0; t < shapes.size(); ++t) {
        std::vector<std::pair<std::string, std::vector<compute::DomainSums>>> groups;
        for (auto& [group, found] : tables[t])
            groups.emplace_back(group, std::move(found.second));
        sortGroups(spec, shapes[t].first, shapes[t].second, groups);
        compute::TableSums table{shapes[t].id, {}};
        for (auto& [group, domains] : groups)
            table.groups.push_back({group, std::move(domains)});
        reading.sums.tables.push_back(std::move(table));
    }
    return reading;
}

compute::ComputeSums readSums(const compute::ComputeSpec& spec, const ResultTable& result,
                              const std::string& source) {
    SumsReading reading = readSumsResult(spec, result, source);
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k) {
        if (reading.unmappedRows[k] == 0)
            continue;
        const compute::CharacteristicSpec& characteristic = spec.characteristics[k];
        reading.sums.warnings.push_back(
            {Severity::Warning,
             {source, 0, 0, characteristic.column},
             std::to_string(reading.unmappedRows[k]) + " rows have a value of characteristic '" +
                 characteristic.id +
                 "' that no group maps (left out of its breakdown, kept in 'all'); the sums do not say "
                 "which values",
             "list them in the engine with: SELECT " + characteristic.column +
                 ", COUNT(*) FROM <table> GROUP BY 1; then map them with 'group = CODE | VALUE' in "
                 "[characteristic " +
                 characteristic.id + "] of " + spec.file + ", or list them under 'missing'"});
    }
    return std::move(reading.sums);
}

} // namespace capeq::scale
