// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/summary_writers.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace capeq::audit {

namespace {

constexpr const char* kStyle = R"(body{font-family:sans-serif;margin:2em;color:#222;max-width:75em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left}
th{background:#eee}td.n{text-align:right}.bar{position:relative;width:12em;height:.9em;background:#f2f2f2}
.ci{position:absolute;top:.3em;height:.3em;background:#0072b2}.pt{position:absolute;top:0;width:.2em;
height:.9em;background:#000}.breach{color:#a00;font-weight:bold}.note{color:#555;font-size:.9em})";

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string fixed(const std::optional<double>& value, int decimals) {
    return value ? fixed(*value, decimals) : std::string("–");
}

std::string percent(double value) {
    return fixed(std::clamp(value, 0.0, 100.0), 2) + "%";
}

// The index and its interval drawn on the 0-100 scale with CSS only (no scripts, no images).
std::string intervalBar(const UnitDigest& d) {
    std::string bar = "<div class=\"bar\">";
    if (d.interval.lower)
        bar += "<span class=\"ci\" style=\"left:" + percent(*d.interval.lower) +
               ";width:" + percent(*d.interval.upper - *d.interval.lower) + "\"></span>";
    bar += "<span class=\"pt\" style=\"left:" + percent(*d.score.overall) + "\"></span></div>";
    return bar;
}

void flagTable(std::ostringstream& out, const std::string& title, const std::string& keyName,
               const FlagCounts& counts) {
    out << "<h2>" << escapeHtml(title) << "</h2>\n";
    if (counts.empty()) {
        out << "<p>No flags.</p>\n";
        return;
    }
    std::set<std::string> kinds;
    for (const auto& [key, byKind] : counts)
        for (const auto& [kind, n] : byKind)
            kinds.insert(kind);
    out << "<table><tr><th>" << escapeHtml(keyName) << "</th>";
    for (const std::string& kind : kinds)
        out << "<th>" << escapeHtml(kind) << "</th>";
    out << "</tr>\n";
    for (const auto& [key, byKind] : counts) {
        out << "<tr><td>" << escapeHtml(key) << "</td>";
        for (const std::string& kind : kinds) {
            const auto found = byKind.find(kind);
            out << "<td class=\"n\">" << (found == byKind.end() ? 0 : found->second) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n";
}

void leagueTable(std::ostringstream& out, const League& league, const std::vector<UnitDigest>& digests,
                 const SummaryContext& context) {
    out << "<h2>League table: " << escapeHtml(league.service.str()) << " (" << league.entries.size()
        << (league.entries.size() == 1 ? " organisation" : " organisations")
        << ")</h2>\n<table><tr><th>rank</th><th>plausible ranks</th><th>band</th>"
        << "<th>P(keeps band)</th><th>organisation</th><th>index</th><th>95% interval</th><th></th>"
        << "<th>previous</th><th>change</th><th>flags</th><th>breach</th></tr>\n";
    for (const LeagueEntry& entry : league.entries) {
        const UnitDigest& d = digests[entry.unit];
        const std::string report = unitFileStem(d.service, d.area) + "." + context.reportExtension;
        std::string interval = d.interval.lower
                                   ? fixed(*d.interval.lower, 1) + "–" + fixed(*d.interval.upper, 1) +
                                         (d.interval.partial ? " (partial)" : "")
                                   : "none: " + d.interval.unavailableReason;
        const std::string change =
            d.previousIndex ? fixed(*d.score.overall - *d.previousIndex, 1) : std::string("–");
        out << "<tr><td class=\"n\">" << entry.rank << "</td><td class=\"n\">"
            << (entry.rankBest ? std::to_string(*entry.rankBest) + "–" + std::to_string(*entry.rankWorst)
                               : std::string("–"))
            << "</td><td class=\"n\">" << entry.band << "</td><td class=\"n\">"
            << fixed(entry.probabilityKeepsBand, 2) << "</td><td><a href=\"" << escapeHtml(report) << "\">"
            << escapeHtml(areaLabel(context.areaNames, d.area)) << "</a></td><td class=\"n\">"
            << fixed(d.score.overall, 1) << (d.score.coverage.partial ? " (partial)" : "") << "</td><td>"
            << escapeHtml(interval) << "</td><td>" << intervalBar(d) << "</td><td class=\"n\">"
            << fixed(d.previousIndex, 1) << "</td><td class=\"n\">" << change << "</td><td class=\"n\">"
            << d.score.flags.size() << "</td><td" << (d.score.breached() ? " class=\"breach\">yes" : ">no")
            << "</td></tr>\n";
    }
    out << "</table>\n";
}

void benchmarkNote(std::ostringstream& out, const SummaryContext& context) {
    if (context.benchmarkArea.empty()) {
        out << "<p class=\"note\">No benchmark was given (--benchmark-area), so no service can be flagged "
            << "red-red (significantly worse than the benchmark and worsening).</p>\n";
        return;
    }
    out << "<p class=\"note\">Benchmark: area " << escapeHtml(context.benchmarkArea)
        << ". Each service is compared with the same service's whole-population figure there in the same "
        << "period; the benchmark's own rows are not audited.";
    if (!context.servicesWithoutBenchmark.empty()) {
        out << " No benchmark figure for " << escapeHtml(context.period)
            << ", so no red-red judgement, for: ";
        for (std::size_t k = 0; k < context.servicesWithoutBenchmark.size(); ++k)
            out << (k > 0 ? ", " : "") << escapeHtml(context.servicesWithoutBenchmark[k].str());
        out << ".";
    }
    out << "</p>\n";
}

} // namespace

std::string summaryHtml(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                        const SummaryContext& context) {
    std::ostringstream out;
    const std::string period =
        context.period + (context.compareTo.empty() ? "" : " (compared with " + context.compareTo + ")");
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CapEq audit summary, "
        << escapeHtml(context.period) << "</title><style>" << kStyle << "</style></head><body>\n"
        << "<h1>CapEq audit summary: " << escapeHtml(period) << "</h1>\n<p>" << summary.scored
        << " services scored, " << summary.breached << " with a breach, " << summary.noUsableEvidence
        << " with no usable evidence, " << summary.failed << " failed, " << context.absent.size()
        << " with no evidence for the period, " << context.inputFailures.size()
        << " input files that could not be used.</p>\n<p class=\"note\">Input "
        << escapeHtml(context.inputName) << " (evidence SHA-256 " << escapeHtml(context.evidenceFingerprint)
        << "); profile " << escapeHtml(context.profile) << ", weights " << escapeHtml(context.weights)
        << ", rules " << escapeHtml(context.rules) << "; CapEq method " << CAPEQ_METHOD_VERSION
        << "; disclosure control " << escapeHtml(context.disclosureRule) << ".</p>\n"
        << "<p class=\"note\">The interval of each capability-equality index comes from "
        << context.interval.draws << " rescorings with every figure drawn from its sampling distribution "
        << "(seed " << context.interval.seed << "); figures without uncertainty are held fixed, and a "
        << "service none of whose figures has uncertainty gets no interval. Plausible ranks run from 1 + "
        << "the number of organisations whose interval lies wholly above this one to the number whose "
        << "interval does not lie wholly below it. Bands split the league into " << context.sensitivity.bands
        << "; P(keeps band) is the share of " << context.sensitivity.draws
        << " Dirichlet perturbations of the weights in which the organisation stays in its band. Gaps in "
        << "figures without uncertainty are flagged when they reach " << fixed(context.largeGapThreshold, 1)
        << " points on the goalpost scale and are never called significant.</p>\n";
    benchmarkNote(out, context);
    for (const League& league : summary.leagues)
        leagueTable(out, league, digests, context);
    flagTable(out, "Flags by domain", "domain", summary.flagsByDomain);
    flagTable(out, "Flags by characteristic", "characteristic", summary.flagsByCharacteristic);

    out << "<h2>Not scored</h2>\n";
    const bool anyUnscored = std::any_of(digests.begin(), digests.end(),
                                         [](const UnitDigest& d) { return d.status != UnitStatus::Scored; });
    if (!anyUnscored && context.absent.empty() && context.inputFailures.empty())
        out << "<p>Every service with evidence was scored.</p>\n";
    else
        out << "<table><tr><th>service</th><th>organisation</th><th>status</th><th>why</th></tr>\n";
    for (const UnitDigest& d : digests)
        if (d.status != UnitStatus::Scored)
            out << "<tr><td>" << escapeHtml(d.service.str()) << "</td><td>"
                << escapeHtml(areaLabel(context.areaNames, d.area)) << "</td><td>" << toString(d.status)
                << "</td><td>" << escapeHtml(d.problem) << "</td></tr>\n";
    for (const AbsentUnit& a : context.absent)
        out << "<tr><td>" << escapeHtml(a.service.str()) << "</td><td>"
            << escapeHtml(areaLabel(context.areaNames, a.area))
            << "</td><td>no_evidence_in_period</td><td>latest evidence is for " << escapeHtml(a.latestPeriod)
            << "</td></tr>\n";
    for (const InputFailure& f : context.inputFailures)
        out << "<tr><td>" << escapeHtml(f.service) << "</td><td>" << escapeHtml(f.organisation)
            << "</td><td>input_failed</td><td>"
            << escapeHtml(f.file + ": " + (f.problems.empty() ? "" : formatDiagnostic(f.problems.front())))
            << "</td></tr>\n";
    if (anyUnscored || !context.absent.empty() || !context.inputFailures.empty())
        out << "</table>\n";
    if (!context.warnings.empty())
        out << "<h2>Figures left out</h2>\n<p>" << context.warnings.size()
            << " figures were left out of the scores; summary.json lists each with its line.</p>\n";
    out << "</body></html>\n";
    return out.str();
}

} // namespace capeq::audit
