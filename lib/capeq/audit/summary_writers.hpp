// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/audit/audit_input.hpp>
#include <capeq/audit/league_table.hpp>

#include <map>
#include <string>
#include <vector>

namespace capeq::audit {

/// What the summary states about how it was made (no times: the summary must be byte-identical for the
/// same inputs; times live only in run.json).
struct SummaryContext {
    std::string inputName; ///< INPUT's file name (not its directory)
    std::string evidenceFingerprint;
    std::string period;
    std::string compareTo;
    std::string profile;
    std::string weights;
    std::string rules;
    std::string disclosureRule;
    double largeGapThreshold = 10.0;
    double significanceLevel = 0.95;
    IntervalOptions interval;
    SensitivityOptions sensitivity;
    std::vector<AbsentUnit> absent;
    std::vector<InputFailure> inputFailures;
    std::vector<Diagnostic> warnings;
    std::string reportExtension; ///< "html" when per-service HTML reports exist, else "json"
    std::string benchmarkArea;   ///< empty: no benchmark, so no red-red flags
    std::vector<ServiceId> servicesWithoutBenchmark;
    std::map<AreaCode, std::string> areaNames; ///< organisation names where the source gives them
};

/// "Name (id)" when names has a name for area, else the id alone.
std::string areaLabel(const std::map<AreaCode, std::string>& names, const AreaCode& area);

/// The per-unit file path stem under the output directory: "services/<service>/<area>", with any
/// character outside [A-Za-z0-9._-] replaced by '_' (and a leading '.' too, so no name is hidden).
std::string unitFileStem(const ServiceId& service, const AreaCode& area);

/// summary.csv: one row per unit (league order within each service, then units without an index).
std::string summaryCsv(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                       const SummaryContext& context);
/// summary.json: settings, league tables, flag counts, and every unit not scored with the reason.
std::string summaryJson(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                        const SummaryContext& context);
/// summary.html: self-contained (inline CSS, no scripts, no external references), all text escaped.
std::string summaryHtml(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                        const SummaryContext& context);

/// Escapes & < > " ' for HTML text and attribute values.
std::string escapeHtml(const std::string& text);

} // namespace capeq::audit
