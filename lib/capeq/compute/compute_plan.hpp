// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_spec.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace capeq::compute {

/// One output table: the whole population, one characteristic, or an intersection of two.
struct TablePlan {
    std::string characteristic; ///< "all", a characteristic id or "a*b"
    int first = -1;             ///< characteristic index, -1 for the whole population
    int second = -1;            ///< second characteristic index for an intersection, else -1
};

/// An indicator resolved against the data's header.
struct IndicatorPlan {
    std::size_t column = 0;
    IndicatorKind kind = IndicatorKind::Mean;
    const Condition* numerator = nullptr; ///< points into the spec, which must outlive the plan
    bool numeratorIsEquality = false;     ///< numerator is `= number`: tested inline in the hot loop
    double numeratorValue = 0.0;
    const Condition* filter = nullptr;
    std::size_t filterColumn = 0;
    std::vector<std::string> missing; ///< the spec's codes plus the indicator's own; "" always missing
};

/// A compute spec bound to one file's columns: which field feeds what. Built once, shared read-only by
/// every worker thread.
struct ComputePlan {
    const ComputeSpec* spec = nullptr;
    std::vector<std::string> header;
    std::size_t weightColumn = 0;
    std::vector<std::size_t> characteristicColumns;
    std::vector<IndicatorPlan> indicators;
    std::vector<TablePlan> tables;

    /// Every column the plan reads, for nothing else needs to be looked at in a row.
    std::size_t columnCount() const noexcept { return header.size(); }
};

/// Binds spec to the data header. Throws InputError (pointing at the spec line) for a column that the
/// data lacks, listing the columns it has.
ComputePlan makeComputePlan(const ComputeSpec& spec, std::vector<std::string> header,
                            const std::string& dataFile);

/// True when cell is a missing value for this indicator: empty or one of its missing codes.
inline bool isMissingCell(std::string_view cell, const std::vector<std::string>& missing) noexcept {
    if (cell.empty())
        return true;
    for (const std::string& code : missing) {
        if (cell == code)
            return true;
    }
    return false;
}

} // namespace capeq::compute
