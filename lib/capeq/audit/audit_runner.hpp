// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/audit/audit_plan.hpp>
#include <capeq/audit/index_interval.hpp>
#include <capeq/scoring/scorer.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace capeq::audit {

/// The choices that affect an audit's numbers; all are recorded in run.json.
struct AuditSettings {
    ScoringProfile profile;
    WeightProfile weights;
    RuleSet rules;
    DisclosurePolicy disclosure;
    IntervalOptions interval;
};

/// What happened to one unit.
enum class UnitStatus {
    Scored,           ///< an overall index was computed
    NoUsableEvidence, ///< evidence exists but no indicator could be scored (see UnitResult::problem)
    Failed,           ///< scoring threw: reported, and the rest of the audit goes on
};
/// "scored", "no_usable_evidence", "failed".
std::string toString(UnitStatus status);

/// The scores of one unit: the audited period, the compared period, every earlier period (oldest
/// first, for trends) and the interval of the index.
struct UnitResult {
    std::size_t index = 0; ///< position in AuditPlan::units
    UnitStatus status = UnitStatus::Scored;
    std::string problem; ///< why it is not Scored
    ServiceScore score;
    std::optional<ServiceScore> previous;
    std::vector<ServiceScore> history;
    IndexInterval interval;
};

/// Scores one unit of plan (exceptions are caught and turned into a Failed result). Deterministic.
UnitResult scoreUnit(const Catalogue& catalogue, const AuditSettings& settings, const AuditPlan& plan,
                     std::size_t index);

/// Scores every unit of a plan on worker threads and hands the results over in plan order, so the
/// output is the same whatever the number of threads. The catalogue, settings and plan must outlive the
/// runner. Workers run at most a bounded number of units ahead of the consumer, so memory stays bounded
/// however slow the consumer (e.g. rendering reports) is. The destructor cancels and joins the workers.
class AuditRunner {
public:
    AuditRunner(const Catalogue& catalogue, const AuditSettings& settings, const AuditPlan& plan, int jobs);
    ~AuditRunner();
    AuditRunner(const AuditRunner&) = delete;
    AuditRunner& operator=(const AuditRunner&) = delete;

    /// Blocks until the next unit in plan order is scored and hands it over; nullopt once every unit has
    /// been handed over or after cancel().
    std::optional<UnitResult> next();
    /// Stops the workers after the units they are scoring; safe to call from any thread.
    void cancel();

private:
    void work();

    const Catalogue& m_catalogue;
    const AuditSettings& m_settings;
    const AuditPlan& m_plan;
    std::size_t m_window;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::optional<UnitResult>> m_slots;
    std::size_t m_nextToScore = 0;
    std::size_t m_nextToHand = 0;
    bool m_cancelled = false;
    std::vector<std::thread> m_workers;
};

} // namespace capeq::audit
