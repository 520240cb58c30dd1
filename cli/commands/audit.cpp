// SPDX-License-Identifier: Apache-2.0
// `capeq audit INPUT --out DIR`: every service of a store or manifest scored, one report per service, a
// league table with intervals, and a record of the run (docs/AUDIT.md).
#include <capeq/audit/audit_input.hpp>
#include <capeq/audit/audit_runner.hpp>
#include <capeq/audit/league_table.hpp>
#include <capeq/audit/output_files.hpp>
#include <capeq/audit/progress_bar.hpp>
#include <capeq/audit/run_record.hpp>
#include <capeq/audit/summary_writers.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/atomic_file.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/store/timestamp.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cli/audit_reports.hpp>
#include <cli/command.hpp>
#include <cli/interrupt_watch.hpp>
#include <cli/run.hpp>
#include <optional>
#include <ostream>
#include <sstream>

namespace capeq::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kExitSomeFailed = 3;
constexpr int kExitInterrupted = 130;

struct AuditOptions {
    std::string input;
    std::string out;
    std::string rules = "default";
    std::string profile = "default";
    std::string weights;
    std::string period;
    std::string compareTo;
    std::string benchmarkArea;
    int jobs = 1;
    std::string failOn;
    bool noReports = false;
    std::string reports;
    std::string catalogueDirectory;
    std::string disclosure = "default";
    std::string mappingDirectory;
    int intervalDraws = 200;
    std::uint64_t seed = stats::kDefaultSeed;
    int sensitivityDraws = 200;
    double level = 0.0; ///< 0: the profile's significance level
};

[[noreturn]] void usage(const std::string& what, const std::string& message, const std::string& hint) {
    throw InputError(Diagnostic{Severity::Error, {what, 0, 0, ""}, message, hint});
}

// Which per-service reports to write; an explicit request the build cannot meet is a usage error.
struct ReportChoice {
    bool html = false;
    bool pdf = false;
    std::string note; ///< said on stderr when the default HTML reports cannot be made
};

ReportChoice chooseReports(const AuditOptions& options) {
    ReportChoice choice;
    if (options.noReports)
        return choice;
    if (options.reports.empty()) {
        choice.html = ReportRenderer::available();
        if (!choice.html)
            choice.note =
                ReportRenderer::unavailableReason() + "; writing scores as JSON and the summary only";
        return choice;
    }
    std::stringstream list(options.reports);
    std::string item;
    while (std::getline(list, item, ',')) {
        if (item == "html")
            choice.html = true;
        else if (item == "pdf")
            choice.pdf = true;
        else
            usage("--reports", "unknown report kind '" + item + "'", "use --reports html, pdf or html,pdf");
    }
    if ((choice.html || choice.pdf) && !ReportRenderer::available())
        usage("--reports", ReportRenderer::unavailableReason(), "use --no-reports, or a build with the GUI");
    return choice;
}

std::string reportKinds(const ReportChoice& choice) {
    if (choice.html && choice.pdf)
        return "html,pdf";
    return choice.html ? "html" : choice.pdf ? "pdf" : "none";
}

