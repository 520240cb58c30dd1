// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/evidence/evidence.hpp>

#include <map>
#include <string>
#include <vector>

namespace capeq::audit {

/// One service in one area (an organisation) to be scored: its evidence for the audited period, the
/// compared period, and every earlier period (for the trend in its report).
struct AuditUnit {
    ServiceId service;
    AreaCode area;
    std::vector<EvidenceRow> rows;         ///< the audited period
    std::vector<EvidenceRow> previousRows; ///< the compared period (empty when it has none)
    /// Earlier periods, oldest first, each with its rows (includes the compared period).
    std::vector<std::pair<std::string, std::vector<EvidenceRow>>> earlier;
};

/// A service x area that has evidence in the input but none for the audited period: listed, never
/// silently skipped.
struct AbsentUnit {
    ServiceId service;
    AreaCode area;
    std::string latestPeriod; ///< the latest period it does have evidence for
};

/// What an audit covers: the period, the compared period and the units, ordered by service then area so
/// that every output is in the same order whatever the number of worker threads.
struct AuditPlan {
    std::vector<std::string> periods; ///< every period in the input, sorted
    std::string period;
    std::string compareTo; ///< empty when there is no earlier period
    std::vector<AuditUnit> units;
    std::vector<AbsentUnit> absent;
    /// The benchmark area (e.g. the national figures): its rows are compared with, never audited.
    std::string benchmarkArea;
    /// Whole-population rows of the benchmark area by (service, period).
    std::map<std::pair<ServiceId, std::string>, std::vector<EvidenceRow>> benchmarks;
    /// Audited services with no benchmark figure in the audited period: red-red cannot be judged for them.
    std::vector<ServiceId> servicesWithoutBenchmark;

    /// The benchmark rows for service in period (empty when there are none).
    const std::vector<EvidenceRow>& benchmarkFor(const ServiceId& service, const std::string& inPeriod) const;
};

/// Splits rows (consumed) into units. period empty: the latest period in the input; compareTo empty: the
/// period before it. benchmarkArea non-empty: that area's rows are taken out as each service's benchmark
/// (its whole-population rows, per period) and not audited. Throws InputError when there are no rows,
/// period/compareTo are not in the input, compareTo is not earlier than period, or the benchmark area has
/// no rows.
AuditPlan planAudit(std::vector<EvidenceRow> rows, const std::string& period, const std::string& compareTo,
                    const std::string& inputName, const std::string& benchmarkArea = {});

} // namespace capeq::audit
