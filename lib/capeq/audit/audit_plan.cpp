// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_plan.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace capeq::audit {

namespace {

[[noreturn]] void fail(const std::string& inputName, const std::string& message, const std::string& hint) {
    throw InputError(Diagnostic{Severity::Error, {inputName, 0, 0, ""}, message, hint});
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

} // namespace

const std::vector<EvidenceRow>& AuditPlan::benchmarkFor(const ServiceId& service,
                                                        const std::string& inPeriod) const {
    static const std::vector<EvidenceRow> none;
    const auto found = benchmarks.find({service, inPeriod});
    return found == benchmarks.end() ? none : found->second;
}

AuditPlan planAudit(std::vector<EvidenceRow> rows, const std::string& period, const std::string& compareTo,
                    const std::string& inputName, const std::string& benchmarkArea) {
    if (rows.empty())
        fail(inputName, "the input holds no evidence", "import evidence first (capeq import FILE --db DB)");
    AuditPlan plan;
    std::set<std::string> periods;
    for (const EvidenceRow& row : rows)
        periods.insert(row.period);
    plan.periods.assign(periods.begin(), periods.end());
    plan.period = period.empty() ? plan.periods.back() : period;
    const auto at = std::find(plan.periods.begin(), plan.periods.end(), plan.period);
    if (at == plan.periods.end())
        fail(inputName, "no evidence for period '" + plan.period + "'",
             "use one of: " + joined(plan.periods));
    if (!compareTo.empty()) {
        const auto before = std::find(plan.periods.begin(), at, compareTo);
        if (before == at)
            fail(inputName, "cannot compare with period '" + compareTo + "'",
                 "choose a period earlier than " + plan.period + " from: " + joined(plan.periods));
        plan.compareTo = compareTo;
    } else if (at != plan.periods.begin()) {
        plan.compareTo = *(at - 1);
    }

    plan.benchmarkArea = benchmarkArea;
    if (!benchmarkArea.empty() && std::none_of(rows.begin(), rows.end(), [&](const EvidenceRow& row) {
            return row.area.str() == benchmarkArea;
        }))
        fail(inputName, "no evidence for the benchmark area '" + benchmarkArea + "'",
             "give the area code of the benchmark's rows in the input (e.g. the national figures' code), or "
             "leave --benchmark-area out");

    // (service, area) -> period -> rows; std::map keeps the service/area/period order deterministic.
    std::map<std::pair<ServiceId, AreaCode>, std::map<std::string, std::vector<EvidenceRow>>> grouped;
    for (EvidenceRow& row : rows) {
        if (row.period > plan.period)
            continue; // later periods play no part in this audit
        if (!benchmarkArea.empty() && row.area.str() == benchmarkArea) {
            if (row.isWholePopulation())
                plan.benchmarks[{row.service, row.period}].push_back(std::move(row));
            continue;
        }
        grouped[{row.service, row.area}][row.period].push_back(std::move(row));
    }
    rows.clear();
    rows.shrink_to_fit();
    for (auto& [key, byPeriod] : grouped) {
        const auto current = byPeriod.find(plan.period);
        if (current == byPeriod.end()) {
            plan.absent.push_back({key.first, key.second, byPeriod.rbegin()->first});
            continue;
        }
        AuditUnit unit;
        unit.service = key.first;
        unit.area = key.second;
        unit.rows = std::move(current->second);
        for (auto& [unitPeriod, unitRows] : byPeriod) {
            if (unitPeriod == plan.period)
                continue;
            if (unitPeriod == plan.compareTo)
                unit.previousRows = unitRows;
            unit.earlier.emplace_back(unitPeriod, std::move(unitRows));
        }
        plan.units.push_back(std::move(unit));
    }
    if (!benchmarkArea.empty())
        for (const AuditUnit& unit : plan.units)
            if (plan.benchmarkFor(unit.service, plan.period).empty() &&
                (plan.servicesWithoutBenchmark.empty() ||
                 plan.servicesWithoutBenchmark.back() != unit.service))
                plan.servicesWithoutBenchmark.push_back(unit.service);
    return plan;
}

} // namespace capeq::audit
