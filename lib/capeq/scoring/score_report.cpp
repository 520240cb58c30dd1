// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/explain.hpp>
#include <capeq/scoring/score_report.hpp>

#include <nlohmann/json.hpp>

namespace capeq {

namespace {

using nlohmann::json;

json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

json estimateJson(const stats::Estimate& estimate) {
    json out{{"value", estimate.value},
             {"se", optionalNumber(estimate.se)},
             {"lower", optionalNumber(estimate.lower)},
             {"upper", optionalNumber(estimate.upper)},
             {"level", estimate.level},
             {"ci_method", stats::toString(estimate.ciMethod)}};
    if (!estimate.unavailableReason.empty())
        out["ci_unavailable"] = estimate.unavailableReason;
    return out;
}

json groupJson(const GroupFigure& group) {
    const bool suppressed = group.suppressed();
    return json{{"group", group.group.str()},
                {"estimate", suppressed ? json(nullptr) : estimateJson(group.estimate)},
                {"base", suppressed ? json(nullptr) : optionalNumber(group.base)},
                {"reliability", reliabilityCode(group.reliability)},
                {"used_in_score", group.usedInScore},
                {"excluded_because", group.excludedBecause}};
}

json indicatorJson(const IndicatorScore& score) {
    json characteristics = json::array();
    for (const CharacteristicEquality& equality : score.characteristics) {
        json groups = json::array();
        for (const GroupFigure& group : equality.groups)
            groups.push_back(groupJson(group));
        characteristics.push_back(
            {{"characteristic", equality.characteristic.str()},
             {"best", equality.best.str()},
             {"worst", equality.worst.str()},
             {"gap_status", toString(equality.status)},
             {"best_minus_worst",
              equality.bestMinusWorst ? estimateJson(*equality.bestMinusWorst) : json(nullptr)},
             {"shortfall", equality.shortfall},
             {"equality", equality.equality},
             {"groups", groups}});
    }
    return json{{"indicator", score.indicator.str()}, {"domain", score.domain.str()},
                {"dimension", score.dimension.str()}, {"everyone", estimateJson(score.whole)},
                {"achievement", score.achievement},   {"equality", score.equality},
                {"adjusted", score.adjusted},         {"characteristics", characteristics}};
}

} // namespace

std::string scoreToJson(const ServiceScore& score, const ScoreProvenance& provenance) {
    json inputs = json::array();
    for (const auto& [file, hash] : provenance.inputHashes)
        inputs.push_back({{"file", file}, {"sha256", hash}});
    json domains = json::array();
    for (const DomainScore& domain : score.domains)
        domains.push_back({{"domain", domain.domain.str()},
                           {"score", optionalNumber(domain.score)},
                           {"weight", domain.weight},
                           {"cells_with_evidence", domain.cellsWithEvidence}});
    json cells = json::array();
    for (const CellScore& cell : score.cells) {
        json members = json::array();
        for (const IndicatorId& id : cell.indicators)
            members.push_back(id.str());
        cells.push_back({{"domain", cell.domain.str()},
                         {"dimension", cell.dimension.str()},
                         {"score", optionalNumber(cell.score)},
                         {"indicators", members}});
    }
    json indicators = json::array();
    for (const IndicatorScore& indicator : score.indicators)
        indicators.push_back(indicatorJson(indicator));
    json flags = json::array();
    for (const Flag& flag : score.flags)
        flags.push_back({{"flag", toString(flag.kind)},
                         {"indicator", flag.indicator.str()},
                         {"domain", flag.domain.str()},
                         {"characteristic", flag.characteristic.str()},
                         {"group", flag.group.str()},
                         {"breach", flag.breach},
                         {"message", flag.message}});
    json characteristics = json::array();
    for (const CharacteristicId& id : score.coverage.characteristicsAssessed)
        characteristics.push_back(id.str());
    json document{{"provenance",
                   {{"capeq_version", provenance.capeqVersion},
                    {"method_version", provenance.methodVersion},
                    {"profile", score.profile},
                    {"weights", score.weights},
                    {"rules", score.rules},
                    {"disclosure", provenance.disclosureRule},
                    {"inputs", inputs}}},
                  {"service", score.service.str()},
                  {"area", score.area.str()},
                  {"period", score.period},
                  {"capability_equality_index", optionalNumber(score.overall)},
                  {"coverage",
                   {{"cells_with_evidence", score.coverage.cellsWithEvidence},
                    {"cells_total", score.coverage.cellsTotal},
                    {"domains_with_evidence", score.coverage.domainsWithEvidence},
                    {"domains_total", score.coverage.domainsTotal},
                    {"partial", score.coverage.partial},
                    {"characteristics_assessed", characteristics},
                    {"cells_without_evidence", score.coverage.cellsWithoutEvidence}}},
                  {"domains", domains},
                  {"cells", cells},
                  {"indicators", indicators},
                  {"flags", flags},
                  {"breached", score.breached()},
                  {"notes", score.notes}};
    if (score.grading) {
        json grades = json::array();
        for (const auto& [domain, grade] : score.grading->domainGrades)
            grades.push_back({{"domain", domain.str()}, {"grade", grade}});
        document["grading"] = {{"domains", grades},
                               {"total", score.grading->total},
                               {"maximum", score.grading->maximum},
                               {"band", score.grading->band}};
    }
    return document.dump(2) + "\n";
}

std::vector<std::string> scoreCsvHeader() {
    return {"service", "area",        "period",   "level",   "domain",  "dimension",     "indicator",
            "score",   "achievement", "equality", "profile", "weights", "method_version"};
}

std::vector<std::vector<std::string>> scoreToCsvRows(const ServiceScore& score,
                                                     const ScoreProvenance& provenance) {
    std::vector<std::vector<std::string>> rows;
    const auto number = [](const std::optional<double>& value) {
        return value ? formatNumber(*value, 6) : std::string();
    };
    const auto add = [&](const std::string& level, const std::string& domain, const std::string& dimension,
                         const std::string& indicator, const std::optional<double>& value,
                         const std::optional<double>& achievement, const std::optional<double>& equality) {
        rows.push_back({score.service.str(), score.area.str(), score.period, level, domain, dimension,
                        indicator, number(value), number(achievement), number(equality), score.profile,
                        score.weights, provenance.methodVersion});
    };
    add("overall", "", "", "", score.overall, std::nullopt, std::nullopt);
    for (const DomainScore& domain : score.domains)
        add("domain", domain.domain.str(), "", "", domain.score, std::nullopt, std::nullopt);
    for (const CellScore& cell : score.cells)
        add("cell", cell.domain.str(), cell.dimension.str(), "", cell.score, std::nullopt, std::nullopt);
    for (const IndicatorScore& indicator : score.indicators)
        add("indicator", indicator.domain.str(), indicator.dimension.str(), indicator.indicator.str(),
            indicator.adjusted, indicator.achievement, indicator.equality);
    return rows;
}

} // namespace capeq
