// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace capeq {

/// How far an estimate can be relied on, from its unweighted base (SPEC section 3). Separate from
/// disclosure: a low-reliability estimate is still published (flagged); an excluded one is shown to the
/// data's owner, marked, but never enters a score or a summary measure.
enum class Reliability { Reliable, LowReliability, ExcludedFromScores, BaseUnknown };

/// Thresholds of the reliability rule; defaults are n < 50 low reliability and n < 10 excluded.
struct ReliabilityRule {
    double lowBelow = 50.0;
    double excludeBelow = 10.0;
};

/// Classifies an estimate by its unweighted base; an unknown base is BaseUnknown (usable, but flagged).
Reliability classifyReliability(std::optional<double> unweightedBase, const ReliabilityRule& rule = {});

/// Stable code for outputs: "", "low_reliability", "excluded_small_base", "base_unknown".
std::string reliabilityCode(Reliability reliability);

/// True when the estimate may enter scores and summary measures.
bool usableInScores(Reliability reliability);

} // namespace capeq
