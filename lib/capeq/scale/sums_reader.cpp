// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/domain_sums.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

namespace capeq::scale {

namespace {

class Columns {
public:
    explicit Columns(const ResultTable& result)
        : m_result(result) {}

    std::size_t index(const std::string& column) const {
        const auto found = m_result.find(column);
        if (!found)
            throw std::runtime_error("the engine's result has no column '" + column +
                                     "': was it made by this spec's query?");
        return *found;
    }

    // Sums over no rows come back as NULL: they are zero.
    static double number(const std::optional<std::string>& cell) {
        if (!cell)
            return 0.0;
        double value = 0.0;
        const char* end = cell->data() + cell->size();
        const auto result = std::from_chars(cell->data(), end, value);
        if (result.ec != std::errc() || result.ptr != end)
            throw std::runtime_error("the engine returned '" + *cell + "' where a number was expected");
        return value;
    }

private:
    const ResultTable& m_result;
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

} // namespace

compute::ComputeSums readSums(const compute::ComputeSpec& spec, const ResultTable& result,
                              const std::string& source) {
    const Columns columns(result);
    const std::size_t characteristicCount = spec.characteristics.size();
    const std::size_t indicatorCount = spec.indicators.size();
    std::vector<std::size_t> grouping;
    std::vector<std::size_t> keys;
    for (std::size_t k = 0; k < characteristicCount; ++k) {
        grouping.push_back(columns.index(sumsColumnName("g", k)));
        keys.push_back(columns.index(sumsColumnName("k", k)));
    }
    std::vector<std::vector<std::size_t>> statistics(indicatorCount);
    for (std::size_t j = 0; j < indicatorCount; ++j) {
        for (const char* statistic : kIndicatorStatistics)
            statistics[j].push_back(columns.index(sumsColumnName(statistic, j)));
    }
    const std::size_t rowsColumn = columns.index("rows_n");
    const std::size_t badWeightColumn = columns.index("bad_w");

    const std::vector<TableShape> shapes = tableShapes(spec);
    std::vector<std::map<std::string, std::vector<compute::DomainSums>>> tables(shapes.size());
    compute::ComputeSums sums;
    double badWeights = 0.0;
    for (const auto& row : result.rows) {
        std::vector<std::size_t> set;
        bool outside = false;
        for (std::size_t k = 0; k < characteristicCount; ++k) {
            if (Columns::number(row[grouping[k]]) != 0.0)
                continue;
            set.push_back(k);
            outside = outside || !row[keys[k]];
        }
        if (set.empty()) {
            sums.designRows = static_cast<std::uint64_t>(Columns::number(row[rowsColumn]));
            badWeights = Columns::number(row[badWeightColumn]);
        }
        if (outside)
            continue; // rows missing, or not mapped, in one of this breakdown's characteristics
        std::vector<compute::DomainSums> domains(indicatorCount);
        for (std::size_t j = 0; j < indicatorCount; ++j) {
            const std::vector<std::size_t>& at = statistics[j];
            compute::CellSums cell;
            cell.shift = Columns::number(row[at[0]]);
            cell.n = static_cast<std::uint64_t>(Columns::number(row[at[1]]));
            cell.sumW = Columns::number(row[at[2]]);
            cell.sumWD = Columns::number(row[at[3]]);
            cell.sumW2 = Columns::number(row[at[4]]);
            cell.sumW2D = Columns::number(row[at[5]]);
            cell.sumW2D2 = Columns::number(row[at[6]]);
            cell.sumY = Columns::number(row[at[7]]);
            // All values equal: the group's variance is exactly 0 and its mean that value, as in process
            // (sums about a shared c would leave rounding noise where the SE must be 0).
            const double lowest = Columns::number(row[at[8]]);
            if (cell.n > 0 && lowest == Columns::number(row[at[9]])) {
                cell.shift = lowest;
                cell.sumWD = 0.0;
                cell.sumW2D = 0.0;
                cell.sumW2D2 = 0.0;
            }
            domains[j] = compute::DomainSums::fromCell(cell);
        }
        for (std::size_t t = 0; t < shapes.size(); ++t) {
            const TableShape& shape = shapes[t];
            if (shape.set != set || (set.empty() && sums.designRows == 0))
                continue;
            std::string group = "all";
            if (shape.first >= 0) {
                group = *row[keys[static_cast<std::size_t>(shape.first)]];
                if (shape.second >= 0)
                    group += "*" + *row[keys[static_cast<std::size_t>(shape.second)]];
            }
            tables[t][group] = domains;
        }
    }
    if (badWeights > 0.0) {
        Diagnostic diagnostic;
        diagnostic.where = {source, 0, 0, spec.weightColumn};
        diagnostic.message = std::to_string(static_cast<std::uint64_t>(badWeights)) +
                             " rows have a missing or negative weight in column '" + spec.weightColumn + "'";
        diagnostic.hint = "every row needs a weight >= 0; fix or exclude those rows in the table";
        throw InputError(std::move(diagnostic));
    }
    for (std::size_t t = 0; t < shapes.size(); ++t) {
        std::vector<std::pair<std::string, std::vector<compute::DomainSums>>> groups(tables[t].begin(),
                                                                                     tables[t].end());
        sortGroups(spec, shapes[t].first, shapes[t].second, groups);
        compute::TableSums table{shapes[t].id, {}};
        for (auto& [group, domains] : groups)
            table.groups.push_back({group, std::move(domains)});
        sums.tables.push_back(std::move(table));
    }
    return sums;
}

} // namespace capeq::scale
