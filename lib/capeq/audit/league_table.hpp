// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/audit/audit_runner.hpp>
#include <capeq/scoring/sensitivity.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capeq::audit {

/// What the summary keeps of one unit once its own files are written (the group figures are dropped).
struct UnitDigest {
    ServiceId service;
    AreaCode area;
    UnitStatus status = UnitStatus::Scored;
    std::string problem;
    ServiceScore score; ///< indicators cleared; domains, cells, coverage and flags kept
    std::optional<double> previousIndex;
    IndexInterval interval;
};

/// The digest of a result: moves what the summary needs out of it.
UnitDigest digestOf(UnitResult&& result);

/// One row of a service's league table. Ranks are 1 = highest index.
struct LeagueEntry {
    std::size_t unit = 0; ///< position in the digests
    int rank = 0;
    std::optional<int> rankBest;                ///< plausible rank range from overlapping intervals: best ...
    std::optional<int> rankWorst;               ///< ... and worst; absent when the unit has no interval
    int band = 0;                               ///< 1 = top band (of RankSettings::bands)
    std::optional<double> probabilityKeepsBand; ///< under Dirichlet weight perturbation (rankStability)
};

/// One service's league: every organisation with an index for that service, best first.
struct League {
    ServiceId service;
    std::vector<LeagueEntry> entries;
};

/// Flags counted by kind under one key (a domain id, or a characteristic id / "everyone").
using FlagCounts = std::map<std::string, std::map<std::string, int>>;

/// Everything the summary files show.
struct AuditSummary {
    std::vector<League> leagues; ///< one per service, in service order
    FlagCounts flagsByDomain;
    FlagCounts flagsByCharacteristic;
    int scored = 0;
    int noUsableEvidence = 0;
    int failed = 0;
    int breached = 0;
};

/// Builds the league tables (rank, interval-overlap rank range, band, band stability) and the flag
/// counts from the digests. Deterministic: ties in the index keep plan (area) order.
AuditSummary summarise(const std::vector<UnitDigest>& digests, const AuditSettings& settings,
                       const SensitivityOptions& sensitivity);

/// Plausible rank range of each value given intervals [lower, upper] (use the value for both when there
/// is none): best = 1 + #(others whose lower limit is above my upper), worst = n - #(others whose upper
/// limit is below my lower). Ranks are 1 = highest.
std::vector<std::pair<int, int>> rankRanges(const std::vector<double>& lowers,
                                            const std::vector<double>& uppers);

} // namespace capeq::audit
