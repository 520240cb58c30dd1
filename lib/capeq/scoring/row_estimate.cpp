// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/stats/evidence_estimates.hpp>

#include <stdexcept>

namespace capeq {

std::optional<stats::Estimate> rowEstimate(const EvidenceRow& row, const Indicator* indicator, double level) {
    if (indicator == nullptr)
        return std::nullopt;
    try {
        return stats::estimateForRow(row, stats::statsInfoFor(*indicator), level);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

} // namespace capeq
