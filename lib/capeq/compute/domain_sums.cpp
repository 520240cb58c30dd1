// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/domain_sums.hpp>

namespace capeq::compute {

namespace {

// Moves w^2 moments about `from` to moments about `from + delta`:
// sum w^2 (y - from - delta) = first - delta * w2, and the square expands likewise.
void recentre(double& first, double& second, double w2, double delta) noexcept {
    second = second - 2.0 * delta * first + delta * delta * w2;
    first = first - delta * w2;
}

} // namespace

DomainSums DomainSums::fromCell(const CellSums& cell) noexcept {
    DomainSums sums;
    sums.n = cell.n;
    sums.sumW = cell.sumW;
    sums.sumW2 = cell.sumW2;
    sums.firstW2 = cell.sumW2D;
    sums.secondW2 = cell.sumW2D2;
    sums.sumY = cell.sumY;
    // The cell's weighted mean is shift + sumWD / sumW; |sumWD / sumW| is of the order of the cell's spread,
    // so recentring from the shift loses nothing worth having.
    const double offset = cell.sumW > 0.0 ? cell.sumWD / cell.sumW : 0.0;
    sums.mean = cell.shift + offset;
    const double delta = sums.mean - cell.shift; // exact: the two are close
    sums.firstW = cell.sumWD - delta * cell.sumW;
    recentre(sums.firstW2, sums.secondW2, sums.sumW2, delta);
    return sums;
}

void DomainSums::merge(const DomainSums& other) noexcept {
    if (other.n == 0)
        return;
    if (n == 0) {
        *this = other;
        return;
    }
    const double total = sumW + other.sumW;
    double combined = mean;
    if (total > 0.0)
        combined = mean + (other.mean - mean) * (other.sumW / total);
    // The means are rounded; the shifts are the exact differences between doubles, and firstW carries the
    // rounding forward so the finishing step removes its first-order effect on the variance.
    const double shiftThis = combined - mean;
    const double shiftOther = combined - other.mean;
    firstW = (firstW - shiftThis * sumW) + (other.firstW - shiftOther * other.sumW);
    double first = firstW2;
    double second = secondW2;
    recentre(first, second, sumW2, shiftThis);
    double otherFirst = other.firstW2;
    double otherSecond = other.secondW2;
    recentre(otherFirst, otherSecond, other.sumW2, shiftOther);
    n += other.n;
    sumW = total;
    mean = combined;
    sumW2 += other.sumW2;
    sumY += other.sumY;
    firstW2 = first + otherFirst;
    secondW2 = second + otherSecond;
}

stats::WeightedSums DomainSums::toWeightedSums() const {
    stats::WeightedSums sums;
    sums.shift = mean;
    sums.n = static_cast<std::size_t>(n);
    sums.sumW = sumW;
    sums.sumWY = firstW; // zero but for the rounding of mean: weightedMean corrects for it
    sums.sumW2 = sumW2;
    sums.sumW2Y = firstW2;
    sums.sumW2Y2 = secondW2;
    return sums;
}

} // namespace capeq::compute
