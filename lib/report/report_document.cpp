// SPDX-License-Identifier: Apache-2.0
// Sections of the per-service report: headline index, wheel, domain table, heat map, gap charts, trend,
// flags, method and the plain-language explanation (the findings and action plan: report_findings.cpp).
#include <capeq/scoring/explain.hpp>

#include <QChart>

#include <algorithm>
#include <report/chart_mapping.hpp>
#include <report/charts.hpp>
#include <report/report_document.hpp>
#include <sstream>
#include <tuple>

namespace capeq::report {

namespace {

// A report shows the flagged gaps first, then the largest counted or unclear ones; more than this many
// charts would slow a 10,000-service audit and bury the findings.
constexpr std::size_t kMaxGapCharts = 4;

const char* const kStyle =
    R"(body{font-family:sans-serif;max-width:980px;margin:1em auto;color:#222;line-height:1.4}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:3px 8px;text-align:left}
th{background:#eee}td.num{text-align:right}.index{font-size:1.3em;font-weight:bold}
.partial{color:#a04000;font-weight:bold}.breach{color:#a04000;font-weight:bold}
.note{color:#555;font-size:.9em})";

std::string number(const std::optional<double>& value, int decimals = 1) {
    return value ? formatNumber(*value, decimals) : "no evidence";
}

std::string domainName(const Catalogue& catalogue, const DomainId& id) {
    const Domain* found = catalogue.findDomain(id);
    return found != nullptr ? found->name : id.str();
}

std::string indicatorName(const Catalogue& catalogue, const IndicatorId& id) {
    const Indicator* found = catalogue.findIndicator(id);
    return found != nullptr ? found->title : id.str();
}

std::string characteristicName(const Catalogue& catalogue, const CharacteristicId& id) {
    const Characteristic* found = catalogue.findCharacteristic(id);
    return found != nullptr ? found->name : id.str();
}

std::string chartImage(const ImageSource& source, QSize size, const std::string& name,
                       std::unique_ptr<QChart> chart, const std::string& alt) {
    const QImage image = renderChartImage(*chart, size, 1.0);
    return "<p><img src=\"" + source(name, image) + "\" width=\"" + std::to_string(size.width()) +
           "\" alt=\"" + escapeHtml(alt) + "\"/></p>\n";
}

void headline(std::ostringstream& out, const ServiceReportInput& input) {
    const ServiceScore& score = input.score;
    const Coverage& coverage = score.coverage;
    out << "<h1>" << escapeHtml(input.title) << "</h1>\n<table>"
        << "<tr><th>Service</th><td>" << escapeHtml(score.service.str()) << "</td></tr>"
        << "<tr><th>Area</th><td>" << escapeHtml(score.area.str()) << "</td></tr>"
        << "<tr><th>Period</th><td>" << escapeHtml(score.period) << "</td></tr></table>\n";
    out << "<p class=\"index\">Capability-equality index: "
        << (score.overall ? formatNumber(*score.overall) : std::string("not computed (no usable evidence)"))
        << " out of 100</p>\n";
    out << "<p>Coverage: " << coverage.cellsWithEvidence << " of " << coverage.cellsTotal
        << " domain x dimension cells and " << coverage.domainsWithEvidence << " of " << coverage.domainsTotal
        << " domains have usable evidence; characteristics assessed: "
        << coverage.characteristicsAssessed.size() << ".</p>\n";
    if (coverage.partial)
        out << "<p class=\"partial\">Partial index: the evidence covers too few domains for a full index. "
               "Missing "
               "evidence is itself a finding.</p>\n";
    if (score.grading)
        out << "<p>Equality Delivery System-style grade: " << escapeHtml(score.grading->band) << " ("
            << score.grading->total << " of " << score.grading->maximum << ").</p>\n";
}

void explanation(std::ostringstream& out, const ServiceReportInput& input) {
    const ServiceScore& score = input.score;
    const DomainScore* lowest = nullptr;
    const DomainScore* highest = nullptr;
    for (const DomainScore& domain : score.domains) {
        if (!domain.score)
            continue;
        if (lowest == nullptr || *domain.score < *lowest->score)
            lowest = &domain;
        if (highest == nullptr || *domain.score > *highest->score)
            highest = &domain;
    }
    int counted = 0;
    int unclear = 0;
    for (const IndicatorScore& indicator : score.indicators)
        for (const CharacteristicEquality& equality : indicator.characteristics) {
            counted += equality.status == GapStatus::Counted ? 1 : 0;
            unclear += equality.status == GapStatus::Unclear ? 1 : 0;
        }
    out << "<h2>What the index means</h2>\n<p>Every indicator is scored from 0 to 100 for how well people do "
           "overall (achievement against the indicator's goalposts), then reduced by how far the worst-off "
           "group falls behind the best-off group (equality). Only gaps that are statistically significant "
           "at "
           "95% lower a score; gaps that may be chance are listed as unclear. Indicator scores are averaged "
           "into the 30 domain x dimension cells and into each domain, and the index combines the domain "
           "scores with a weighted geometric mean, so a very low domain cannot be made up for by high "
           "ones.</p>\n"
        << "<p>For this service, " << score.indicators.size() << " indicators were scored; " << counted
        << " breakdowns showed a significant gap between groups and " << unclear << " an unclear one.";
    if (lowest != nullptr && highest != nullptr)
        out << " The lowest domain is " << escapeHtml(domainName(input.catalogue, lowest->domain)) << " ("
            << formatNumber(*lowest->score, 1) << ") and the highest is "
            << escapeHtml(domainName(input.catalogue, highest->domain)) << " ("
            << formatNumber(*highest->score, 1) << ").";
    out << "</p>\n";
}

void domainTable(std::ostringstream& out, const ServiceReportInput& input) {
    const Catalogue& catalogue = input.catalogue;
    out << "<h2>Domains</h2>\n<table><tr><th>Domain</th><th>Score</th>";
    for (const Dimension& dimension : catalogue.dimensions())
        out << "<th>" << escapeHtml(dimension.name) << "</th>";
    out << "</tr>\n";
    for (const Domain& domain : catalogue.domains()) {
        const auto found = std::find_if(input.score.domains.begin(), input.score.domains.end(),
                                        [&](const DomainScore& d) { return d.domain == domain.id; });
        out << "<tr><td>" << escapeHtml(domain.name) << "</td><td class=\"num\">"
            << number(found == input.score.domains.end() ? std::nullopt : found->score) << "</td>";
        for (const Dimension& dimension : catalogue.dimensions()) {
            const auto cell =
                std::find_if(input.score.cells.begin(), input.score.cells.end(), [&](const CellScore& c) {
                    return c.domain == domain.id && c.dimension == dimension.id;
                });
            out << "<td class=\"num\">"
                << number(cell == input.score.cells.end() ? std::nullopt : cell->score) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n";
}

// The gap charts worth showing: flagged worse gaps first, then counted, then unclear, larger shortfall first.
std::vector<std::pair<const IndicatorScore*, const CharacteristicEquality*>>
chosenGaps(const ServiceScore& score) {
    std::vector<std::tuple<int, double, const IndicatorScore*, const CharacteristicEquality*>> candidates;
    for (const IndicatorScore& indicator : score.indicators)
        for (const CharacteristicEquality& equality : indicator.characteristics) {
            if (equality.status != GapStatus::Counted && equality.status != GapStatus::Unclear &&
                equality.status != GapStatus::NoUncertainty)
                continue;
            const bool flagged = std::any_of(score.flags.begin(), score.flags.end(), [&](const Flag& flag) {
                return flag.indicator == indicator.indicator &&
                       flag.characteristic == equality.characteristic;
            });
            const int rank = flagged ? 0 : equality.status == GapStatus::Counted ? 1 : 2;
            candidates.emplace_back(rank, -equality.shortfall, &indicator, &equality);
        }
    // stable_sort keeps the scorer's (deterministic) order among equals.
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<std::pair<const IndicatorScore*, const CharacteristicEquality*>> chosen;
    for (const auto& candidate : candidates)
        if (chosen.size() < kMaxGapCharts)
            chosen.emplace_back(std::get<2>(candidate), std::get<3>(candidate));
    return chosen;
}

void gapSection(std::ostringstream& out, const ServiceReportInput& input, const ImageSource& source,
                QSize size) {
    out << "<h2>Gaps between groups</h2>\n";
    const auto chosen = chosenGaps(input.score);
    if (chosen.empty()) {
        out << "<p>No breakdown showed a gap between groups.</p>\n";
        return;
    }
    std::vector<EvidenceRow> rows;
    for (const EvidenceRow& row : input.rows)
        if (row.service == input.score.service && row.area == input.score.area &&
            row.period == input.score.period)
            rows.push_back(row);
    const SuppressionIndex suppression =
        indexSuppression(rows, applyDisclosureControl(rows, input.disclosure));
    out << "<p class=\"note\">Up to " << kMaxGapCharts
        << " breakdowns: flagged gaps first, then the largest significant and unclear gaps. Suppressed "
           "groups "
           "are named but never drawn.</p>\n";
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const auto& [indicator, equality] = chosen[i];
        const GapChartData data =
            gapChartFor(*indicator, equality->characteristic, input.catalogue, suppression);
        out << "<h3>" << escapeHtml(data.title) << "</h3>\n<p>Gap " << escapeHtml(toString(equality->status))
            << "; best group "
            << escapeHtml(groupLabel(input.catalogue, equality->characteristic, equality->best))
            << ", worst group "
            << escapeHtml(groupLabel(input.catalogue, equality->characteristic, equality->worst))
            << "; equality score " << formatNumber(equality->equality, 1) << ".";
        std::string withheld;
        for (const GapGroup& group : data.groups)
            if (group.suppression.suppressed)
                withheld +=
                    (withheld.empty() ? "" : ", ") + group.label + " (" + group.suppression.code + ")";
        if (!withheld.empty())
            out << " Not shown, suppressed by the disclosure rule: " << escapeHtml(withheld) << ".";
        out << "</p>\n";
        out << chartImage(source, size, "gap" + std::to_string(i), buildGapChart(data), data.title);
    }
}

void flagsTable(std::ostringstream& out, const ServiceReportInput& input) {
    out << "<h2>Flags</h2>\n";
    if (input.score.flags.empty()) {
        out << "<p>No flags were raised.</p>\n";
        return;
    }
    out << "<table><tr><th>Breach</th><th>Flag</th><th>Indicator</th><th>Characteristic</th><th>Group</th>"
           "<th>Detail</th></tr>\n";
    for (const Flag& flag : input.score.flags)
        out << "<tr><td" << (flag.breach ? " class=\"breach\">BREACH" : ">no") << "</td><td>"
            << escapeHtml(toString(flag.kind)) << "</td><td>"
            << escapeHtml(indicatorName(input.catalogue, flag.indicator)) << "</td><td>"
            << (flag.characteristic.empty()
                    ? "everyone"
                    : escapeHtml(characteristicName(input.catalogue, flag.characteristic)))
            << "</td><td>"
            << (flag.group.empty() ? ""
                                   : escapeHtml(groupLabel(input.catalogue, flag.characteristic, flag.group)))
            << "</td><td>" << escapeHtml(flag.message) << "</td></tr>\n";
    out << "</table>\n";
}

void methodSection(std::ostringstream& out, const ServiceReportInput& input) {
    const ScoreProvenance& provenance = input.provenance;
    const std::string disclosure =
        provenance.disclosureRule.empty() ? input.disclosure.describe() : provenance.disclosureRule;
    out << "<h2>Method</h2>\n<table>"
        << "<tr><th>Scoring profile</th><td>" << escapeHtml(input.score.profile) << "</td></tr>"
        << "<tr><th>Weights</th><td>" << escapeHtml(input.score.weights) << "</td></tr>"
        << "<tr><th>Rule set</th><td>" << escapeHtml(input.score.rules) << "</td></tr>"
        << "<tr><th>Method version</th><td>" << escapeHtml(provenance.methodVersion) << "</td></tr>"
        << "<tr><th>CapEq version</th><td>" << escapeHtml(provenance.capeqVersion) << "</td></tr>"
        << "<tr><th>Disclosure rule</th><td>" << escapeHtml(disclosure) << "</td></tr>";
    for (const auto& [file, hash] : provenance.inputHashes)
        out << "<tr><th>Input " << escapeHtml(file) << "</th><td>sha256 " << escapeHtml(hash) << "</td></tr>";
    out << "</table>\n<p class=\"note\">Figures that the disclosure rule suppresses are never printed or "
           "drawn; "
           "they appear as labelled gaps with their reason code (P-base: base below the minimum, P-count: "
           "small "
           "count, S: secondary suppression, S-table: table withheld). Intervals are 95% unless "
           "stated.</p>\n";
    if (!input.score.notes.empty()) {
        out << "<h3>Not scored</h3>\n<ul>";
        for (const std::string& note : input.score.notes)
            out << "<li>" << escapeHtml(note) << "</li>";
        out << "</ul>\n";
    }
}

} // namespace

std::string escapeHtml(const std::string& text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string buildReportHtml(const ServiceReportInput& input, const ImageSource& imageSource,
                            QSize chartSize) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
        << escapeHtml(input.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    headline(out, input);
    explanation(out, input);
    out << "<h2>Capability wheel</h2>\n"
        << chartImage(imageSource, chartSize, "wheel",
                      buildWheelChart(wheelFromScore(input.score, input.catalogue)), "Capability wheel");
    domainTable(out, input);
    out << "<h2>Where groups fare worse</h2>\n"
        << chartImage(imageSource, chartSize, "heatmap",
                      buildHeatMapChart(heatMapFromScore(input.score, input.catalogue)),
                      "Heat map of domains by characteristics");
    gapSection(out, input, imageSource, chartSize);
    out << "<h2>Change over time</h2>\n";
    if (input.history.empty())
        out << "<p>No earlier periods were supplied, so no trend is shown.</p>\n";
    else
        out << chartImage(imageSource, chartSize, "trend",
                          buildTrendChart(trendFromHistory(input.history, input.score, input.catalogue)),
                          "Index over time");
    flagsTable(out, input);
    findingsSection(out, input);
    methodSection(out, input);
    out << "</body>\n</html>\n";
    return out.str();
}

} // namespace capeq::report
