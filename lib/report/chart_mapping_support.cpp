// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/simulation.hpp>

#include <algorithm>
#include <report/chart_mapping_support.hpp>

namespace capeq::report {

std::string indicatorTitle(const Catalogue& catalogue, const IndicatorId& indicator) {
    const Indicator* found = catalogue.findIndicator(indicator);
    return found != nullptr && !found->title.empty() ? found->title : indicator.str();
}

ChartPolarity toChartPolarity(Polarity polarity) {
    switch (polarity) {
    case Polarity::HigherIsBetter:
        return ChartPolarity::HigherIsBetter;
    case Polarity::LowerIsBetter:
        return ChartPolarity::LowerIsBetter;
    case Polarity::NoJudgement:
        break;
    }
    return ChartPolarity::NoJudgement;
}

SignificanceClass toSignificanceClass(stats::Significance significance) {
    switch (significance) {
    case stats::Significance::Better:
        return SignificanceClass::Better;
    case stats::Significance::Similar:
        return SignificanceClass::Similar;
    case stats::Significance::Worse:
        return SignificanceClass::Worse;
    case stats::Significance::Lower:
        return SignificanceClass::Lower;
    case stats::Significance::Higher:
        return SignificanceClass::Higher;
    case stats::Significance::NotAssessed:
        break;
    }
    return SignificanceClass::NotCompared;
}

std::string polarityWords(Polarity polarity) {
    switch (polarity) {
    case Polarity::HigherIsBetter:
        return "higher is better";
    case Polarity::LowerIsBetter:
        return "lower is better";
    case Polarity::NoJudgement:
        break;
    }
    return "no judgement: lower/higher only";
}

ChartValue chartValue(const stats::Estimate& estimate) {
    return ChartValue{estimate.value, estimate.lower, estimate.upper};
}

GroupReference chooseReference(const CharacteristicEquality& equality, const Indicator* indicator,
                               const stats::Estimate& whole) {
    const ReferenceRule rule = indicator != nullptr ? indicator->referenceRule : ReferenceRule::BestGroup;
    const GroupFigure* chosen = nullptr;
    const auto usable = [](const GroupFigure& g) { return g.usedInScore; };
    if (rule == ReferenceRule::BestGroup && !equality.best.empty()) {
        const auto found =
            std::find_if(equality.groups.begin(), equality.groups.end(),
                         [&](const GroupFigure& g) { return g.group == equality.best && usable(g); });
        chosen = found == equality.groups.end() ? nullptr : &*found;
    } else if (rule == ReferenceRule::Named) {
        const auto found =
            std::find_if(equality.groups.begin(), equality.groups.end(), [&](const GroupFigure& g) {
                return g.group.str() == indicator->referenceGroup && usable(g);
            });
        chosen = found == equality.groups.end() ? nullptr : &*found;
    } else if (rule == ReferenceRule::LargestGroup) {
        for (const GroupFigure& g : equality.groups)
            if (usable(g) && g.base && (chosen == nullptr || *g.base > chosen->base.value_or(0.0)))
                chosen = &g;
    }
    if (chosen == nullptr)
        return GroupReference{GroupCode{}, whole, whole.value};
    return GroupReference{chosen->group, chosen->estimate, chosen->estimate.value};
}

SignificanceClass compareWithReference(const stats::Estimate& group, const GroupReference& reference,
                                       Polarity polarity) {
    if (reference.group.empty())
        return toSignificanceClass(stats::compareToBenchmark(group, reference.value, polarity));
    if (!group.se || !reference.estimate.se)
        return SignificanceClass::NotCompared;
    return toSignificanceClass(
        stats::gapToReference(group, reference.estimate, polarity, group.level).significance);
}

Suppression suppressionOf(SuppressionReason reason) {
    if (reason == SuppressionReason::Published)
        return {};
    return Suppression{true, reasonCode(reason), reasonText(reason)};
}

Suppression suppressionFor(const SuppressionIndex& index, const std::string& indicator,
                           const std::string& characteristic, const std::string& group,
                           bool knownSuppressed) {
    const auto found = index.find({indicator, characteristic, group});
    if (found != index.end())
        return suppressionOf(found->second);
    if (knownSuppressed)
        return Suppression{true, "suppressed", "suppressed by disclosure control"};
    return {};
}

DisclosedRows disclose(const std::vector<EvidenceRow>& rows, const IndicatorId& indicator,
                       const DisclosurePolicy& policy) {
    DisclosedRows result;
    for (const EvidenceRow& row : rows)
        if (row.indicator == indicator)
            result.rows.push_back(row);
    result.outcome = applyDisclosureControl(result.rows, policy);
    return result;
}

void setSpineRange(SpineRow& row, const std::vector<double>& values) {
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    row.minimum = *lowest;
    row.maximum = *highest;
    row.benchmark = stats::sampleQuantile(values, 0.5);
    row.p25 = stats::sampleQuantile(values, 0.25);
    row.p75 = stats::sampleQuantile(values, 0.75);
}

} // namespace capeq::report
