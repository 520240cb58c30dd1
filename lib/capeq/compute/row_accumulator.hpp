// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/code_table.hpp>
#include <capeq/compute/compute_plan.hpp>
#include <capeq/compute/domain_sums.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace capeq::compute {

/// A problem with one data row, before the scanner adds the file and line.
struct RowProblem {
    std::size_t column = 0; ///< 1-based field number
    std::string field;      ///< the column's header
    std::string message;
    std::string hint;
};

/// One table's domains as a worker found them: group key -> sums for every indicator.
struct WorkerTable {
    std::unordered_map<std::uint32_t, std::size_t> index; ///< group key -> position in keys
    std::vector<std::uint32_t> keys;
    std::vector<DomainSums> sums; ///< keys.size() x indicator count
};

/// The per-thread state of the compute engine: turns rows into sufficient statistics. Rows are first
/// added to cells (one per distinct combination of group codes, so a row costs one update per indicator
/// whatever the number of tables); a full cell table, and the end of the data, fold the cells into each
/// table's domains. Memory is bounded by cellBudgetBytes, not by the number of rows.
class RowAccumulator {
public:
    RowAccumulator(const ComputePlan& plan, std::size_t cellBudgetBytes);

    /// Adds one record of plan.columnCount() fields; line is only used for first-seen notes. Returns false
    /// with problem filled (nothing added) for an unusable weight or a non-numeric mean value.
    bool addRow(const std::string_view* fields, std::uint64_t line, RowProblem& problem);
    /// Folds the cells into the tables; called at the end (and by addRow when the cell table is full).
    void flush();

    std::uint64_t rows() const noexcept { return m_rows; }
    std::size_t columnCount() const noexcept { return m_plan.columnCount(); }
    const std::vector<WorkerTable>& tables() const noexcept { return m_tables; }
    const std::vector<CodeTable>& codeTables() const noexcept { return m_codes; }
    /// Text of a table's group key, e.g. "female*black"; "all" for the whole population.
    std::string groupName(std::size_t table, std::uint32_t key) const;

private:
    std::size_t findCell(const std::uint16_t* codes);
    void reportBadValue(std::size_t j, std::string_view cell, RowProblem& problem) const;

    const ComputePlan& m_plan;
    std::size_t m_indicatorCount;
    std::size_t m_characteristicCount;
    std::vector<CodeTable> m_codes;
    std::uint64_t m_rows = 0;

    std::size_t m_maxCells;
    std::size_t m_cellCount = 0;
    std::vector<std::uint32_t> m_cellSlots; ///< open addressing; 0 = empty, else cell + 1
    std::size_t m_slotMask = 0;
    std::vector<std::uint64_t> m_cellHashes;
    std::vector<std::uint16_t> m_cellCodes; ///< cell x characteristic
    std::vector<CellSums> m_cellSums;       ///< cell x indicator

    std::vector<WorkerTable> m_tables;
    std::vector<std::uint16_t> m_rowCodes;
    std::vector<double> m_rowValues;
    std::vector<std::uint8_t> m_rowPresent;
};

} // namespace capeq::compute
