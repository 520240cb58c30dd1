// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/linear_table.hpp>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace capeq {

void LinearTable::addConstraint(std::vector<Term> terms) {
    for (const Term& term : terms)
        if (term.first >= m_cellCount)
            throw std::out_of_range("LinearTable constraint refers to a cell beyond the table");
    m_constraints.push_back(std::move(terms));
}

void LinearTable::addSum(std::size_t total, const std::vector<std::size_t>& parts) {
    std::vector<Term> terms{{total, 1.0}};
    for (const std::size_t part : parts)
        terms.emplace_back(part, -1.0);
    addConstraint(std::move(terms));
}

std::vector<std::size_t> LinearTable::determinedCells(const std::vector<bool>& suppressed) const {
    if (suppressed.size() != m_cellCount)
        throw std::invalid_argument("suppression pattern size differs from the table's cell count");
    std::vector<std::size_t> hidden;
    for (std::size_t i = 0; i < m_cellCount; ++i)
        if (suppressed[i])
            hidden.push_back(i);
    if (hidden.empty())
        return {};
    std::vector<std::size_t> column(m_cellCount, 0);
    for (std::size_t k = 0; k < hidden.size(); ++k)
        column[hidden[k]] = k;

    // A_S: the constraints restricted to the suppressed unknowns. The published cells only move the
    // right-hand side, so they never affect which unknowns are pinned down.
    Eigen::MatrixXd restricted = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m_constraints.size()),
                                                       static_cast<Eigen::Index>(hidden.size()));
    for (std::size_t r = 0; r < m_constraints.size(); ++r)
        for (const Term& term : m_constraints[r])
            if (suppressed[term.first])
                restricted(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(column[term.first])) +=
                    term.second;

    std::vector<std::size_t> determined;
    if (restricted.rows() == 0)
        return determined;
    // x_s is free iff some null-space vector of A_S moves it. Full-pivot LU gives the kernel exactly for
    // the small integer matrices of margin constraints.
    Eigen::FullPivLU<Eigen::MatrixXd> lu(restricted);
    lu.setThreshold(1e-10);
    const Eigen::MatrixXd kernel = lu.dimensionOfKernel() > 0 ? Eigen::MatrixXd(lu.kernel())
                                                              : Eigen::MatrixXd::Zero(restricted.cols(), 0);
    for (std::size_t k = 0; k < hidden.size(); ++k) {
        double largest = 0.0;
        for (Eigen::Index j = 0; j < kernel.cols(); ++j)
            largest = std::max(largest, std::abs(kernel(static_cast<Eigen::Index>(k), j)));
        if (largest < 1e-9)
            determined.push_back(hidden[k]);
    }
    return determined;
}

namespace {
// The published cell with the smallest weight among those sharing a constraint with a suppressed cell
// that satisfies `touches`; cellCount() when there is none.
template <typename Predicate>
std::size_t cheapestPartner(const LinearTable& table, const std::vector<bool>& suppressed,
                            const std::vector<double>& weights, Predicate touches) {
    std::size_t best = table.cellCount();
    double bestWeight = std::numeric_limits<double>::infinity();
    for (const auto& constraint : table.constraints()) {
        if (std::none_of(constraint.begin(), constraint.end(), touches))
            continue;
        for (const LinearTable::Term& term : constraint) {
            if (suppressed[term.first] || term.second == 0.0)
                continue;
            if (weights[term.first] < bestWeight ||
                (weights[term.first] == bestWeight && term.first < best)) {
                bestWeight = weights[term.first];
                best = term.first;
            }
        }
    }
    return best;
}
} // namespace

std::vector<std::size_t> secondarySuppression(const std::vector<SuppressionLayer>& layers,
                                              std::vector<bool>& suppressed,
                                              const std::vector<double>& weights, bool& pinned) {
    pinned = false;
    std::vector<std::size_t> added;
    for (;;) {
        bool progressed = false;
        for (const SuppressionLayer& layer : layers) {
            const LinearTable& table = layer.table;
            if (weights.size() != table.cellCount() || layer.absent.size() != table.cellCount() ||
                suppressed.size() != table.cellCount())
                throw std::invalid_argument("secondary suppression inputs differ in size from the table");
            std::vector<bool> hidden(table.cellCount());
            for (std::size_t i = 0; i < hidden.size(); ++i)
                hidden[i] = suppressed[i] || layer.absent[i];
            std::vector<std::size_t> exposed;
            for (const std::size_t cell : table.determinedCells(hidden))
                if (suppressed[cell] && !layer.absent[cell])
                    exposed.push_back(cell);
            if (exposed.empty())
                continue;
            const std::size_t target = exposed.front();
            // Prefer a partner in one of the target's own relations; otherwise widen to any relation that
            // holds a hidden cell (the target may be pinned by a combination of relations).
            std::size_t next = cheapestPartner(table, hidden, weights,
                                               [&](const LinearTable::Term& t) { return t.first == target; });
            if (next == table.cellCount())
                next = cheapestPartner(table, hidden, weights,
                                       [&](const LinearTable::Term& t) { return hidden[t.first]; });
            if (next == table.cellCount()) {
                pinned = true;
                return added;
            }
            suppressed[next] = true;
            added.push_back(next);
            progressed = true;
            break;
        }
        if (!progressed)
            return added;
    }
}

} // namespace capeq
