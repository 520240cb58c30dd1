// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/stats/group_estimates.hpp>

namespace capeq {

std::optional<stats::Estimate> estimateForRow(const EvidenceRow& row, const Indicator* indicator,
                                              double level) {
    const MeasureType type = indicator ? indicator->measureType : MeasureType::Proportion;
    const double multiplier = indicator ? indicator->multiplier : 100.0;
    if (row.value && row.standardError && *row.standardError >= 0.0)
        return stats::estimateFromSe(*row.value, *row.standardError, level);
    if (row.value && row.lowerCi && row.upperCi && *row.lowerCi <= *row.upperCi)
        return stats::estimateFromCi(*row.value, *row.lowerCi, *row.upperCi, 0.95, level);
    if (row.numerator && row.denominator && *row.denominator > 0.0 && *row.numerator >= 0.0) {
        if (type == MeasureType::Proportion && *row.numerator <= *row.denominator) {
            stats::Estimate estimate =
                stats::wilsonProportion(*row.numerator, *row.denominator, level, multiplier);
            if (row.value)
                estimate.value = *row.value; // the published value stands; the interval comes from the counts
            return estimate;
        }
        if (type == MeasureType::Rate) {
            stats::Estimate estimate =
                stats::poissonRate(*row.numerator, *row.denominator, level, multiplier);
            if (row.value)
                estimate.value = *row.value;
            return estimate;
        }
    }
    if (row.value)
        return stats::estimateWithoutCi(*row.value, kNoUncertainty, level);
    return std::nullopt;
}

} // namespace capeq
