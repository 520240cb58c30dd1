// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/summary_writers.hpp>
#include <capeq/io/csv_writer.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace capeq::audit {

namespace {

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string fixed(const std::optional<double>& value, int decimals) {
    return value ? fixed(*value, decimals) : std::string();
}

std::string safeName(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || c == '.';
        out += keep ? c : '_';
    }
    if (out.empty() || out.front() == '.')
        out.insert(out.begin(), '_');
    return out;
}

int breachCount(const ServiceScore& score) {
    int n = 0;
    for (const Flag& flag : score.flags)
        n += flag.breach ? 1 : 0;
    return n;
}

std::optional<double> change(const UnitDigest& digest) {
    if (!digest.score.overall || !digest.previousIndex)
        return std::nullopt;
    return *digest.score.overall - *digest.previousIndex;
}

} // namespace

std::string areaLabel(const std::map<AreaCode, std::string>& names, const AreaCode& area) {
    const auto found = names.find(area);
    return found == names.end() ? area.str() : found->second + " (" + area.str() + ")";
}

std::string unitFileStem(const ServiceId& service, const AreaCode& area) {
    return "services/" + safeName(service.str()) + "/" + safeName(area.str());
}

std::string escapeHtml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string summaryCsv(const std::vector<UnitDigest>& digests, const AuditSummary& summary,
                       const SummaryContext& context) {
    const auto nameOf = [&](const AreaCode& area) {
        const auto found = context.areaNames.find(area);
        return found == context.areaNames.end() ? std::string() : found->second;
    };
    std::ostringstream out;
    writeCsvRow(out, {"service",
                      "area",
                      "period",
                      "status",
                      "rank",
                      "rank_best",
                      "rank_worst",
                      "band",
                      "p_keeps_band",
                      "index",
                      "index_lower",
                      "index_upper",
                      "interval_note",
                      "partial",
                      "previous_index",
                      "change",
                      "flags",
                      "breaches",
                      "cells_with_evidence",
                      "domains_with_evidence",
                      "problem",
                      "area_name"});
    const auto unitRow = [&](const UnitDigest& d, const LeagueEntry* entry) {
        const std::string note =
            d.interval.lower ? (d.interval.partial ? "partial" : "") : d.interval.unavailableReason;
        writeCsvRow(out, {d.service.str(),
                          d.area.str(),
                          context.period,
                          toString(d.status),
                          entry ? std::to_string(entry->rank) : "",
                          entry && entry->rankBest ? std::to_string(*entry->rankBest) : "",
                          entry && entry->rankWorst ? std::to_string(*entry->rankWorst) : "",
                          entry ? std::to_string(entry->band) : "",
                          entry ? fixed(entry->probabilityKeepsBand, 3) : "",
                          fixed(d.score.overall, 2),
                          fixed(d.interval.lower, 2),
                          fixed(d.interval.upper, 2),
                          d.status == UnitStatus::Scored ? note : "",
                          d.status == UnitStatus::Scored ? (d.score.coverage.partial ? "yes" : "no") : "",
                          fixed(d.previousIndex, 2),
                          fixed(change(d), 2),
                          std::to_string(d.score.flags.size()),
                          std::to_string(breachCount(d.score)),
                          std::to_string(d.score.coverage.cellsWithEvidence),
                          std::to_string(d.score.coverage.domainsWithEvidence),
                          d.problem,
                          nameOf(d.area)});
    };
    for (const League& league : summary.leagues)
        for (const LeagueEntry& entry : league.entries)
            unitRow(digests[entry.unit], &entry);
    for (const UnitDigest& d : digests)
        if (d.status != UnitStatus::Scored)
            unitRow(d, nullptr);
    for (const AbsentUnit& a : context.absent)
        writeCsvRow(out, {a.service.str(),
                          a.area.str(),
                          context.period,
                          "no_evidence_in_period",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "latest evidence is for " + a.latestPeriod,
                          nameOf(a.area)});
    for (const InputFailure& f : context.inputFailures)
        writeCsvRow(out, {f.service,
                          f.organisation,
                          context.period,
                          "input_failed",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          "",
                          f.file + ": " + (f.problems.empty() ? "" : formatDiagnostic(f.problems.front())),
                          ""});
    return out.str();
}

} // namespace capeq::audit
