// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_runner.hpp>

#include <algorithm>
#include <exception>

namespace capeq::audit {

namespace {

ScoreInput inputFor(const Catalogue& catalogue, const AuditSettings& settings, const AuditUnit& unit,
                    const std::string& period) {
    return ScoreInput{
        catalogue,        unit.service,   unit.area,          period, {}, {}, {}, settings.profile,
        settings.weights, settings.rules, settings.disclosure};
}

std::string joinedNotes(const ServiceScore& score) {
    std::string text;
    for (const std::string& note : score.notes)
        text += (text.empty() ? "" : "; ") + note;
    return text.empty() ? "no indicator with a usable whole-population figure" : text;
}

} // namespace

std::string toString(UnitStatus status) {
    switch (status) {
    case UnitStatus::Scored:
        return "scored";
    case UnitStatus::NoUsableEvidence:
        return "no_usable_evidence";
    case UnitStatus::Failed:
        return "failed";
    }
    return "failed";
}

UnitResult scoreUnit(const Catalogue& catalogue, const AuditSettings& settings, const AuditPlan& plan,
                     std::size_t index) {
    const AuditUnit& unit = plan.units.at(index);
    UnitResult result;
    result.index = index;
    result.score.service = unit.service;
    result.score.area = unit.area;
    result.score.period = plan.period;
    try {
        ScoreInput input = inputFor(catalogue, settings, unit, plan.period);
        input.rows = unit.rows;
        input.previousRows = unit.previousRows;
        input.benchmarkRows = plan.benchmarkFor(unit.service, plan.period);
        result.score = scoreService(input);
        // Earlier periods, each compared with the one before it, for the trend and the change column.
        for (std::size_t k = 0; k < unit.earlier.size(); ++k) {
            ScoreInput earlier = inputFor(catalogue, settings, unit, unit.earlier[k].first);
            earlier.rows = unit.earlier[k].second;
            if (k > 0)
                earlier.previousRows = unit.earlier[k - 1].second;
            earlier.benchmarkRows = plan.benchmarkFor(unit.service, unit.earlier[k].first);
            result.history.push_back(scoreService(earlier));
            if (unit.earlier[k].first == plan.compareTo)
                result.previous = result.history.back();
        }
        if (!result.score.overall) {
            result.status = UnitStatus::NoUsableEvidence;
            result.problem = joinedNotes(result.score);
            return result;
        }
        result.interval = simulateIndexInterval(input, *result.score.overall, settings.interval);
    } catch (const std::exception& error) {
        result.status = UnitStatus::Failed;
        result.problem = error.what();
    }
    return result;
}

AuditRunner::AuditRunner(const Catalogue& catalogue, const AuditSettings& settings, const AuditPlan& plan,
                         int jobs)
    : m_catalogue(catalogue)
    , m_settings(settings)
    , m_plan(plan)
    , m_window(64 * static_cast<std::size_t>(std::max(1, jobs)))
    , m_slots(plan.units.size()) {
    for (int k = 0; k < std::max(1, jobs); ++k)
        m_workers.emplace_back([this] { work(); });
}

AuditRunner::~AuditRunner() {
    cancel();
    for (std::thread& worker : m_workers)
        worker.join();
}

void AuditRunner::cancel() {
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
}

void AuditRunner::work() {
    for (;;) {
        std::size_t index = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] {
                return m_cancelled || m_nextToScore >= m_slots.size() ||
                       m_nextToScore < m_nextToHand + m_window;
            });
            if (m_cancelled || m_nextToScore >= m_slots.size())
                return;
            index = m_nextToScore++;
        }
        UnitResult result = scoreUnit(m_catalogue, m_settings, m_plan, index);
        {
            const std::lock_guard lock(m_mutex);
            m_slots[index] = std::move(result);
        }
        m_changed.notify_all();
    }
}

std::optional<UnitResult> AuditRunner::next() {
    std::unique_lock lock(m_mutex);
    if (m_nextToHand >= m_slots.size())
        return std::nullopt;
    m_changed.wait(lock, [this] { return m_cancelled || m_slots[m_nextToHand].has_value(); });
    if (m_cancelled)
        return std::nullopt;
    std::optional<UnitResult> result = std::move(m_slots[m_nextToHand]);
    m_slots[m_nextToHand].reset();
    ++m_nextToHand;
    lock.unlock();
    m_changed.notify_all(); // the window moved: a waiting worker may take more work
    return result;
}

} // namespace capeq::audit
