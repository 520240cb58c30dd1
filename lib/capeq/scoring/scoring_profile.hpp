// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/disclosure/reliability.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace capeq {

/// How a group's shortfall from the best group is measured (SPEC section 4, step 2).
enum class EqualityMeasure {
    Shortfall,            ///< (y_best - y_worst) on the goalpost scale: / (hi - lo)
    RelativeShortfall,    ///< 1 - y_worst / y_best (lower-is-better: 1 - y_best / y_worst)
    AttributableFraction, ///< population attributable fraction with the best group as reference
};
/// Which best-worst gaps lower the equality score.
enum class GapCounting { SignificantOnly, AllGaps };
/// How domain scores combine into the overall index.
enum class Aggregation { Geometric, Arithmetic };

/// A scoring profile: the choices of SPEC section 4 that a user may change, loaded from data
/// (indicators/profiles/*.ini). The defaults are the default profile.
struct ScoringProfile {
    std::string id = "default";
    std::string name = "Default capability-equality profile";
    std::string description;
    EqualityMeasure equality = EqualityMeasure::Shortfall;
    GapCounting gaps = GapCounting::SignificantOnly;
    double significanceLevel = 0.95;
    Aggregation aggregation = Aggregation::Geometric;
    double floor = 1.0;          ///< domain scores are floored at this before the geometric mean
    int partialBelowDomains = 5; ///< an index on fewer domains is labelled partial
    ReliabilityRule reliability;
};

/// The kinds of flag of SPEC section 4, step 6.
enum class FlagKind {
    BelowMinimumStandard,  ///< a group (or everyone) below the indicator's minimum standard
    SignificantWorseGap,   ///< a group significantly worse than the reference group
    LargeGapNoUncertainty, ///< a gap above the rule set's threshold where no uncertainty is available
    Widening,              ///< the best-worst gap widened significantly since the compared period
    RedRed,                ///< significantly worse than the benchmark and significantly worsening
};
/// Stable ids: "below_minimum_standard", "significant_worse_gap", "large_gap_no_uncertainty", "widening",
/// "red_red".
std::string toString(FlagKind kind);
std::optional<FlagKind> parseFlagKind(const std::string& text);

/// NHS Equality Delivery System 2022-style grading: each domain graded 0-3 from its score, grades summed,
/// the sum banded. Labels, score thresholds and band limits are data.
struct Grading {
    std::array<std::string, 4> labels{"Undeveloped", "Developing", "Achieving", "Excelling"};
    std::array<double, 3> scoreThresholds{40.0, 60.0, 80.0}; ///< a domain score >= t[k] earns grade k+1
    bool capAtDevelopingOnWorseGap = true; ///< a domain with a significant worse gap gets at most grade 1
    /// The overall band from sum / (3 x graded domains): below b[0] Undeveloped, below b[1] Developing,
    /// below b[2] Achieving, else Excelling.
    std::array<double, 3> bandFractions{0.25, 0.66, 1.0};
};

/// A rule set for audits: which flags make a breach, thresholds, and optional grading (indicators/rules).
struct RuleSet {
    std::string id = "default";
    std::string name = "Default rules";
    std::string description;
    std::set<FlagKind> breachFlags{FlagKind::BelowMinimumStandard, FlagKind::SignificantWorseGap,
                                   FlagKind::RedRed};
    double largeGapThreshold = 10.0; ///< on the 0-100 goalpost scale, for estimates without uncertainty
    std::optional<Grading> grading;
};

/// Loads `[profile ID]` from an INI file. Throws InputError listing every problem with file and line.
ScoringProfile loadScoringProfile(const std::filesystem::path& file);
/// Loads `[weights ID]` with `[domain]` and `[dimension]` sections of `id = weight` (weights >= 0).
WeightProfile loadWeightProfile(const std::filesystem::path& file);
/// Loads `[rules ID]` and an optional `[grading]` section.
RuleSet loadRuleSet(const std::filesystem::path& file);

/// Resolves a profile, weight profile or rule set given by the user: an existing file path, or a name
/// looked up as <data>/indicators/<kind>/<name>.ini (kind: "profiles", "weights", "rules"). Throws
/// InputError listing the names available when nothing matches.
std::filesystem::path resolveScoringFile(const std::string& nameOrPath, const std::string& kind);

} // namespace capeq
