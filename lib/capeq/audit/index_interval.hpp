// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/scoring/scorer.hpp>
#include <capeq/stats/random.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace capeq::audit {

/// Settings of the parametric simulation that gives the capability-equality index its interval; all are
/// recorded in run.json and summary.json.
struct IntervalOptions {
    int draws = 200;     ///< rescorings per service; 0 turns intervals off
    double level = 0.95; ///< central percentile interval
    std::uint64_t seed = stats::kDefaultSeed;
};

/// The index's interval for one service. Absent (with reason) when no figure carries uncertainty: an
/// interval of zero width would claim a precision the evidence does not have.
struct IndexInterval {
    std::optional<double> lower;
    std::optional<double> upper;
    int draws = 0;        ///< draws that produced an index
    bool partial = false; ///< some scored figures had no uncertainty and were held fixed
    std::optional<double>
        drawMedian; ///< median of the rescored indices (their offset from the index is the bias)
    std::string unavailableReason;
};

/// The seed of one service's draws: options.seed mixed with an FNV-1a hash of service and area, so the
/// draws do not depend on which thread scores the service or in what order.
std::uint64_t unitSeed(std::uint64_t seed, const ServiceId& service, const AreaCode& area);

/// Draws every figure of input.rows with a standard error from its sampling distribution (normal on the
/// value scale; counts redrawn through their numerator), rescores the service with scoreService and
/// returns an interval for the overall index pointIndex: the draws' central percentile range, centred on
/// pointIndex (limits = pointIndex - (median - q_lo), pointIndex + (q_hi - median), within 0..100). Figures
/// without uncertainty stay fixed.
IndexInterval simulateIndexInterval(const ScoreInput& input, double pointIndex,
                                    const IntervalOptions& options);

} // namespace capeq::audit
