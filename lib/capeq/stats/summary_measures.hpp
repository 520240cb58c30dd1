// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/stats/estimate.hpp>
#include <capeq/stats/random.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace capeq::stats {

/// One group's estimate as input to the summary measures (WHO HEAT conventions).
struct GroupValue {
    std::string code;
    double value = 0.0;               ///< on the indicator's scale
    std::optional<double> se;         ///< standard error; without it a measure has no (or only some) CIs
    std::optional<double> population; ///< group size N_j (> 0); shares p_j = N_j / sum N
    int order = 0;                    ///< ordered characteristics: 1 = most disadvantaged
    bool isReference = false;         ///< at most one group
};

/// How to compute the measures for one indicator x characteristic.
struct MeasureOptions {
    Polarity polarity = Polarity::HigherIsBetter;
    bool ordered = false;
    double scale =
        1.0; ///< value of "everyone" on the indicator's scale: 1 (fraction), 100 (%), 1000 (per 1,000)
    bool countBased = false;                ///< proportion or rate: PAF gets Walter's 2x2 variance
    std::optional<double> lowerBound = 0.0; ///< simulated values are kept within these bounds
    std::optional<double> upperBound;
    std::optional<double> settingAverage; ///< whole-population value, used when populations are missing
    double level = 0.95;
    std::uint64_t seed = kDefaultSeed; ///< recorded with every simulated interval
    int simulations = 2000;
};

/// One summary measure: an estimate when applicable, otherwise the reason it is not.
struct SummaryMeasure {
    std::string id;   ///< HEAT abbreviation: "D", "R", "BGV", "TI", "SII", ...
    std::string name; ///< e.g. "Difference", "Theil index (x1000)"
    std::optional<Estimate> estimate;
    std::string note; ///< the groups used (e.g. "female - male"), or why it is not applicable
};

/// Every HEAT summary measure for these groups, in a fixed order, each either computed (with a CI, or the
/// reason there is none) or marked not applicable with the reason. Groups must have distinct codes and
/// finite values; throws std::invalid_argument otherwise. See docs/METHOD.md for formulas and decisions.
std::vector<SummaryMeasure> summaryMeasures(std::span<const GroupValue> groups,
                                            const MeasureOptions& options);

/// The measure with this id in a result list, or nullptr.
const SummaryMeasure* findMeasure(const std::vector<SummaryMeasure>& measures, const std::string& id);

/// Population shares p_j (summing to 1) when every group has a population > 0, otherwise empty.
std::vector<double> populationShares(std::span<const GroupValue> groups);

/// Measures for a non-ordered characteristic with more than 2 groups (BGV, BGSD, COV, MD*, IDIS*, TI, MLD),
/// appended to `out`; `shares` may be empty (no populations) and `mu` absent (no mean available).
void appendUnorderedMeasures(std::span<const GroupValue> groups, const std::vector<double>& shares,
                             std::optional<double> mu, const MeasureOptions& options,
                             std::vector<SummaryMeasure>& out);

/// Slope and concentration measures for an ordered characteristic (SII, RII, ACI, RCI), needing
/// population shares and at least 3 groups; appended to `out` (not-applicable entries otherwise).
void appendOrderedMeasures(std::span<const GroupValue> groups, const MeasureOptions& options,
                           std::vector<SummaryMeasure>& out);

} // namespace capeq::stats
