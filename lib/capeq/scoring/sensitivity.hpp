// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/scoring/scores.hpp>
#include <capeq/stats/random.hpp>

#include <cstdint>
#include <vector>

namespace capeq {

/// Settings of the weight-sensitivity analysis (SPEC section 4, step 7); all are recorded in outputs.
struct SensitivityOptions {
    int draws = 1000;
    double concentration = 50.0; ///< Dirichlet concentration: larger = perturbed weights nearer the profile
    std::uint64_t seed = stats::kDefaultSeed;
    int bands = 5; ///< rank bands (quintiles by default; fewer when there are fewer services)
};

/// How stable one service's rank band is when the weights move.
struct RankStability {
    ServiceId service;
    int rank = 0; ///< 1 = best overall index under the profile's weights
    int band = 0; ///< 1 = top band
    double probabilityKeepsBand = 0.0;
};

/// Draws domain and dimension weights from Dirichlet(concentration x w / sum w) around the profile,
/// rescores every service's domains and overall index from its cell scores, and returns, per service
/// (in input order), the share of draws in which it stays in its rank band. Services without an overall
/// index are left out. Deterministic for a given seed (CapEq's own gamma and normal draws).
std::vector<RankStability> rankStability(const std::vector<ServiceScore>& services,
                                         const WeightProfile& weights, Aggregation aggregation, double floor,
                                         const SensitivityOptions& options);

/// The rank band (1-based) of a 0-based rank among n services split into `bands` bands.
int rankBand(int rank, int n, int bands);

/// A draw from Gamma(shape, 1) (Marsaglia & Tsang 2000; shape < 1 by the boost U^(1/shape)). shape > 0.
double gammaDraw(stats::Rng& rng, double shape);

} // namespace capeq
