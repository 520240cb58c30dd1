// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/scoring/scorer.hpp>
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
        if (!estimate)
            figure.excludedBecause = "no value";
        else if (suppressed)
            figure.excludedBecause = "suppressed by disclosure control";
        else if (!usableInScores(figure.reliability))
            figure.excludedBecause = "unweighted base below " +
                                     std::to_string(static_cast<int>(input.profile.reliability.excludeBelow));
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

ServiceScore scoreService(const ScoreInput& input) {
    ServiceScore result;
    result.service = input.service;
    result.area = input.area;
    result.period = input.period;
    result.profile = input.profile.id;
    result.weights = input.weights.name;
    result.rules = input.rules.id;

    std::vector<EvidenceRow> rows;
    for (const EvidenceRow& row : input.rows)
        if (row.service == input.service && row.area == input.area && row.period == input.period)
            rows.push_back(row);
    const DisclosureOutcome disclosure = applyDisclosureControl(rows, input.disclosure);

    // indicator -> characteristic -> (row, suppressed); whole-population rows separately.
    std::map<std::string, std::map<CharacteristicId, std::vector<std::pair<const EvidenceRow*, bool>>>>
        byIndicator;
    std::map<std::string, std::pair<const EvidenceRow*, bool>> wholeRows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool suppressed = disclosure.isSuppressed(i);
        if (rows[i].isWholePopulation())
            wholeRows[rows[i].indicator.str()] = {&rows[i], suppressed};
        else if (!isIntersection(rows[i].characteristic))
            byIndicator[rows[i].indicator.str()][rows[i].characteristic].emplace_back(&rows[i], suppressed);
    }

    std::set<std::string> seen;
    for (const EvidenceRow& row : rows)
        seen.insert(row.indicator.str());
    std::set<CharacteristicId> assessed;
    for (const std::string& id : seen) {
        const Indicator* indicator = input.catalogue.findIndicator(IndicatorId{id});
        if (indicator == nullptr) {
            result.notes.push_back(id + ": not in the catalogue; not scored");
            continue;
        }
        if (indicator->polarity == Polarity::NoJudgement) {
            result.notes.push_back(id + ": a context indicator (no polarity); shown, never scored");
            continue;
        }
        const auto whole = wholeRows.find(id);
        const auto wholeEstimate = whole == wholeRows.end() ? std::nullopt
                                                            : rowEstimate(*whole->second.first, indicator,
                                                                          input.profile.significanceLevel);
        if (!wholeEstimate || whole->second.second) {
            result.notes.push_back(id + ": no usable whole-population figure; not scored");
            continue;
        }
        IndicatorScore score;
        score.indicator = indicator->id;
        score.domain = indicator->domain;
        score.dimension = indicator->dimension;
        score.whole = *wholeEstimate;
        score.achievement = achievementScore(wholeEstimate->value, *indicator);
        double equalitySum = 0.0;
        int equalityCount = 0;
        for (const auto& [characteristic, groupRows] : byIndicator[id]) {
            CharacteristicEquality equality =
                assessCharacteristic(input, *indicator, characteristic, groupRows, wholeEstimate->value);
            const bool anyUsable = std::any_of(equality.groups.begin(), equality.groups.end(),
                                               [](const GroupFigure& g) { return g.usedInScore; });
            if (anyUsable) {
                equalitySum += equality.equality;
                ++equalityCount;
                assessed.insert(characteristic);
            }
            score.characteristics.push_back(std::move(equality));
        }
        score.equality = equalityCount > 0 ? equalitySum / equalityCount : 100.0;
        score.adjusted = score.achievement * score.equality / 100.0;
        result.indicators.push_back(std::move(score));
    }

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

    result.flags = raiseFlags(input, result.indicators);
    if (input.rules.grading)
        result.grading = gradeDomains(result.domains, result.flags, *input.rules.grading);
    return result;
}

} // namespace capeq
