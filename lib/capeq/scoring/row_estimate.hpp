// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/stats/estimate.hpp>

#include <optional>

namespace capeq {

/// stats::estimateForRow for a catalogue indicator, for scoring: rows with impossible counts (which the
/// validator rejects on import, but a hand-edited store could hold) give no estimate instead of throwing.
std::optional<stats::Estimate> rowEstimate(const EvidenceRow& row, const Indicator* indicator, double level);

} // namespace capeq
