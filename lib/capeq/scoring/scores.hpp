// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/reliability.hpp>
#include <capeq/scoring/scoring_profile.hpp>
#include <capeq/stats/estimate.hpp>

#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// Why a characteristic's best-worst gap did or did not lower an indicator's equality score.
enum class GapStatus {
    Counted,       ///< significant at the profile's level (or the profile counts every gap)
    Unclear,       ///< not significant: equality 100, listed as "unclear"
    NoUncertainty, ///< no SE, CI or counts: the gap counts as measured, never called significant
    NoGap,         ///< the best group is also the worst (a single usable group, or all equal)
};
/// "counted", "unclear", "no_uncertainty", "no_gap".
std::string toString(GapStatus status);

/// GroupFigure::excludedBecause of a group that disclosure control suppressed.
inline constexpr const char* kSuppressedByDisclosure = "suppressed by disclosure control";

/// One group's figure as the score used it (or why it did not). A suppressed group keeps no figures at all
/// (estimate and base empty), so no screen or report can show them by forgetting to check.
struct GroupFigure {
    GroupCode group;
    stats::Estimate estimate;
    std::optional<double> base; ///< unweighted base, where known
    Reliability reliability = Reliability::BaseUnknown;
    bool usedInScore = false;
    std::string excludedBecause; ///< non-empty when not used: small base, suppressed, ...

    bool suppressed() const { return excludedBecause == kSuppressedByDisclosure; }
};

/// Equality of one indicator on one characteristic (SPEC section 4, step 2).
struct CharacteristicEquality {
    CharacteristicId characteristic;
    std::vector<GroupFigure> groups;
    GroupCode best;
    GroupCode worst;
    double shortfall = 0.0;  ///< S_ic on 0..1
    double equality = 100.0; ///< E_ic = 100 (1 - S_ic)
    GapStatus status = GapStatus::NoGap;
    std::optional<stats::Estimate> bestMinusWorst; ///< the difference tested for significance
};

/// Achievement, equality and equality-adjusted achievement of one indicator (steps 1-3), on 0..100.
struct IndicatorScore {
    IndicatorId indicator;
    DomainId domain;
    DimensionId dimension;
    stats::Estimate whole;    ///< the whole-population estimate
    double achievement = 0.0; ///< A_i
    double equality = 100.0;  ///< E_i: mean of E_ic over the characteristics assessed (100 when none)
    double adjusted = 0.0;    ///< EA_i = A_i x E_i / 100
    std::vector<CharacteristicEquality> characteristics;
    double weight = 1.0;
};

/// The score of one domain x dimension cell: weighted mean of its indicators' EA_i.
struct CellScore {
    DomainId domain;
    DimensionId dimension;
    std::optional<double> score; ///< absent when no indicator in the cell has usable evidence
    std::vector<IndicatorId> indicators;
};

/// The score of one domain: weighted mean of its cells (dimension weights).
struct DomainScore {
    DomainId domain;
    std::optional<double> score;
    double weight = 1.0;
    int cellsWithEvidence = 0;
};

/// How much of the framework the evidence covers (SPEC section 4, step 5).
struct Coverage {
    int cellsWithEvidence = 0;
    int cellsTotal = 0;
    int domainsWithEvidence = 0;
    int domainsTotal = 0;
    std::vector<CharacteristicId> characteristicsAssessed;
    std::vector<std::string> cellsWithoutEvidence; ///< "domain x dimension"
    bool partial = false;                          ///< fewer domains than the profile requires
};

/// One flag raised for a service (SPEC section 4, step 6).
struct Flag {
    FlagKind kind;
    IndicatorId indicator;
    DomainId domain;
    CharacteristicId characteristic; ///< empty for whole-population flags
    GroupCode group;
    std::string message; ///< plain words, with the figures
    bool breach = false; ///< the rule set counts this kind as a breach
};

/// EDS-style grades per domain and the overall band.
struct GradingResult {
    std::vector<std::pair<DomainId, int>> domainGrades; ///< 0..3, for domains with a score
    int total = 0;
    int maximum = 0;
    std::string band;
};

/// Everything scored for one service in one period.
struct ServiceScore {
    ServiceId service;
    AreaCode area;
    std::string period;
    std::string profile;
    std::string weights;
    std::string rules;
    std::vector<IndicatorScore> indicators;
    std::vector<CellScore> cells;
    std::vector<DomainScore> domains;
    std::optional<double> overall; ///< the capability-equality index
    Coverage coverage;
    std::vector<Flag> flags;
    std::optional<GradingResult> grading;
    std::vector<std::string> notes; ///< indicators not scored and why (no judgement, no whole-population row)

    bool breached() const;
};

} // namespace capeq
