// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/scoring/scores.hpp>
#include <capeq/scoring/scoring_profile.hpp>

#include <vector>

namespace capeq {

class ScoringCache;

/// What scoring one service in one period needs. rows hold that service's evidence for the period (any
/// other rows are ignored); previousRows the same service in the compared period, for widening and
/// red-red flags (may be empty); benchmarkRows whole-population values of a benchmark (e.g. the national
/// figure) per indicator for the same period (may be empty).
struct ScoreInput {
    const Catalogue& catalogue;
    ServiceId service;
    AreaCode area;
    std::string period;
    std::vector<EvidenceRow> rows;
    std::vector<EvidenceRow> previousRows;
    std::vector<EvidenceRow> benchmarkRows;
    ScoringProfile profile;
    WeightProfile weights;
    RuleSet rules;
    DisclosurePolicy disclosure; ///< cells it suppresses never enter a score (their figures would leak)
};

/// Scores one service (SPEC section 4): achievement, equality and equality-adjusted achievement per
/// indicator; cell, domain and overall capability-equality index; coverage; flags; optional grading.
/// Deterministic; never throws for awkward data (it is noted in ServiceScore::notes instead).
ServiceScore scoreService(const ScoreInput& input);

/// scoreService, recomputing only the indicators whose evidence or settings differ from what the cache
/// saw (scoring_cache.hpp); the result is identical to scoreService(input). For the studio, which
/// rescores after every edit.
ServiceScore scoreService(const ScoreInput& input, ScoringCache& cache);

/// Achievement on 0..100: 100 clamp((y - lo)/(hi - lo)), reversed for lower-is-better.
double achievementScore(double value, const Indicator& indicator);

/// The weighted geometric mean of scores floored at floor (weights > 0), or the arithmetic mean.
double combineScores(const std::vector<std::pair<double, double>>& scoresAndWeights, Aggregation aggregation,
                     double floor);

/// Flags of SPEC section 4, step 6 for one service (implemented in flags.cpp).
std::vector<Flag> raiseFlags(const ScoreInput& input, const std::vector<IndicatorScore>& scores);

/// EDS-style grading of domain scores with the rule set's grading (grading.cpp).
GradingResult gradeDomains(const std::vector<DomainScore>& domains, const std::vector<Flag>& flags,
                           const Grading& grading);

} // namespace capeq
