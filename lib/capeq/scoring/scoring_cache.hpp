// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/scoring/scorer.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace capeq {

/// Everything scoreService works out for one indicator from that indicator's own evidence: disclosure
/// control of its table, its score (or why it is not scored) and its flags. The cell, domain and overall
/// aggregation is recomputed from these on every call.
struct IndicatorOutcome {
    std::optional<IndicatorScore> score;    ///< absent when the indicator is not scored
    std::string note;                       ///< why not scored; empty when scored
    std::vector<CharacteristicId> assessed; ///< characteristics with at least one usable group
    std::vector<Flag> flags;                ///< in the order raiseFlags gives them
};

/// The evidence one indicator's outcome depends on, each in input order: its rows in the scored period,
/// in the compared period and in the benchmark.
struct IndicatorEvidence {
    std::vector<const EvidenceRow*> rows;
    std::vector<const EvidenceRow*> previousRows;
    std::vector<const EvidenceRow*> benchmarkRows;
};

/// A 128-bit content hash of everything an IndicatorOutcome is computed from: the profile, rule set,
/// disclosure policy and weights, the service, area and period, the indicator's catalogue entry (nullptr
/// when it is not in the catalogue) and every field of its evidence rows but their source location (which
/// scoring never reads). Numbers enter bit for bit. A field added to those types must be added here.
std::string indicatorFingerprint(const ScoreInput& input, const std::string& indicatorId,
                                 const Indicator* indicator, const IndicatorEvidence& evidence);

/// Remembers each indicator's outcome with the fingerprint of what it was computed from, so that
/// scoreService(input, cache) recomputes only the indicators whose evidence or settings changed; its
/// result is identical to scoreService(input). Entries are kept per service x area x period x indicator,
/// so the compared and earlier periods of an assessment have their own.
///
/// Not thread-safe: one owner (the studio's scoring worker) uses it for one scoring job at a time.
class ScoringCache {
public:
    /// The stored outcome when the slot's fingerprint equals this one (a hit), else nullptr (a miss).
    const IndicatorOutcome* find(const ServiceId& service, const AreaCode& area, const std::string& period,
                                 const std::string& indicatorId, const std::string& fingerprint);
    /// Stores an outcome in its slot (replacing an older one) and returns it.
    const IndicatorOutcome& store(const ServiceId& service, const AreaCode& area, const std::string& period,
                                  const std::string& indicatorId, std::string fingerprint,
                                  IndicatorOutcome outcome);

    std::size_t hits() const noexcept { return m_hits; }
    std::size_t misses() const noexcept { return m_misses; }
    std::size_t size() const noexcept { return m_entries.size(); }
    void resetCounts() noexcept { m_hits = m_misses = 0; }

    /// Drops the entries neither found nor stored since the previous call, so a cache kept across edits
    /// holds only what the latest job needed (e.g. not the periods of a closed assessment).
    void forgetUnused();
    void clear() noexcept;

private:
    using Slot = std::tuple<std::string, std::string, std::string, std::string>;
    struct Entry {
        std::string fingerprint;
        IndicatorOutcome outcome;
        bool used = true;
    };
    std::map<Slot, Entry> m_entries;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

} // namespace capeq
