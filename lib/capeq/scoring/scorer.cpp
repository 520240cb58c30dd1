// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/scoring/scorer.hpp>
#include <capeq/scoring/scoring_cache.hpp>
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/evidence_estimates.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace capeq {

namespace {

double sign(Polarity polarity) {
    return polarity == Polarity::LowerIsBetter ? -1.0 : 1.0;
}

double clamp01(double x) {
    return std::clamp(x, 0.0, 1.0);
}

bool isIntersection(const CharacteristicId& characteristic) {
    return characteristic.str().find('*') != std::string::npos;
}

double weightOf(const std::map<std::string, double>& weights, const std::string& id) {
    const auto found = weights.find(id);
    return found == weights.end() ? 1.0 : found->second;
}

// S_ic on 0..1 for the chosen profile (SPEC section 4, step 2 and docs/METHOD.md).
double shortfall(const ScoringProfile& profile, const Indicator& indicator, double best, double worst,
                 double whole) {
    const double p = sign(indicator.polarity);
    switch (profile.equality) {
    case EqualityMeasure::Shortfall:
        return clamp01(p * (best - worst) / (indicator.goalposts.hi - indicator.goalposts.lo));
    case EqualityMeasure::RelativeShortfall:
        if (indicator.polarity == Polarity::LowerIsBetter)
            return worst > 0.0 ? clamp01(1.0 - best / worst) : 0.0;
        return best > 0.0 ? clamp01(1.0 - worst / best) : 0.0;
    case EqualityMeasure::AttributableFraction:
        return whole > 0.0 ? clamp01(p * (best - whole) / whole) : 0.0;
    }
    return 0.0;
}

CharacteristicEquality assessCharacteristic(const ScoreInput& input, const Indicator& indicator,
                                            const CharacteristicId& characteristic,
                                            const std::vector<std::pair<const EvidenceRow*, bool>>& rows,
                                            double whole) {
    CharacteristicEquality result;
    result.characteristic = characteristic;
    const double level = input.profile.significanceLevel;
    for (const auto& [row, suppressed] : rows) {
        GroupFigure figure;
        figure.group = row->group;
        figure.base = stats::unweightedBase(*row);
        figure.reliability = classifyReliability(figure.base, input.profile.reliability);
        const auto estimate = rowEstimate(*row, &indicator, level);
        if (estimate)
            figure.estimate = *estimate;
        if (!estimate) {
            figure.excludedBecause = "no value";
        } else if (suppressed) {
            figure.excludedBecause = kSuppressedByDisclosure;
            figure.estimate = stats::Estimate{};
            figure.base.reset();
        } else if (!usableInScores(figure.reliability)) {
            figure.excludedBecause = "unweighted base below " +
                                     std::to_string(static_cast<int>(input.profile.reliability.excludeBelow));
        }
        figure.usedInScore = figure.excludedBecause.empty();
        result.groups.push_back(std::move(figure));
    }
    const double p = sign(indicator.polarity);
    const GroupFigure* best = nullptr;
    const GroupFigure* worst = nullptr;
    for (const GroupFigure& figure : result.groups) {
        if (!figure.usedInScore)
            continue;
        if (best == nullptr || p * figure.estimate.value > p * best->estimate.value)
            best = &figure;
        if (worst == nullptr || p * figure.estimate.value < p * worst->estimate.value)
            worst = &figure;
    }
    if (best == nullptr || best == worst || best->estimate.value == worst->estimate.value) {
        result.status = GapStatus::NoGap;
        if (best != nullptr)
            result.best = result.worst = best->group;
        return result;
    }
    result.best = best->group;
    result.worst = worst->group;
    const bool bothUncertain = best->estimate.se.has_value() && worst->estimate.se.has_value();
    if (!bothUncertain) {
        result.status = GapStatus::NoUncertainty;
    } else {
        result.bestMinusWorst = stats::difference(best->estimate, worst->estimate, level);
        const bool significant = result.bestMinusWorst->hasCi() &&
                                 (*result.bestMinusWorst->lower > 0.0 || *result.bestMinusWorst->upper < 0.0);
        result.status = significant || input.profile.gaps == GapCounting::AllGaps ? GapStatus::Counted
                                                                                  : GapStatus::Unclear;
    }
    if (result.status != GapStatus::Unclear)
        result.shortfall =
            shortfall(input.profile, indicator, best->estimate.value, worst->estimate.value, whole);
    result.equality = 100.0 * (1.0 - result.shortfall);
    return result;
}

} // namespace

std::string toString(GapStatus status) {
    switch (status) {
    case GapStatus::Counted:
        return "counted";
    case GapStatus::Unclear:
        return "unclear";
    case GapStatus::NoUncertainty:
        return "no_uncertainty";
    case GapStatus::NoGap:
        return "no_gap";
    }
    return "no_gap";
}

bool ServiceScore::breached() const {
    return std::any_of(flags.begin(), flags.end(), [](const Flag& flag) { return flag.breach; });
}

double achievementScore(double value, const Indicator& indicator) {
    const double lo = indicator.goalposts.lo;
    const double hi = indicator.goalposts.hi;
    const double share =
        indicator.polarity == Polarity::LowerIsBetter ? (hi - value) / (hi - lo) : (value - lo) / (hi - lo);
    return 100.0 * clamp01(share);
}

double combineScores(const std::vector<std::pair<double, double>>& scoresAndWeights, Aggregation aggregation,
                     double floor) {
    double weightSum = 0.0;
    double total = 0.0;
    for (const auto& [score, weight] : scoresAndWeights) {
        if (weight <= 0.0)
            continue;
        weightSum += weight;
        total += aggregation == Aggregation::Geometric ? weight * std::log(std::max(floor, score))
                                                       : weight * score;
    }
    if (weightSum <= 0.0)
        return 0.0;
    return aggregation == Aggregation::Geometric ? std::exp(total / weightSum) : total / weightSum;
}

namespace {

// Each indicator's rows, and its rows of the compared period and the benchmark, in input order.
std::map<std::string, IndicatorEvidence> evidenceByIndicator(const ScoreInput& input) {
    std::map<std::string, IndicatorEvidence> byIndicator;
    for (const EvidenceRow& row : input.rows)
        if (row.service == input.service && row.area == input.area && row.period == input.period)
            byIndicator[row.indicator.str()].rows.push_back(&row);
    // Earlier and benchmark figures only matter for an indicator with evidence in the scored period.
    for (const EvidenceRow& row : input.previousRows)
        if (const auto found = byIndicator.find(row.indicator.str()); found != byIndicator.end())
            found->second.previousRows.push_back(&row);
    for (const EvidenceRow& row : input.benchmarkRows)
        if (const auto found = byIndicator.find(row.indicator.str()); found != byIndicator.end())
            found->second.benchmarkRows.push_back(&row);
    return byIndicator;
}

std::vector<EvidenceRow> copyRows(const std::vector<const EvidenceRow*>& rows) {
    std::vector<EvidenceRow> copies;
    copies.reserve(rows.size());
    for (const EvidenceRow* row : rows)
        copies.push_back(*row);
    return copies;
}

// Steps 1-3 and 6 for one indicator. Disclosure tables are per indicator x area x service x period and
// every flag concerns one indicator, so the indicator's own rows decide all of it.
IndicatorOutcome scoreIndicator(const ScoreInput& input, const std::string& id, const Indicator* indicator,
                                const IndicatorEvidence& evidence) {
    IndicatorOutcome outcome;
    if (indicator == nullptr) {
        outcome.note = id + ": not in the catalogue; not scored";
        return outcome;
    }
    if (indicator->polarity == Polarity::NoJudgement) {
        outcome.note = id + ": a context indicator (no polarity); shown, never scored";
        return outcome;
    }
    // The indicator's own input: raiseFlags then reads only its rows, not every row of the service.
    const ScoreInput own{input.catalogue,
                         input.service,
                         input.area,
                         input.period,
                         copyRows(evidence.rows),
                         copyRows(evidence.previousRows),
                         copyRows(evidence.benchmarkRows),
                         input.profile,
                         input.weights,
                         input.rules,
                         input.disclosure};
    const std::vector<EvidenceRow>& rows = own.rows;
    const DisclosureOutcome disclosure = applyDisclosureControl(rows, input.disclosure);

    // characteristic -> (row, suppressed); the whole-population row separately (the last one counts).
    std::map<CharacteristicId, std::vector<std::pair<const EvidenceRow*, bool>>> byCharacteristic;
    std::optional<std::pair<const EvidenceRow*, bool>> wholeRow;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool suppressed = disclosure.isSuppressed(i);
        if (rows[i].isWholePopulation())
            wholeRow = {&rows[i], suppressed};
        else if (!isIntersection(rows[i].characteristic))
            byCharacteristic[rows[i].characteristic].emplace_back(&rows[i], suppressed);
    }
    const auto wholeEstimate =
        wholeRow ? rowEstimate(*wholeRow->first, indicator, input.profile.significanceLevel) : std::nullopt;
    if (!wholeEstimate || wholeRow->second) {
        outcome.note = id + ": no usable whole-population figure; not scored";
        return outcome;
    }
    IndicatorScore score;
    score.indicator = indicator->id;
    score.domain = indicator->domain;
    score.dimension = indicator->dimension;
    score.whole = *wholeEstimate;
    score.achievement = achievementScore(wholeEstimate->value, *indicator);
    double equalitySum = 0.0;
    int equalityCount = 0;
    for (const auto& [characteristic, groupRows] : byCharacteristic) {
        CharacteristicEquality equality =
            assessCharacteristic(input, *indicator, characteristic, groupRows, wholeEstimate->value);
        const bool anyUsable = std::any_of(equality.groups.begin(), equality.groups.end(),
                                           [](const GroupFigure& g) { return g.usedInScore; });
        if (anyUsable) {
            equalitySum += equality.equality;
            ++equalityCount;
            outcome.assessed.push_back(characteristic);
        }
        score.characteristics.push_back(std::move(equality));
    }
    score.equality = equalityCount > 0 ? equalitySum / equalityCount : 100.0;
    score.adjusted = score.achievement * score.equality / 100.0;

    std::vector<IndicatorScore> scored{std::move(score)};
    outcome.flags = raiseFlags(own, scored);
    outcome.score = std::move(scored.front());
    return outcome;
}

// Adds one indicator's outcome to the service's score; an rvalue outcome is moved, a cached one copied.
template <typename Outcome>
void addOutcome(ServiceScore& result, std::set<CharacteristicId>& assessed, Outcome&& outcome) {
    if (outcome.score)
        result.indicators.push_back(*std::forward<Outcome>(outcome).score);
    else
        result.notes.push_back(outcome.note);
    assessed.insert(outcome.assessed.begin(), outcome.assessed.end());
    result.flags.insert(result.flags.end(), outcome.flags.begin(), outcome.flags.end());
}

// Steps 4, 5 and the optional grading: cells, domains, the overall index and coverage from the
// indicators' scores.
void aggregate(const ScoreInput& input, const std::set<CharacteristicId>& assessed, ServiceScore& result) {
    for (const Domain& domain : input.catalogue.domains()) {
        DomainScore domainScore;
        domainScore.domain = domain.id;
        domainScore.weight = weightOf(input.weights.domainWeights, domain.id.str());
        std::vector<std::pair<double, double>> cellScores;
        for (const Dimension& dimension : input.catalogue.dimensions()) {
            CellScore cell;
            cell.domain = domain.id;
            cell.dimension = dimension.id;
            std::vector<std::pair<double, double>> members;
            for (const IndicatorScore& score : result.indicators)
                if (score.domain == domain.id && score.dimension == dimension.id) {
                    members.emplace_back(score.adjusted, score.weight);
                    cell.indicators.push_back(score.indicator);
                }
            if (!members.empty()) {
                cell.score = combineScores(members, Aggregation::Arithmetic, 0.0);
                cellScores.emplace_back(*cell.score,
                                        weightOf(input.weights.dimensionWeights, dimension.id.str()));
                ++domainScore.cellsWithEvidence;
                ++result.coverage.cellsWithEvidence;
            } else {
                result.coverage.cellsWithoutEvidence.push_back(domain.id.str() + " x " + dimension.id.str());
            }
            ++result.coverage.cellsTotal;
            result.cells.push_back(std::move(cell));
        }
        const bool anyWeighted = std::any_of(cellScores.begin(), cellScores.end(),
                                             [](const auto& cell) { return cell.second > 0.0; });
        if (anyWeighted)
            domainScore.score = combineScores(cellScores, Aggregation::Arithmetic, 0.0);
        if (domainScore.score)
            ++result.coverage.domainsWithEvidence;
        ++result.coverage.domainsTotal;
        result.domains.push_back(domainScore);
    }

    std::vector<std::pair<double, double>> domainScores;
    for (const DomainScore& domain : result.domains)
        if (domain.score)
            domainScores.emplace_back(*domain.score, domain.weight);
    if (std::any_of(domainScores.begin(), domainScores.end(), [](const auto& d) { return d.second > 0.0; }))
        result.overall = combineScores(domainScores, input.profile.aggregation, input.profile.floor);
    result.coverage.characteristicsAssessed.assign(assessed.begin(), assessed.end());
    result.coverage.partial = result.coverage.domainsWithEvidence < input.profile.partialBelowDomains;

    if (input.rules.grading)
        result.grading = gradeDomains(result.domains, result.flags, *input.rules.grading);
}

// The whole of scoreService with each indicator's outcome from outcomeOf(id, indicator, evidence), which
// returns an IndicatorOutcome (computed) or a const reference to one (cached).
template <typename OutcomeOf>
ServiceScore scoreWith(const ScoreInput& input, OutcomeOf&& outcomeOf) {
    ServiceScore result;
    result.service = input.service;
    result.area = input.area;
    result.period = input.period;
    result.profile = input.profile.id;
    result.weights = input.weights.name;
    result.rules = input.rules.id;
    std::set<CharacteristicId> assessed;
    for (const auto& [id, evidence] : evidenceByIndicator(input)) {
        const Indicator* indicator = input.catalogue.findIndicator(IndicatorId{id});
        addOutcome(result, assessed, outcomeOf(id, indicator, evidence));
    }
    aggregate(input, assessed, result);
    return result;
}

} // namespace

ServiceScore scoreService(const ScoreInput& input) {
    return scoreWith(input, [&input](const std::string& id, const Indicator* indicator,
                                     const IndicatorEvidence& evidence) {
        return scoreIndicator(input, id, indicator, evidence);
    });
}

ServiceScore scoreService(const ScoreInput& input, ScoringCache& cache) {
    return scoreWith(input,
                     [&](const std::string& id, const Indicator* indicator,
                         const IndicatorEvidence& evidence) -> const IndicatorOutcome& {
                         std::string fingerprint = indicatorFingerprint(input, id, indicator, evidence);
                         if (const IndicatorOutcome* cached =
                                 cache.find(input.service, input.area, input.period, id, fingerprint))
                             return *cached;
                         return cache.store(input.service, input.area, input.period, id,
                                            std::move(fingerprint),
                                            scoreIndicator(input, id, indicator, evidence));
                     });
}

} // namespace capeq
