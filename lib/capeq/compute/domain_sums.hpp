// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/stats/weighted_estimates.hpp>

#include <cstddef>
#include <cstdint>

namespace capeq::compute {

/// Raw sums for the rows of one cell (rows sharing every group code) and one indicator, relative to the
/// first value the cell saw. The hot loop adds to these; cells are small and homogeneous, so the shift
/// is close to every value and the one-pass variance terms keep their precision.
struct CellSums {
    std::uint64_t n = 0;
    double shift = 0.0;
    double sumW = 0.0;
    double sumWD = 0.0; ///< of d = y - shift
    double sumW2 = 0.0;
    double sumW2D = 0.0;
    double sumW2D2 = 0.0;
    double sumY = 0.0; ///< unweighted: the count of "yes" rows for a proportion

    /// Adds one row: value y, weight w (w >= 0 is the caller's check).
    void add(double y, double w) noexcept {
        if (n == 0)
            shift = y;
        const double d = y - shift;
        const double w2 = w * w;
        ++n;
        sumW += w;
        sumWD += w * d;
        sumW2 += w2;
        sumW2D += w2 * d;
        sumW2D2 += w2 * d * d;
        sumY += y;
    }
};

/// A domain's sufficient statistics in centred form: its weighted mean and the w^2-weighted first and
/// second moments about that mean. Merging two domains is the stable pairwise update of Chan, Golub and
/// LeVeque (1979) extended to the w^2 moments, so no sum of large squares is ever differenced.
struct DomainSums {
    std::uint64_t n = 0;
    double sumW = 0.0;
    double mean = 0.0;     ///< sum w y / sum w, rounded to a double
    double firstW = 0.0;   ///< sum w (y - mean): zero but for the rounding of mean, kept so it is corrected
    double sumW2 = 0.0;    ///< sum w^2
    double firstW2 = 0.0;  ///< sum w^2 (y - mean)
    double secondW2 = 0.0; ///< sum w^2 (y - mean)^2
    double sumY = 0.0;     ///< unweighted sum of y (the unweighted numerator of a proportion)

    /// The centred form of a cell's raw sums (a cell with zero total weight keeps mean = its shift).
    static DomainSums fromCell(const CellSums& cell) noexcept;
    /// Adds another domain (exact algebra; rounding only from the difference of the two means).
    void merge(const DomainSums& other) noexcept;
    /// The same statistics as stats::WeightedSums (shifted by the mean), for stats::weightedMean: the one
    /// implementation of the estimator.
    stats::WeightedSums toWeightedSums() const;
};

} // namespace capeq::compute
