// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/scoring/scorer.hpp>
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/distributions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace capeq {

namespace {

std::string figure(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

const EvidenceRow* findRow(const std::vector<EvidenceRow>& rows, const ScoreInput& input,
                           const IndicatorId& indicator, const CharacteristicId& characteristic,
                           const GroupCode& group) {
    for (const EvidenceRow& row : rows)
        if (row.indicator == indicator && row.characteristic == characteristic && row.group == group &&
            row.service == input.service && row.area == input.area)
            return &row;
    return nullptr;
}

const GroupFigure* referenceFigure(const Indicator& indicator, const CharacteristicEquality& equality) {
    const GroupFigure* reference = nullptr;
    for (const GroupFigure& g : equality.groups) {
        if (!g.usedInScore)
            continue;
        switch (indicator.referenceRule) {
        case ReferenceRule::Named:
            if (g.group.str() == indicator.referenceGroup)
                return &g;
            break;
        case ReferenceRule::LargestGroup:
            if (reference == nullptr || g.base.value_or(0.0) > reference->base.value_or(0.0))
                reference = &g;
            break;
        case ReferenceRule::BestGroup:
        case ReferenceRule::WholePopulation:
            if (g.group == equality.best)
                return &g;
            break;
        }
    }
    return reference;
}

class FlagWriter {
public:
    FlagWriter(const RuleSet& rules, std::vector<Flag>& out)
        : m_rules(rules)
        , m_out(out) {}
    void add(FlagKind kind, const Indicator& indicator, const CharacteristicId& characteristic,
             const GroupCode& group, std::string message) {
        m_out.push_back({kind, indicator.id, indicator.domain, characteristic, group, std::move(message),
                         m_rules.breachFlags.count(kind) > 0});
    }

private:
    const RuleSet& m_rules;
    std::vector<Flag>& m_out;
};

void minimumStandardFlags(const Indicator& indicator, const IndicatorScore& score, FlagWriter& writer) {
    if (!indicator.minimumStandard)
        return;
    const double floor = *indicator.minimumStandard;
    const bool lowerIsBetter = indicator.polarity == Polarity::LowerIsBetter;
    const auto fails = [&](double value) { return lowerIsBetter ? value > floor : value < floor; };
    const std::string standard = std::string(lowerIsBetter ? "at most " : "at least ") + figure(floor);
    if (fails(score.whole.value))
        writer.add(FlagKind::BelowMinimumStandard, indicator, {}, {},
                   "everyone: " + figure(score.whole.value) + " against a minimum standard of " + standard);
    for (const CharacteristicEquality& equality : score.characteristics)
        for (const GroupFigure& g : equality.groups)
            if (g.usedInScore && fails(g.estimate.value))
                writer.add(FlagKind::BelowMinimumStandard, indicator, equality.characteristic, g.group,
                           equality.characteristic.str() + "=" + g.group.str() + ": " +
                               figure(g.estimate.value) + " against a minimum standard of " + standard);
}

void gapFlags(const ScoreInput& input, const Indicator& indicator, const IndicatorScore& score,
              FlagWriter& writer) {
    const double level = input.profile.significanceLevel;
    for (const CharacteristicEquality& equality : score.characteristics) {
        const bool againstWhole = indicator.referenceRule == ReferenceRule::WholePopulation;
        const GroupFigure* referenceGroup = againstWhole ? nullptr : referenceFigure(indicator, equality);
        if (!againstWhole && referenceGroup == nullptr)
            continue;
        const stats::Estimate& reference = againstWhole ? score.whole : referenceGroup->estimate;
        const std::string referenceName = againstWhole ? "everyone" : referenceGroup->group.str();
        for (const GroupFigure& g : equality.groups) {
            if (!g.usedInScore || (referenceGroup != nullptr && g.group == referenceGroup->group))
                continue;
            const std::string who = equality.characteristic.str() + "=" + g.group.str();
            if (g.estimate.se && reference.se) {
                const stats::Gap gap =
                    stats::gapToReference(g.estimate, reference, indicator.polarity, level);
                if (gap.significance == stats::Significance::Worse)
                    writer.add(FlagKind::SignificantWorseGap, indicator, equality.characteristic, g.group,
                               who + ": " + figure(g.estimate.value) + " against " + figure(reference.value) +
                                   " for " + referenceName + " (significantly worse)");
                continue;
            }
            const double span = indicator.goalposts.hi - indicator.goalposts.lo;
            const double p = indicator.polarity == Polarity::LowerIsBetter ? -1.0 : 1.0;
            const double gapOnScale = 100.0 * p * (reference.value - g.estimate.value) / span;
            if (gapOnScale >= input.rules.largeGapThreshold)
                writer.add(
                    FlagKind::LargeGapNoUncertainty, indicator, equality.characteristic, g.group,
                    who + ": " + figure(g.estimate.value) + " against " + figure(reference.value) + " for " +
                        referenceName + ", a gap of " + figure(gapOnScale) +
                        " on the goalpost scale (no uncertainty available, so no significance is claimed)");
        }
    }
}

// One group's estimates in the two periods.
struct PairedGroup {
    const GroupFigure* now = nullptr;
    stats::Estimate before;
};

// The pair tested is chosen on the mean of each group's two estimates, not on the current ones. Choosing
// the best and worst groups by their current values picks groups whose current estimates happen to lie far
// apart, so the current gap is biased upwards (regression to the mean) and "no change" is flagged far more
// often than the level says. The mean is symmetric in the two periods: when they are exchangeable (no
// change), swapping them leaves the pair the same and turns gapNow - gapBefore into its negative, so the
// tested change has a symmetric null distribution (exactly normal with equal SEs in both periods).
void wideningFlags(const ScoreInput& input, const Indicator& indicator, const IndicatorScore& score,
                   FlagWriter& writer) {
    if (input.previousRows.empty())
        return;
    const double level = input.profile.significanceLevel;
    const double z = stats::zForLevel(level);
    const double p = indicator.polarity == Polarity::LowerIsBetter ? -1.0 : 1.0;
    for (const CharacteristicEquality& equality : score.characteristics) {
        std::vector<PairedGroup> paired; // groups with a standard error in both periods
        for (const GroupFigure& g : equality.groups) {
            if (!g.usedInScore || !g.estimate.se)
                continue;
            const EvidenceRow* row =
                findRow(input.previousRows, input, indicator.id, equality.characteristic, g.group);
            const auto before = row != nullptr ? rowEstimate(*row, &indicator, level) : std::nullopt;
            if (before && before->se)
                paired.push_back({&g, *before});
        }
        if (paired.size() < 2)
            continue;
        const auto meanMerit = [p](const PairedGroup& g) {
            return p * (g.now->estimate.value + g.before.value);
        };
        const auto [worst, best] = std::minmax_element(
            paired.begin(), paired.end(),
            [&](const PairedGroup& a, const PairedGroup& b) { return meanMerit(a) < meanMerit(b); });
        const double gapNow = p * (best->now->estimate.value - worst->now->estimate.value);
        const double gapBefore = p * (best->before.value - worst->before.value);
        const double se =
            std::sqrt(*best->now->estimate.se * *best->now->estimate.se +
                      *worst->now->estimate.se * *worst->now->estimate.se +
                      *best->before.se * *best->before.se + *worst->before.se * *worst->before.se);
        if (gapNow - gapBefore - z * se > 0.0)
            writer.add(FlagKind::Widening, indicator, equality.characteristic, worst->now->group,
                       equality.characteristic.str() + ": the gap between " + best->now->group.str() +
                           " and " + worst->now->group.str() + " widened from " + figure(gapBefore) + " to " +
                           figure(gapNow));
    }
}

void redRedFlag(const ScoreInput& input, const Indicator& indicator, const IndicatorScore& score,
                FlagWriter& writer) {
    const EvidenceRow* benchmark = nullptr;
    for (const EvidenceRow& row : input.benchmarkRows)
        if (row.indicator == indicator.id && row.isWholePopulation() && row.value)
            benchmark = &row;
    const EvidenceRow* before =
        findRow(input.previousRows, input, indicator.id, CharacteristicId{"all"}, GroupCode{"all"});
    if (benchmark == nullptr || before == nullptr)
        return;
    const auto earlier = rowEstimate(*before, &indicator, input.profile.significanceLevel);
    if (!earlier)
        return;
    const bool worseThanBenchmark =
        stats::compareToBenchmark(score.whole, *benchmark->value, indicator.polarity) ==
        stats::Significance::Worse;
    const bool worsening =
        stats::changeBetween(*earlier, score.whole, indicator.polarity, input.profile.significanceLevel)
            .change == stats::ChangeClass::Worsened;
    if (worseThanBenchmark && worsening)
        writer.add(FlagKind::RedRed, indicator, {}, {},
                   "everyone: " + figure(score.whole.value) + ", significantly worse than the benchmark " +
                       figure(*benchmark->value) + " and worsening from " + figure(earlier->value));
}

} // namespace

std::vector<Flag> raiseFlags(const ScoreInput& input, const std::vector<IndicatorScore>& scores) {
    std::vector<Flag> flags;
    FlagWriter writer(input.rules, flags);
    for (const IndicatorScore& score : scores) {
        const Indicator* indicator = input.catalogue.findIndicator(score.indicator);
        if (indicator == nullptr)
            continue;
        minimumStandardFlags(*indicator, score, writer);
        gapFlags(input, *indicator, score, writer);
        wideningFlags(input, *indicator, score, writer);
        redRedFlag(input, *indicator, score, writer);
    }
    return flags;
}

GradingResult gradeDomains(const std::vector<DomainScore>& domains, const std::vector<Flag>& flags,
                           const Grading& grading) {
    GradingResult result;
    for (const DomainScore& domain : domains) {
        if (!domain.score)
            continue;
        int grade = 0;
        for (const double threshold : grading.scoreThresholds)
            grade += *domain.score >= threshold ? 1 : 0;
        const bool worseGap = std::any_of(flags.begin(), flags.end(), [&](const Flag& f) {
            return f.kind == FlagKind::SignificantWorseGap && f.domain == domain.domain;
        });
        if (grading.capAtDevelopingOnWorseGap && worseGap)
            grade = std::min(grade, 1);
        result.domainGrades.emplace_back(domain.domain, grade);
        result.total += grade;
        result.maximum += 3;
    }
    if (result.maximum == 0) {
        result.band = "not graded (no domain has evidence)";
        return result;
    }
    const double fraction = static_cast<double>(result.total) / result.maximum;
    std::size_t band = 3;
    for (std::size_t k = 0; k < 3; ++k)
        if (fraction < grading.bandFractions[k]) {
            band = k;
            break;
        }
    result.band = grading.labels[band];
    return result;
}

} // namespace capeq
