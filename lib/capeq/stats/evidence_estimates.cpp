// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/evidence_estimates.hpp>
#include <capeq/stats/group_estimates.hpp>

#include <cmath>

namespace capeq::stats {

IndicatorStatsInfo statsInfoFor(const Indicator& indicator) {
    return {indicator.polarity, indicator.measureType, indicator.multiplier};
}

std::optional<Estimate> estimateForRow(const EvidenceRow& row, const IndicatorStatsInfo& info, double level) {
    const bool countBased =
        info.measureType == MeasureType::Proportion || info.measureType == MeasureType::Rate;
    if (countBased && row.numerator && row.denominator && *row.denominator > 0.0) {
        if (info.measureType == MeasureType::Proportion)
            return wilsonProportion(*row.numerator, *row.denominator, level, info.multiplier);
        return poissonRate(*row.numerator, *row.denominator, level, info.multiplier);
    }
    if (!row.value)
        return std::nullopt;
    if (row.standardError)
        return estimateFromSe(*row.value, *row.standardError, level);
    const bool at998 = std::fabs(level - 0.998) < 1e-12;
    if (at998 && row.lowerCi998 && row.upperCi998) {
        Estimate e = estimateFromCi(*row.value, *row.lowerCi998, *row.upperCi998, 0.998, 0.998);
        if (row.lowerCi && row.upperCi) // the 95% limits give the better SE for tests between groups
            e.se = *estimateFromCi(*row.value, *row.lowerCi, *row.upperCi, 0.95, 0.95).se;
        return e;
    }
    if (row.lowerCi && row.upperCi)
        return estimateFromCi(*row.value, *row.lowerCi, *row.upperCi, 0.95, level);
    return estimateWithoutCi(*row.value, "no standard error, limits or counts supplied", level);
}

std::optional<double> unweightedBase(const EvidenceRow& row) {
    if (row.sampleSize)
        return row.sampleSize;
    if (row.denominator)
        return row.denominator;
    return std::nullopt;
}

} // namespace capeq::stats
