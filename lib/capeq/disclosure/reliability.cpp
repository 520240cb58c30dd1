// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/reliability.hpp>

#include <cmath>

namespace capeq {

Reliability classifyReliability(std::optional<double> unweightedBase, const ReliabilityRule& rule) {
    if (!unweightedBase || !std::isfinite(*unweightedBase))
        return Reliability::BaseUnknown;
    if (*unweightedBase < rule.excludeBelow)
        return Reliability::ExcludedFromScores;
    if (*unweightedBase < rule.lowBelow)
        return Reliability::LowReliability;
    return Reliability::Reliable;
}

std::string reliabilityCode(Reliability reliability) {
    switch (reliability) {
    case Reliability::Reliable:
        return "";
    case Reliability::LowReliability:
        return "low_reliability";
    case Reliability::ExcludedFromScores:
        return "excluded_small_base";
    case Reliability::BaseUnknown:
        return "base_unknown";
    }
    return "base_unknown";
}

bool usableInScores(Reliability reliability) {
    return reliability != Reliability::ExcludedFromScores;
}

} // namespace capeq