void runAudit(const AuditOptions& options, CommandContext& context) {
    InterruptWatch interrupts; // first: every thread started below inherits the blocked signals
    const std::string startedAt = utcTimestampNow();
    if (options.jobs < 1)
        usage("--jobs", "--jobs must be at least 1", "use e.g. --jobs 2");
    if (options.intervalDraws < 0 || options.sensitivityDraws < 0)
        usage("--interval-draws", "draws cannot be negative", "use 0 to turn the analysis off");
    const ReportChoice reports = chooseReports(options);

    const Catalogue baseCatalogue =
        loadCatalogue(options.catalogueDirectory.empty() ? defaultCatalogueDirectory()
                                                         : fs::path(options.catalogueDirectory));
    audit::AuditSettings settings;
    settings.profile = loadScoringProfile(resolveScoringFile(options.profile, "profiles"));
    settings.rules = loadRuleSet(resolveScoringFile(options.rules, "rules"));
    settings.disclosure = loadDisclosurePolicy(resolveScoringFile(options.disclosure, "disclosure"));
    if (options.level != 0.0) {
        if (!(options.level > 0.5 && options.level < 1.0))
            usage("--level", "--level must lie between 0.5 and 1", "use e.g. --level 0.998 for audits");
        settings.profile.significanceLevel = options.level;
    }
    if (!options.weights.empty())
        settings.weights = loadWeightProfile(resolveScoringFile(options.weights, "weights"));
    settings.interval.draws = options.intervalDraws;
    settings.interval.seed = options.seed;
    SensitivityOptions sensitivity;
    sensitivity.draws = options.sensitivityDraws;
    sensitivity.seed = options.seed;

    const fs::path inputPath(options.input);
    audit::AuditInput input = audit::loadAuditInput(inputPath, baseCatalogue, options.mappingDirectory);
    if (input.rows.empty() && !input.failures.empty()) {
        std::vector<Diagnostic> all;
        for (const audit::InputFailure& failure : input.failures)
            all.insert(all.end(), failure.problems.begin(), failure.problems.end());
        throw InputError(all);
    }
    const std::string evidenceFingerprint = input.evidenceFingerprint;
    if (!options.benchmarkArea.empty() && !input.benchmarkArea.empty() &&
        options.benchmarkArea != input.benchmarkArea)
        usage("--benchmark-area",
              "--benchmark-area " + options.benchmarkArea +
                  " but the manifest's benchmark file is for area " + input.benchmarkArea,
              "leave --benchmark-area out to use the manifest's benchmark, or correct the manifest");
    const audit::AuditPlan plan =
        audit::planAudit(std::move(input.rows), options.period, options.compareTo, options.input,
                         options.benchmarkArea.empty() ? input.benchmarkArea : options.benchmarkArea);
    const Catalogue& catalogue = input.catalogue;

    const fs::path out(options.out);
    std::error_code error;
    fs::create_directories(out / "services", error);
    if (error)
        usage(options.out, "cannot create the output directory: " + error.message(),
              "choose a directory you can write to with --out");
    if (!reports.note.empty())
        context.err << "capeq audit: " << reports.note << '\n';
    for (const ServiceId& service : plan.servicesWithoutBenchmark)
        context.err << "capeq audit: no benchmark figure for " << service.str() << " in " << plan.period
                    << " (area " << plan.benchmarkArea << "); its services cannot be flagged red-red\n";

    ScoreProvenance provenance;
    provenance.disclosureRule = settings.disclosure.describe();
    provenance.inputHashes = {{inputPath.filename().string() + " (evidence content)", evidenceFingerprint}};

    audit::OutputFiles files(out);
    std::optional<ReportRenderer> renderer;
    if (reports.html || reports.pdf)
        renderer.emplace(); // on this thread: it owns the offscreen QApplication
    std::vector<audit::UnitDigest> digests;
    digests.reserve(plan.units.size());
    long long filesWritten = 0;
    long long reportFailures = 0;
    audit::ProgressBar progress(context.err, context.errIsTerminal, plan.units.size());
    {
        audit::AuditRunner runner(catalogue, settings, plan, options.jobs);
        interrupts.onInterrupt([&runner] { runner.cancel(); });
        struct Detach {
            InterruptWatch& watch;
            ~Detach() { watch.onInterrupt({}); }
        } detach{interrupts};
        while (!interrupts.interrupted()) {
            std::optional<audit::UnitResult> result = runner.next();
            if (!result)
                break;
            const audit::AuditUnit& unit = plan.units[result->index];
            const std::string stem = audit::unitFileStem(unit.service, unit.area);
            files.write(stem + ".json", scoreToJson(result->score, provenance));
            ++filesWritten;
            if (renderer && result->status != audit::UnitStatus::Failed) {
                const UnitReport report{catalogue,
                                        result->score,
                                        result->history,
                                        unit.rows,
                                        provenance,
                                        settings.disclosure,
                                        unit.service.str() + " — " +
                                            audit::areaLabel(input.areaNames, unit.area) + ", " +
                                            plan.period};
                try {
                    if (reports.html) {
                        files.write(stem + ".html", renderer->html(report));
                        ++filesWritten;
                    }
                    if (reports.pdf) {
                        renderer->pdf(report, out / (stem + ".pdf"));
                        ++filesWritten;
                    }
                } catch (const std::exception& failure) {
                    ++reportFailures;
                    context.err << "capeq audit: report for " << unit.service.str() << " " << unit.area.str()
                                << " failed: " << failure.what() << '\n';
                }
            }
            digests.push_back(audit::digestOf(std::move(*result)));
            progress.update(digests.size());
        }
    }
    progress.finish();
    const bool interrupted = interrupts.interrupted() && digests.size() < plan.units.size();

    audit::AuditSummary summary;
    if (!interrupted) {
        summary = audit::summarise(digests, settings, sensitivity);
        audit::SummaryContext summaryContext{inputPath.filename().string(),
                                             evidenceFingerprint,
                                             plan.period,
                                             plan.compareTo,
                                             settings.profile.id,
                                             settings.weights.name,
                                             settings.rules.id,
                                             settings.disclosure.describe(),
                                             settings.rules.largeGapThreshold,
                                             settings.profile.significanceLevel,
                                             settings.interval,
                                             sensitivity,
                                             plan.absent,
                                             input.failures,
                                             input.warnings,
                                             reports.html ? "html" : "json",
                                             plan.benchmarkArea,
                                             plan.servicesWithoutBenchmark,
                                             input.areaNames};
        files.write("summary.csv", audit::summaryCsv(digests, summary, summaryContext));
        files.write("summary.json", audit::summaryJson(digests, summary, summaryContext));
        files.write("summary.html", audit::summaryHtml(digests, summary, summaryContext));
        filesWritten += 3;
    }

    const long long failedUnits =
        summary.failed + static_cast<long long>(input.failures.size()) + reportFailures;
    int exitCode = kExitOk;
    if (interrupted)
        exitCode = kExitInterrupted;
    else if (failedUnits > 0)
        exitCode = kExitSomeFailed;
    else if (options.failOn == "breach" && summary.breached > 0)
        exitCode = kExitRuleBreached;

    audit::AuditRunInfo run;
    run.status = interrupted ? "interrupted" : "succeeded";
    run.startedAt = startedAt;
    run.inputKind = input.kind;
    run.inputs = input.files;
    run.evidenceFingerprint = evidenceFingerprint;
    run.profile = settings.profile.id;
    run.weights = settings.weights.name;
    run.rules = settings.rules.id;
    run.options = {{"period", plan.period},
                   {"compare_to", plan.compareTo},
                   {"benchmark_area", plan.benchmarkArea},
                   {"jobs", std::to_string(options.jobs)},
                   {"fail_on", options.failOn},
                   {"reports", reportKinds(reports)},
                   {"catalogue", options.catalogueDirectory.empty() ? "default" : options.catalogueDirectory},
                   {"interval_draws", std::to_string(settings.interval.draws)},
                   {"interval_level", "0.95"},
                   {"seed", std::to_string(options.seed)},
                   {"sensitivity_draws", std::to_string(sensitivity.draws)},
                   {"significance_level", std::to_string(settings.profile.significanceLevel)},
                   {"large_gap_threshold", std::to_string(settings.rules.largeGapThreshold)},
                   {"disclosure", settings.disclosure.describe()}};
    run.counts = {{"units", static_cast<long long>(plan.units.size())},
                  {"units_done", static_cast<long long>(digests.size())},
                  {"scored", summary.scored},
                  {"no_usable_evidence", summary.noUsableEvidence},
                  {"failed", summary.failed},
                  {"inputs_failed", static_cast<long long>(input.failures.size())},
                  {"report_failures", reportFailures},
                  {"no_evidence_in_period", static_cast<long long>(plan.absent.size())},
                  {"breached", summary.breached},
                  {"files_written", filesWritten}};
    run.exitCode = exitCode;
    if (interrupted)
        run.message = "interrupted after " + std::to_string(digests.size()) + " of " +
                      std::to_string(plan.units.size()) + " services; their files are complete, no summary";
    files.sync(); // everything before run.json is on disk when run.json says how the run ended
    run.finishedAt = utcTimestampNow();
    writeFileAtomically(out / "run.json", audit::runJson(run));
    if (input.kind == "store") {
        RunRecord record;
        record.command = "audit";
        record.profile = run.profile;
        record.ruleSet = run.rules;
        auto recorded = run.options;
        recorded.emplace_back("outcome", run.status);
        recorded.emplace_back("evidence_sha256", evidenceFingerprint);
        record.options = audit::optionsJson(recorded);
        record.inputs = run.inputs;
        record.status = interrupted ? "failed" : "succeeded";
        record.startedAt = startedAt;
        record.finishedAt = run.finishedAt;
        Store store = Store::open(inputPath);
        store.recordRun(record);
    }

    if (interrupted) {
        context.err << "capeq audit: interrupted after " << digests.size() << " of " << plan.units.size()
                    << " services; finished files are complete, see " << (out / "run.json").string() << '\n';
    } else {
        context.out << "Audited " << plan.units.size() << " services for " << plan.period
                    << (plan.compareTo.empty() ? "" : " (compared with " + plan.compareTo + ")") << ": "
                    << summary.scored << " scored, " << summary.breached << " breached, "
                    << summary.noUsableEvidence << " with no usable evidence, " << failedUnits << " failed, "
                    << plan.absent.size() << " with no evidence for the period\n"
                    << "Summary: " << (out / "summary.html").string() << '\n';
    }
    context.exitCode = exitCode;
}

} // namespace

void addAuditCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<AuditOptions>();
    CLI::App* command = app.add_subcommand(
        "audit",
        "Audit many services: scores, flags, league tables with intervals, reports and a run record");
    command
        ->add_option("INPUT", options->input, "A SQLite store, an audit manifest (CSV) or an evidence file")
        ->required();
    command->add_option("--out", options->out, "Output directory (created if missing)")->required();
    command->add_option("--rules", options->rules, "Rule set name or file (default: default)");
    command->add_option("--profile", options->profile, "Scoring profile name or file (default: default)");
    command->add_option("--weights", options->weights, "Weight profile name or file (default: equal)");
    command->add_option("--period", options->period, "Period to audit (default: the latest in the input)");
    command->add_option("--compare-to", options->compareTo,
                        "Earlier period for change and widening (default: the one before)");
    command->add_option(
        "--benchmark-area", options->benchmarkArea,
        "Area code of the benchmark (e.g. the national figures): each service is compared with "
        "the same service's whole-population figure there, for red-red flags; not audited");
    command->add_option("--jobs", options->jobs, "Worker threads for scoring (default 1)");
    command->add_option("--fail-on", options->failOn, "Exit 1 when any service breached the rule set")
        ->check(CLI::IsMember({"breach"}));
    command->add_flag("--no-reports", options->noReports, "Write no per-service HTML or PDF reports");
    command->add_option("--reports", options->reports, "Per-service reports: html, pdf or html,pdf")
        ->excludes("--no-reports");
    command->add_option("--catalogue", options->catalogueDirectory, "Indicator catalogue directory");
    command->add_option(
        "--disclosure", options->disclosure,
        "Disclosure control rule: default, strict, or a rule file (control cannot be switched off)");
    command->add_option("--mappings", options->mappingDirectory,
                        "Mapping directory for manifest files (default: the catalogue's mappings/)");
    command->add_option("--interval-draws", options->intervalDraws,
                        "Rescorings per service for the index's interval (default 200; 0: none)");
    command->add_option("--sensitivity-draws", options->sensitivityDraws,
                        "Weight perturbations for rank-band stability (default 200; 0: none)");
    command->add_option(
        "--level", options->level,
        "Significance level of gap, widening and red-red tests (default: the profile's; audits of "
        "many services: 0.998, see docs/AUDIT.md)");
    command->add_option("--seed", options->seed, "Seed of both simulations (recorded in run.json)");
    command->callback([options, &context] { runAudit(*options, context); });
}

} // namespace capeq::cli
