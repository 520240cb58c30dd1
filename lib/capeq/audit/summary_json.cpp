// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/summary_writers.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

namespace capeq::audit {

namespace {

using Json = nlohmann::ordered_json;

// Rounded so the file reads well and does not depend on the last bits of a sum's order.
Json number(const std::optional<double>& value, int decimals = 4) {
    if (!value)
        return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(*value * scale) / scale;
}

Json flagCounts(const FlagCounts& counts) {
    Json out = Json::object();
    for (const auto& [key, kinds] : counts) {
        Json byKind = Json::object();
        for (const auto& [kind, n] : kinds)
            byKind[kind] = n;
        out[key] = byKind;
    }
    return out;
}

Json unitJson(const UnitDigest& d, const LeagueEntry* entry, const SummaryContext& context) {
    Json unit;
    unit["service"] = d.service.str();
    unit["area"] = d.area.str();
    if (const auto name = context.areaNames.find(d.area); name != context.areaNames.end())
        unit["area_name"] = name->second;
    unit["status"] = toString(d.status);
    if (entry != nullptr) {
        unit["rank"] = entry->rank;
        unit["rank_range"] = entry->rankBest ? Json::array({*entry->rankBest, *entry->rankWorst}) : Json();
        unit["band"] = entry->band;
        unit["p_keeps_band"] = number(entry->probabilityKeepsBand, 3);
    }
    unit["index"] = number(d.score.overall);
    unit["interval"] =
        d.interval.lower ? Json::array({number(d.interval.lower), number(d.interval.upper)}) : Json();
    if (!d.interval.lower && d.status == UnitStatus::Scored)
        unit["interval_unavailable"] = d.interval.unavailableReason;
    unit["interval_partial"] = d.interval.partial;
    unit["partial_index"] = d.score.coverage.partial;
    unit["previous_index"] = number(d.previousIndex);
    unit["cells_with_evidence"] = d.score.coverage.cellsWithEvidence;
    unit["domains_with_evidence"] = d.score.coverage.domainsWithEvidence;
    Json flags = Json::array();
    for (const Flag& flag : d.score.flags)
        flags.push_back({{"kind", toString(flag.kind)},
                         {"indicator", flag.indicator.str()},
                         {"domain", flag.domain.str()},
                         {"characteristic", flag.characteristic.str()},
                         {"group", flag.group.str()},
                         {"breach", flag.breach},
                         {"message", flag.message}});
    unit["flags"] = flags;
    unit["breach"] = d.score.breached();
    if (!d.problem.empty())
        unit["problem"] = d.problem;
    unit["report"] = unitFileStem(d.service, d.area) + "." + context.reportExtension;
    return unit;
}

} // namespace

std::string summaryJson(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                        const SummaryContext& context) {
    Json document;
    document["capeq_audit_summary"] = 1;
    document["method_version"] = CAPEQ_METHOD_VERSION;
    document["capeq_version"] = CAPEQ_VERSION;
    document["input"] = context.inputName;
    document["evidence_sha256"] = context.evidenceFingerprint;
    document["period"] = context.period;
    document["compared_with"] = context.compareTo.empty() ? Json() : Json(context.compareTo);
    document["profile"] = context.profile;
    document["weights"] = context.weights;
    document["rules"] = context.rules;
    document["significance_level"] = context.significanceLevel;
    document["large_gap_threshold"] = context.largeGapThreshold;
    document["disclosure_rule"] = context.disclosureRule;
    if (context.benchmarkArea.empty()) {
        document["benchmark"] = nullptr;
    } else {
        Json without = Json::array();
        for (const ServiceId& service : context.servicesWithoutBenchmark)
            without.push_back(service.str());
        document["benchmark"] = {
            {"area", context.benchmarkArea},
            {"rows", "the same service's whole-population figures in that area, same period"},
            {"services_without_benchmark", without}};
    }
    document["index_interval"] = {{"method", "parametric simulation: each figure with a standard error drawn "
                                             "from its sampling distribution, the service rescored, "
                                             "percentile limits"},
                                  {"draws", context.interval.draws},
                                  {"level", context.interval.level},
                                  {"seed", context.interval.seed}};
    document["rank_stability"] = {{"method", "Dirichlet perturbation of domain and dimension weights"},
                                  {"draws", context.sensitivity.draws},
                                  {"concentration", context.sensitivity.concentration},
                                  {"bands", context.sensitivity.bands},
                                  {"seed", context.sensitivity.seed}};
    document["counts"] = {{"scored", summary.scored},
                          {"no_usable_evidence", summary.noUsableEvidence},
                          {"failed", summary.failed},
                          {"no_evidence_in_period", context.absent.size()},
                          {"inputs_failed", context.inputFailures.size()},
                          {"breached", summary.breached}};
    Json leagues = Json::array();
    for (const League& league : summary.leagues) {
        Json entries = Json::array();
        for (const LeagueEntry& entry : league.entries)
            entries.push_back(unitJson(digests[entry.unit], &entry, context));
        leagues.push_back({{"service", league.service.str()}, {"entries", entries}});
    }
    document["leagues"] = leagues;
    document["flags_by_domain"] = flagCounts(summary.flagsByDomain);
    document["flags_by_characteristic"] = flagCounts(summary.flagsByCharacteristic);
    Json unscored = Json::array();
    for (const UnitDigest& d : digests)
        if (d.status != UnitStatus::Scored)
            unscored.push_back(unitJson(d, nullptr, context));
    document["not_scored"] = unscored;
    Json absent = Json::array();
    for (const AbsentUnit& a : context.absent)
        absent.push_back(
            {{"service", a.service.str()}, {"area", a.area.str()}, {"latest_period", a.latestPeriod}});
    document["no_evidence_in_period"] = absent;
    Json failures = Json::array();
    for (const InputFailure& f : context.inputFailures) {
        Json problems = Json::array();
        for (const Diagnostic& problem : f.problems)
            problems.push_back(formatDiagnostic(problem));
        failures.push_back({{"file", f.file},
                            {"organisation", f.organisation},
                            {"service", f.service},
                            {"problems", problems}});
    }
    document["inputs_failed"] = failures;
    Json warnings = Json::array();
    for (const Diagnostic& warning : context.warnings)
        warnings.push_back(formatDiagnostic(warning));
    document["figures_left_out"] = warnings;
    return document.dump(2) + "\n";
}

} // namespace capeq::audit
