// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/explain.hpp>

#include <cmath>
#include <cstdio>
#include <map>

namespace capeq {

namespace {

double weightOf(const std::map<std::string, double>& weights, const std::string& id) {
    const auto found = weights.find(id);
    return found == weights.end() ? 1.0 : found->second;
}

std::string estimateText(const stats::Estimate& estimate) {
    std::string text = formatNumber(estimate.value);
    if (estimate.hasCi())
        text += " (" + formatNumber(estimate.level * 100.0, 1) + "% CI " + formatNumber(*estimate.lower) +
                " to " + formatNumber(*estimate.upper) + ", " + stats::toString(estimate.ciMethod) + ")";
    else
        text += " (no interval: " + estimate.unavailableReason + ")";
    return text;
}

std::string equalityFormula(const ScoringProfile& profile, const Indicator& indicator) {
    const bool lower = indicator.polarity == Polarity::LowerIsBetter;
    switch (profile.equality) {
    case EqualityMeasure::Shortfall:
        return lower ? "S = (y_worst - y_best) / (hi - lo)" : "S = (y_best - y_worst) / (hi - lo)";
    case EqualityMeasure::RelativeShortfall:
        return lower ? "S = 1 - y_best / y_worst" : "S = 1 - y_worst / y_best";
    case EqualityMeasure::AttributableFraction:
        return lower ? "S = (y_all - y_best) / y_all" : "S = (y_best - y_all) / y_all";
    }
    return "";
}

std::string statusText(GapStatus status) {
    switch (status) {
    case GapStatus::Counted:
        return "the gap counts";
    case GapStatus::Unclear:
        return "not significant: unclear, equality 100";
    case GapStatus::NoUncertainty:
        return "no uncertainty available: the gap counts as measured, no significance is claimed";
    case GapStatus::NoGap:
        return "no gap between usable groups";
    }
    return "";
}

} // namespace

std::string formatNumber(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string result = text;
    if (result == "-0" || result.find_first_not_of("-0.") == std::string::npos)
        result = std::string(text).substr(result[0] == '-' ? 1 : 0);
    return result;
}

std::string explainIndicator(const IndicatorScore& score, const Catalogue& catalogue,
                             const ScoringProfile& profile) {
    const Indicator* indicator = catalogue.findIndicator(score.indicator);
    if (indicator == nullptr)
        return score.indicator.str() + ": not in the catalogue\n";
    const double lo = indicator->goalposts.lo;
    const double hi = indicator->goalposts.hi;
    const bool lower = indicator->polarity == Polarity::LowerIsBetter;
    std::string text;
    text += "Indicator " + indicator->id.str() + " — " + indicator->title + " [" + indicator->domain.str() +
            " x " + indicator->dimension.str() + ", " + toString(indicator->polarity) + "]\n";
    text += "  Everyone: " + estimateText(score.whole) + "\n";
    text += "  Achievement A = 100 x clamp(" +
            std::string(lower ? "(hi - y) / (hi - lo)" : "(y - lo) / (hi - lo)") + ") = 100 x clamp(" +
            (lower ? "(" + formatNumber(hi) + " - " + formatNumber(score.whole.value) + ")"
                   : "(" + formatNumber(score.whole.value) + " - " + formatNumber(lo) + ")") +
            " / (" + formatNumber(hi) + " - " + formatNumber(lo) + ")) = " + formatNumber(score.achievement) +
            "\n";
    for (const CharacteristicEquality& equality : score.characteristics) {
        text += "  By " + equality.characteristic.str() + ":\n";
        for (const GroupFigure& group : equality.groups) {
            text += "    " + group.group.str() + ": ";
            text +=
                group.usedInScore ? estimateText(group.estimate) : "left out (" + group.excludedBecause + ")";
            // A suppressed group's base is one of its figures: printing it would undo the suppression.
            if (group.base && !group.suppressed())
                text += ", n = " + formatNumber(*group.base, 0);
            if (group.usedInScore && group.reliability == Reliability::LowReliability)
                text += " [low reliability]";
            text += "\n";
        }
        if (equality.status == GapStatus::NoGap) {
            text += "    " + statusText(equality.status) + "; E = 100\n";
            continue;
        }
        text += "    best " + equality.best.str() + ", worst " + equality.worst.str();
        if (equality.bestMinusWorst)
            text += "; best - worst = " + estimateText(*equality.bestMinusWorst);
        text += "\n    " + statusText(equality.status) + "\n";
        text += "    " + equalityFormula(profile, *indicator) + " = " + formatNumber(equality.shortfall, 4) +
                "; E = 100 x (1 - S) = " + formatNumber(equality.equality) + "\n";
    }
    text += "  Equality E = mean over characteristics = " + formatNumber(score.equality) + "\n";
    text += "  Equality-adjusted achievement EA = A x E / 100 = " + formatNumber(score.achievement) + " x " +
            formatNumber(score.equality) + " / 100 = " + formatNumber(score.adjusted) + "\n";
    return text;
}

std::string explainDomain(const ServiceScore& service, const DomainId& domain, const WeightProfile& weights) {
    std::string text;
    const DomainScore* domainScore = nullptr;
    for (const DomainScore& d : service.domains)
        if (d.domain == domain)
            domainScore = &d;
    if (domainScore == nullptr)
        return "Domain " + domain.str() + ": not in this framework\n";
    text += "Domain " + domain.str() + ": " +
            (domainScore->score ? formatNumber(*domainScore->score) : std::string("no usable evidence")) +
            " = weighted mean of its cells (dimension weights)\n";
    for (const CellScore& cell : service.cells) {
        if (cell.domain != domain)
            continue;
        text += "  " + cell.dimension.str() + " (weight " +
                formatNumber(weightOf(weights.dimensionWeights, cell.dimension.str())) + "): ";
        if (!cell.score) {
            text += "no usable evidence\n";
            continue;
        }
        text += formatNumber(*cell.score) + " = mean EA of";
        for (const IndicatorId& id : cell.indicators)
            for (const IndicatorScore& s : service.indicators)
                if (s.indicator == id)
                    text += " " + id.str() + " " + formatNumber(s.adjusted);
        text += "\n";
    }
    return text;
}

std::string explainService(const ServiceScore& service, const Catalogue& catalogue,
                           const ScoringProfile& profile, const WeightProfile& weights) {
    std::string text;
    text += "Service " + service.service.str() + ", area " + service.area.str() + ", period " +
            service.period + " (profile " + service.profile + ", weights " + service.weights + ")\n";
    text += "Capability-equality index = ";
    text += profile.aggregation == Aggregation::Geometric
                ? "exp(sum w_d ln max(" + formatNumber(profile.floor) + ", D_d) / sum w_d)"
                : "sum w_d D_d / sum w_d";
    text += " over domains with evidence = " +
            (service.overall ? formatNumber(*service.overall) : std::string("not available (no evidence)")) +
            "\n";
    for (const DomainScore& domain : service.domains)
        if (domain.score)
            text += "  " + domain.domain.str() + ": D = " + formatNumber(*domain.score) +
                    ", w = " + formatNumber(domain.weight) + "\n";
    text += "Coverage: " + std::to_string(service.coverage.cellsWithEvidence) + " of " +
            std::to_string(service.coverage.cellsTotal) + " cells, " +
            std::to_string(service.coverage.domainsWithEvidence) + " of " +
            std::to_string(service.coverage.domainsTotal) + " domains" +
            (service.coverage.partial ? " (partial index)" : "") + "\n\n";
    for (const DomainScore& domain : service.domains)
        if (domain.score)
            text += explainDomain(service, domain.domain, weights);
    text += "\n";
    for (const IndicatorScore& score : service.indicators)
        text += explainIndicator(score, catalogue, profile) + "\n";
    for (const std::string& note : service.notes)
        text += "Note: " + note + "\n";
    return text;
}

} // namespace capeq
