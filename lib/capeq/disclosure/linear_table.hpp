// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace capeq {

/// The published numbers of one table as unknowns tied by linear relations (margins): each constraint
/// says sum(coefficient * cell) = 0, e.g. total - female - male = 0. Anyone who sees the published cells
/// and knows the relations can solve for what is left; this type answers what they can recover.
class LinearTable {
public:
    using Term = std::pair<std::size_t, double>; ///< (cell index, coefficient)

    explicit LinearTable(std::size_t cellCount)
        : m_cellCount(cellCount) {}

    std::size_t cellCount() const noexcept { return m_cellCount; }
    const std::vector<std::vector<Term>>& constraints() const noexcept { return m_constraints; }

    /// Adds sum(coefficient * cell) = 0. Cell indices must be < cellCount(); throws std::out_of_range.
    void addConstraint(std::vector<Term> terms);
    /// Convenience: total = sum(parts).
    void addSum(std::size_t total, const std::vector<std::size_t>& parts);

    /// Indices of suppressed cells whose exact value follows from the published cells and the constraints
    /// (x_s is determined iff every vector in the null space of the suppressed columns is zero at s).
    /// suppressed.size() must equal cellCount().
    std::vector<std::size_t> determinedCells(const std::vector<bool>& suppressed) const;

private:
    std::size_t m_cellCount;
    std::vector<std::vector<Term>> m_constraints;
};

/// One additive quantity of a table (numerators, denominators, ...): its relations, and which cells do not
/// publish that quantity at all (unknown to a reader whether or not the cell is suppressed).
struct SuppressionLayer {
    LinearTable table;
    std::vector<bool> absent;
};

/// Extends a suppression pattern until, in every layer, no suppressed cell that publishes the layer's
/// quantity is determined by what is published. Repeatedly suppresses the published cell with the smallest
/// weight among those sharing a relation with an exposed cell (weights: e.g. the unweighted base; give
/// cells that should stay published a large weight). Returns the cells newly suppressed, in order; sets
/// pinned when some cell stays determined with nothing left to hide (the caller must withhold the table).
std::vector<std::size_t> secondarySuppression(const std::vector<SuppressionLayer>& layers,
                                              std::vector<bool>& suppressed,
                                              const std::vector<double>& weights, bool& pinned);

} // namespace capeq
