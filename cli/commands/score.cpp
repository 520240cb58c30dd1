// SPDX-License-Identifier: Apache-2.0
// `capeq score INPUT`: the capability-equality scores of one service, traceable to their numbers.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/pipeline/evidence_input.hpp>
#include <capeq/scoring/explain.hpp>
#include <capeq/scoring/score_report.hpp>
#include <capeq/scoring/scorer.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cli/command.hpp>
#include <cli/output.hpp>
#include <cli/run.hpp>
#include <ostream>

namespace capeq::cli {

namespace {

struct ScoreOptions {
    std::string input;
    std::string service;
    std::string area;
    std::string period;
    std::string compareTo;
    std::string benchmarkArea;
    std::string profile = "default";
    std::string weights;
    std::string rules = "default";
    std::string format = "table";
    std::string catalogueDirectory;
    std::string disclosure = "default";
    bool explain = false;
};

[[noreturn]] void usage(const std::string& what, const std::string& message, const std::string& hint) {
    throw InputError(Diagnostic{Severity::Error, {what, 0, 0, ""}, message, hint});
}

std::string joinIds(const auto& ids) {
    std::string text;
    for (const auto& id : ids)
        text += (text.empty() ? "" : ", ") + std::string(id.str());
    return text;
}

std::string joinText(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

void printTable(std::ostream& out, const ServiceScore& score, const Catalogue& catalogue,
                const ScoreProvenance& provenance) {
    out << "Service " << score.service.str() << " · area " << score.area.str() << " · period " << score.period
        << '\n';
    out << "Capability-equality index: " << cell(score.overall)
        << (score.coverage.partial ? " (partial)" : "") << '\n';
    out << "Coverage: " << score.coverage.cellsWithEvidence << " of " << score.coverage.cellsTotal
        << " cells, " << score.coverage.domainsWithEvidence << " of " << score.coverage.domainsTotal
        << " domains; characteristics assessed: "
        << (score.coverage.characteristicsAssessed.empty() ? "none"
                                                           : joinIds(score.coverage.characteristicsAssessed))
        << "\n\n";
    TextTable domains({"domain", "score", "outcome", "treatment", "autonomy"});
    for (const DomainScore& domain : score.domains) {
        std::vector<std::string> row{catalogue.findDomain(domain.domain)
                                         ? catalogue.findDomain(domain.domain)->name
                                         : domain.domain.str(),
                                     cell(domain.score)};
        for (const CellScore& c : score.cells)
            if (c.domain == domain.domain)
                row.push_back(cell(c.score));
        domains.addRow(row);
    }
    domains.render(out);
    out << '\n';
    TextTable indicators({"indicator", "everyone", "achievement", "equality", "adjusted", "gaps"});
    for (const IndicatorScore& s : score.indicators) {
        std::string gaps;
        for (const CharacteristicEquality& e : s.characteristics)
            gaps += (gaps.empty() ? "" : "; ") + e.characteristic.str() + " " + toString(e.status);
        indicators.addRow({s.indicator.str(), formatNumber(s.whole.value, 1), cell(s.achievement),
                           cell(s.equality), cell(s.adjusted), gaps});
    }
    indicators.render(out);
    out << '\n';
    if (score.flags.empty()) {
        out << "Flags: none\n";
    } else {
        out << "Flags (" << score.flags.size() << (score.breached() ? ", breach" : "") << "):\n";
        for (const Flag& flag : score.flags)
            out << "  " << (flag.breach ? "BREACH " : "") << toString(flag.kind) << " · "
                << flag.indicator.str() << " · " << flag.message << '\n';
    }
    if (score.grading)
        out << "Grading: " << score.grading->band << " (" << score.grading->total << " of "
            << score.grading->maximum << ")\n";
    for (const std::string& note : score.notes)
        out << "Note: " << note << '\n';
    out << "\nProfile " << score.profile << ", weights " << score.weights << ", rules " << score.rules
        << ", method " << provenance.methodVersion << "; disclosure " << provenance.disclosureRule << '\n';
}

void runScore(const ScoreOptions& options, CommandContext& context) {
    const Catalogue catalogue =
        loadCatalogue(options.catalogueDirectory.empty() ? defaultCatalogueDirectory()
                                                         : std::filesystem::path(options.catalogueDirectory));
    const EvidenceInput input = loadEvidenceInput(options.input, catalogue);
    if (input.rows.empty())
        usage(options.input, "the input holds no evidence",
              "import evidence first (capeq import FILE --db DB)");

    const std::vector<ServiceId> services = servicesIn(input.rows);
    ServiceId service{options.service};
    if (service.empty()) {
        if (services.size() != 1)
            usage(options.input, "the input holds " + std::to_string(services.size()) + " services",
                  "choose one with --service (one of: " + joinIds(services) + ")");
        service = services.front();
    } else if (std::find(services.begin(), services.end(), service) == services.end()) {
        usage(options.input, "no evidence for service '" + service.str() + "'",
              "use one of: " + joinIds(services));
    }
    std::vector<AreaCode> areas = areasOf(input.rows, service);
    if (!options.benchmarkArea.empty()) // the benchmark is compared with, not a candidate to score
        areas.erase(std::remove(areas.begin(), areas.end(), AreaCode{options.benchmarkArea}), areas.end());
    AreaCode area{options.area};
    if (area.empty()) {
        if (areas.size() != 1)
            usage(options.input,
                  "service '" + service.str() + "' has evidence for " + std::to_string(areas.size()) +
                      " areas" + (options.benchmarkArea.empty() ? "" : " besides the benchmark"),
                  "choose one with --area (one of: " + joinIds(areas) + ")");
        area = areas.front();
    } else if (area.str() == options.benchmarkArea) {
        usage("--benchmark-area", "the benchmark area is the area scored",
              "score another area against it, or leave --benchmark-area out");
    }
    const std::vector<std::string> periods = periodsOf(input.rows, service);
    std::string period = options.period.empty() ? periods.back() : options.period;
    const auto at = std::find(periods.begin(), periods.end(), period);
    if (at == periods.end())
        usage(options.input, "no evidence for period '" + period + "'", "use one of: " + joinText(periods));
    std::string compareTo = options.compareTo;
    if (compareTo.empty() && at != periods.begin())
        compareTo = *(at - 1);

    ScoreInput scoreInput{catalogue,
                          service,
                          area,
                          period,
                          {},
                          {},
                          {},
                          loadScoringProfile(resolveScoringFile(options.profile, "profiles")),
                          WeightProfile{},
                          loadRuleSet(resolveScoringFile(options.rules, "rules")),
                          loadDisclosurePolicy(resolveScoringFile(options.disclosure, "disclosure"))};
    if (!options.weights.empty())
        scoreInput.weights = loadWeightProfile(resolveScoringFile(options.weights, "weights"));
    else if (input.assessment)
        scoreInput.weights = input.assessment->weights;
    for (const EvidenceRow& row : input.rows) {
        if (row.service == service && row.area == area && row.period == period)
            scoreInput.rows.push_back(row);
        else if (row.service == service && row.area == area && row.period == compareTo)
            scoreInput.previousRows.push_back(row);
        else if (row.service == service && row.area.str() == options.benchmarkArea && row.period == period &&
                 row.isWholePopulation())
            scoreInput.benchmarkRows.push_back(row);
    }
    if (!options.benchmarkArea.empty() && scoreInput.benchmarkRows.empty())
        usage("--benchmark-area",
              "no whole-population figure for " + service.str() + " in area '" + options.benchmarkArea +
                  "' for " + period,
              "give the area code of the benchmark's rows (e.g. the national figures) for this service");
    const ServiceScore score = scoreService(scoreInput);
    ScoreProvenance provenance;
    provenance.disclosureRule = scoreInput.disclosure.describe();
    provenance.inputHashes = {{options.input, input.sha256}};

    if (options.format == "json") {
        context.out << scoreToJson(score, provenance);
    } else if (options.format == "csv") {
        writeCsvRow(context.out, scoreCsvHeader());
        for (const auto& row : scoreToCsvRows(score, provenance))
            writeCsvRow(context.out, row);
    } else {
        printTable(context.out, score, catalogue, provenance);
    }
    if (options.explain)
        context.out << (options.format == "table" ? "\n" : "")
                    << explainService(score, catalogue, scoreInput.profile, scoreInput.weights);
    context.exitCode = kExitOk;
}

} // namespace

void addScoreCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand(
        "score",
        "Score one service: capability-equality index, domains, cells, indicators, coverage and flags");
    command->add_option("INPUT", options->input, "A SQLite store, an evidence CSV or a .capeq assessment")
        ->required();
    command->add_option("--service", options->service, "Service id (needed when the input holds several)");
    command->add_option("--area", options->area, "Area code (needed when the service has several)");
    command->add_option("--period", options->period, "Period to score (default: the latest)");
    command->add_option("--compare-to", options->compareTo,
                        "Earlier period for widening and red-red flags (default: the one before)");
    command->add_option("--benchmark-area", options->benchmarkArea,
                        "Area code of the benchmark (e.g. the national figures): the same service's "
                        "whole-population figures there, same period, for red-red flags");
    command->add_option("--profile", options->profile, "Scoring profile name or file (default: default)");
    command->add_option("--weights", options->weights, "Weight profile name or file (default: equal)");
    command->add_option("--rules", options->rules,
                        "Rule set name or file (default: default; eds2022 grades)");
    command->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    command->add_option("--catalogue", options->catalogueDirectory, "Indicator catalogue directory");
    command->add_option(
        "--disclosure", options->disclosure,
        "Disclosure control rule: default, strict, or a rule file (control cannot be switched off)");
    command->add_flag("--explain", options->explain,
                      "Print, for every score, the formula and the numbers that produced it");
    command->callback([options, &context] { runScore(*options, context); });
}

} // namespace capeq::cli
