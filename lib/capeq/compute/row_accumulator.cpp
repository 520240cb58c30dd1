// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/decimal_parser.hpp>
#include <capeq/compute/row_accumulator.hpp>

#include <algorithm>
#include <bit>
#include <cstring>

namespace capeq::compute {

namespace {

std::uint64_t hashCodes(const std::uint16_t* codes, std::size_t count) noexcept {
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL;
    for (std::size_t k = 0; k < count; ++k)
        hash = (hash ^ codes[k]) * 0xff51afd7ed558ccdULL;
    return hash ^ (hash >> 29);
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...'" : "'");
}

} // namespace

RowAccumulator::RowAccumulator(const ComputePlan& plan, std::size_t cellBudgetBytes)
    : m_plan(plan)
    , m_indicatorCount(plan.indicators.size())
    , m_characteristicCount(plan.characteristicColumns.size()) {
    for (const CharacteristicSpec& characteristic : plan.spec->characteristics) {
        CodeTable& table = m_codes.emplace_back(characteristic.groups.empty());
        for (const GroupMapping& group : characteristic.groups) {
            const std::uint16_t code = table.addGroup(group.code);
            for (const std::string& source : group.sources)
                table.addSource(source, code);
        }
        table.addSource("", CodeTable::kNoGroup);
        for (const std::string& missing : plan.spec->missing)
            table.addSource(missing, CodeTable::kNoGroup);
    }
    const std::size_t cellBytes = m_indicatorCount * sizeof(CellSums) +
                                  m_characteristicCount * sizeof(std::uint16_t) + 2 * sizeof(std::uint64_t);
    m_maxCells = std::max<std::size_t>(64, cellBudgetBytes / cellBytes);
    m_cellSlots.assign(std::bit_ceil(m_maxCells * 2), 0);
    m_slotMask = m_cellSlots.size() - 1;
    // Reserved once so growing never copies; pages are only resident once cells reach them.
    m_cellSums.reserve(m_maxCells * m_indicatorCount);
    m_cellCodes.reserve(m_maxCells * m_characteristicCount);
    m_cellHashes.reserve(m_maxCells);
    m_tables.resize(plan.tables.size());
    m_rowCodes.resize(m_characteristicCount);
    m_rowValues.resize(m_indicatorCount);
    m_rowPresent.resize(m_indicatorCount);
}

// Out of line: building the message must not weigh on the hot loop.
void RowAccumulator::reportBadValue(std::size_t j, std::string_view cell, RowProblem& problem) const {
    const std::size_t column = m_plan.indicators[j].column;
    problem = {column + 1, m_plan.header[column],
               "value " + quoted(cell) + " of mean indicator '" + m_plan.spec->indicators[j].id +
                   "' is not a number",
               "write a decimal number with a point, or add the code to 'missing' in the spec"};
}

bool RowAccumulator::addRow(const std::string_view* fields, std::uint64_t line, RowProblem& problem) {
    double weight = 0.0;
    const std::string_view weightCell = fields[m_plan.weightColumn];
    if (!parseDecimal(weightCell, weight) || weight < 0.0) {
        const bool empty = weightCell.empty();
        problem = {m_plan.weightColumn + 1, m_plan.header[m_plan.weightColumn],
                   empty ? "the weight is missing"
                         : "weight " + quoted(weightCell) +
                               (weight < 0.0 ? " is negative" : " is not a number"),
                   "every row needs a weight >= 0 written as a decimal number"};
        return false;
    }
    for (std::size_t j = 0; j < m_indicatorCount; ++j) {
        const IndicatorPlan& indicator = m_plan.indicators[j];
        const std::string_view cell = fields[indicator.column];
        m_rowPresent[j] = 0;
        if (isMissingCell(cell, indicator.missing))
            continue;
        if (indicator.filter != nullptr) {
            const std::string_view filterCell = fields[indicator.filterColumn];
            // A row whose filter value is unknown cannot be placed in the population: leave it out.
            if (isMissingCell(filterCell, m_plan.spec->missing) || !indicator.filter->matches(filterCell))
                continue;
        }
        double& y = m_rowValues[j];
        if (indicator.kind == IndicatorKind::Proportion) {
            double value = 0.0;
            y = (indicator.numeratorIsEquality
                     ? parseDecimal(cell, value) && value == indicator.numeratorValue
                     : indicator.numerator->matches(cell))
                    ? 1.0
                    : 0.0;
        } else if (!parseDecimal(cell, y)) {
            reportBadValue(j, cell, problem);
            return false;
        }
        m_rowPresent[j] = 1;
    }
    for (std::size_t k = 0; k < m_characteristicCount; ++k)
        m_rowCodes[k] = m_codes[k].lookup(fields[m_plan.characteristicColumns[k]], line);
    ++m_rows;
    CellSums* sums = &m_cellSums[findCell(m_rowCodes.data()) * m_indicatorCount];
    for (std::size_t j = 0; j < m_indicatorCount; ++j) {
        if (m_rowPresent[j] != 0)
            sums[j].add(m_rowValues[j], weight);
    }
    return true;
}

std::size_t RowAccumulator::findCell(const std::uint16_t* codes) {
    const std::size_t bytes = m_characteristicCount * sizeof(std::uint16_t);
    const std::uint64_t hash = hashCodes(codes, m_characteristicCount);
    std::size_t slot = hash & m_slotMask;
    while (m_cellSlots[slot] != 0) {
        const std::size_t cell = m_cellSlots[slot] - 1;
        if (m_cellHashes[cell] == hash &&
            std::memcmp(&m_cellCodes[cell * m_characteristicCount], codes, bytes) == 0)
            return cell;
        slot = (slot + 1) & m_slotMask;
    }
    if (m_cellCount == m_maxCells) {
        flush();
        slot = hash & m_slotMask;
    }
    const std::size_t cell = m_cellCount++;
    m_cellSlots[slot] = static_cast<std::uint32_t>(cell + 1);
    m_cellHashes.push_back(hash);
    m_cellCodes.insert(m_cellCodes.end(), codes, codes + m_characteristicCount);
    m_cellSums.resize(m_cellCount * m_indicatorCount);
    return cell;
}

void RowAccumulator::flush() {
    std::vector<DomainSums> centred(m_indicatorCount);
    for (std::size_t cell = 0; cell < m_cellCount; ++cell) {
        const std::uint16_t* codes = &m_cellCodes[cell * m_characteristicCount];
        const CellSums* sums = &m_cellSums[cell * m_indicatorCount];
        for (std::size_t j = 0; j < m_indicatorCount; ++j)
            centred[j] = DomainSums::fromCell(sums[j]);
        for (std::size_t t = 0; t < m_plan.tables.size(); ++t) {
            const TablePlan& plan = m_plan.tables[t];
            std::uint32_t key = 0;
            if (plan.first >= 0) {
                const std::uint16_t first = codes[plan.first];
                const std::uint16_t second = plan.second >= 0 ? codes[plan.second] : std::uint16_t{0};
                if (first == CodeTable::kNoGroup || second == CodeTable::kNoGroup)
                    continue; // this row is outside the table's breakdown
                key = (std::uint32_t{first} << 16) | second;
            }
            WorkerTable& table = m_tables[t];
            const auto [it, inserted] = table.index.try_emplace(key, table.keys.size());
            if (inserted) {
                table.keys.push_back(key);
                table.sums.resize(table.keys.size() * m_indicatorCount);
            }
            DomainSums* target = &table.sums[it->second * m_indicatorCount];
            for (std::size_t j = 0; j < m_indicatorCount; ++j)
                target[j].merge(centred[j]);
        }
    }
    m_cellCount = 0;
    std::fill(m_cellSlots.begin(), m_cellSlots.end(), 0U);
    m_cellHashes.clear();
    m_cellCodes.clear();
    m_cellSums.clear();
}

std::string RowAccumulator::groupName(std::size_t table, std::uint32_t key) const {
    const TablePlan& plan = m_plan.tables.at(table);
    if (plan.first < 0)
        return "all";
    std::string name = m_codes[plan.first].groups().at(key >> 16);
    if (plan.second >= 0)
        name += "*" + m_codes[plan.second].groups().at(key & 0xFFFF);
    return name;
}

} // namespace capeq::compute
