// SPDX-License-Identifier: Apache-2.0
// `capeq compute DATA --spec SPEC`: survey microdata to disaggregated estimates in CapEq's long format, with
// disclosure control applied, written atomically to a file, to stdout, or into a SQLite store.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_output.hpp>
#include <capeq/core/atomic_file.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/scale/pushdown.hpp>
#include <capeq/scale/sums_csv.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>
#include <capeq/scoring/scoring_profile.hpp>
#include <capeq/store/staged_file.hpp>
#include <capeq/store/store.hpp>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cli/command.hpp>
#include <cli/run.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

namespace capeq::cli {

namespace {

struct ComputeCommandOptions {
    std::string data;
    std::string spec;
    std::string out;
    std::string database;
    std::string area;
    std::string service;
    std::string period;
    std::string catalogueDirectory;
    std::string disclosure = "default";
    unsigned jobs = 0;
    bool noSuppression = false;
    std::string engine;   ///< --engine URL: aggregate inside a SQL engine instead of reading DATA
    bool emitSql = false; ///< print the aggregation query and stop
    std::string dialect;  ///< --emit-sql without --engine
    std::string table;
    std::string fromSums; ///< --from-sums FILE: the emitted query's result, exported as CSV
};

// The input the estimates come from, as messages and the store name it.
std::string inputName(const ComputeCommandOptions& options) {
    if (!options.engine.empty())
        return scale::parseEngineUrl(options.engine).display;
    return options.fromSums.empty() ? options.data : options.fromSums;
}

// A one-line bar redrawn in place; only used when stderr is a terminal.
void drawProgress(std::ostream& err, std::uint64_t done, std::uint64_t total) {
    const int percent =
        total == 0 ? 100 : static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
    const int filled = percent / 4;
    char line[160];
    std::snprintf(line, sizeof line, "\rcompute [%-25.*s] %3d%%  %.0f of %.0f MB", filled,
                  "#########################", percent, static_cast<double>(done) / 1e6,
                  static_cast<double>(total) / 1e6);
    err << line << std::flush;
}

void writeToStore(const ComputeCommandOptions& options, const compute::ComputeOutput& output,
                  CommandContext& context) {
    const std::filesystem::path databasePath(options.database);
    const bool isNew = !std::filesystem::exists(databasePath);
    const std::filesystem::path catalogueDirectory = options.catalogueDirectory.empty()
                                                         ? defaultCatalogueDirectory()
                                                         : std::filesystem::path(options.catalogueDirectory);
    const Catalogue catalogue = loadCatalogue(catalogueDirectory);
    const std::string sha256 =
        options.engine.empty() ? sha256FileHex(inputName(options)) : sha256Hex(inputName(options));
    std::optional<StagedFile> staged;
    if (isNew)
        staged.emplace(databasePath);
    try {
        Store store = Store::open(isNew ? staged->tempPath() : databasePath);
        ImportOptions importOptions;
        importOptions.catalogue = &catalogue;
        const ImportResult result = store.importEvidence(output.evidence, sha256, importOptions);
        store.close();
        if (staged)
            staged->commit();
        context.err << "capeq compute: stored " << result.inserted << " estimates in "
                    << databasePath.string() << " as import #" << result.importId << '\n';
    } catch (const InputError& error) {
        for (const Diagnostic& diagnostic : error.diagnostics())
            context.err << formatDiagnostic(diagnostic) << '\n';
        context.err << "capeq compute: nothing stored, " << databasePath.string()
                    << (isNew ? " was not created\n" : " was not changed\n");
        context.exitCode = kExitBadInput;
    }
}

// --emit-sql: the self-contained aggregation query, for the table named by --engine or --table.
void emitSql(const ComputeCommandOptions& options, const compute::ComputeSpec& spec,
             CommandContext& context) {
    scale::SqlDialect dialect =
        scale::parseSqlDialect(options.dialect.empty() ? "postgresql" : options.dialect);
    std::string table = options.table;
    if (!options.engine.empty()) {
        const scale::EngineUrl url = scale::parseEngineUrl(options.engine);
        dialect = options.dialect.empty() ? url.dialect : dialect;
        table = options.table.empty() ? url.table : table;
    }
    if (table.empty())
        throw std::invalid_argument(
            "--emit-sql needs the table: give --table NAME or --engine URL?table=NAME");
    context.out << scale::makeSumsQuery(spec, table, dialect, nullptr);
}

// --engine URL: the sums come from the engine; everything after them is the in-process finishing step.
compute::ComputeSums engineSums(const ComputeCommandOptions& options, const compute::ComputeSpec& spec,
                                std::string& summary) {
    const scale::EngineUrl url = scale::parseEngineUrl(options.engine);
    const std::unique_ptr<scale::SqlEngine> engine = scale::openSqlEngine(url);
    scale::PushdownRun run = scale::computeSumsInEngine(spec, *engine, url.table, url.display);
    char timing[128];
    std::snprintf(timing, sizeof timing, " (means %.2f s, sums %.2f s, unmapped values %.2f s)",
                  run.shiftSeconds, run.sumsSeconds, run.unmappedSeconds);
    summary = "aggregated in " + scale::dialectName(url.dialect) + timing;
    return std::move(run.sums);
}

// --from-sums FILE: the sums were computed elsewhere (the --emit-sql query on another engine).
compute::ComputeSums exportedSums(const ComputeCommandOptions& options, const compute::ComputeSpec& spec,
                                  std::string& summary) {
    const auto started = std::chrono::steady_clock::now();
    scale::refuseCodesReadAsNull(spec);
    compute::ComputeSums sums = scale::readSums(spec, scale::readSumsCsv(options.fromSums), options.fromSums);
    char timing[64];
    std::snprintf(timing, sizeof timing, " (read in %.2f s)",
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    summary = "finished from sums" + std::string(timing);
    return sums;
}

compute::ComputeSums computeOrReadSums(const ComputeCommandOptions& options, const compute::ComputeSpec& spec,
                                       CommandContext& context, std::string& summary) {
    const int inputs = static_cast<int>(!options.data.empty()) + static_cast<int>(!options.engine.empty()) +
                       static_cast<int>(!options.fromSums.empty());
    if (inputs != 1)
        throw std::invalid_argument("give one of: the microdata CSV file, --engine URL, or --from-sums FILE");
    if (!options.engine.empty())
        return engineSums(options, spec, summary);
    if (!options.fromSums.empty())
        return exportedSums(options, spec, summary);
    compute::ComputeOptions engine;
    engine.jobs = options.jobs;
    if (context.errIsTerminal)
        engine.progress = [&](std::uint64_t done, std::uint64_t total) {
            drawProgress(context.err, done, total);
        };
    compute::ComputeSums sums = compute::computeSums(options.data, spec, engine);
    if (context.errIsTerminal)
        context.err << '\n';
    return sums;
}

void runCompute(const ComputeCommandOptions& options, CommandContext& context) {
    const auto started = std::chrono::steady_clock::now();
    const compute::ComputeSpec spec = compute::readComputeSpec(options.spec);
    if (options.emitSql)
        return emitSql(options, spec, context);
    std::string engineSummary;
    const compute::ComputeSums sums = computeOrReadSums(options, spec, context, engineSummary);
    for (const Diagnostic& warning : sums.warnings)
        context.err << formatDiagnostic(warning) << '\n';

    compute::OutputOptions outputOptions;
    outputOptions.area = options.area;
    outputOptions.service = options.service;
    outputOptions.period = options.period;
    outputOptions.policy = loadDisclosurePolicy(resolveScoringFile(options.disclosure, "disclosure"));
    outputOptions.policy.enabled = !options.noSuppression;
    const compute::ComputeOutput output =
        compute::buildComputeOutput(spec, sums, outputOptions, inputName(options));

    if (!options.database.empty()) {
        writeToStore(options, output, context);
        if (context.exitCode != kExitOk)
            return;
    } else if (!options.out.empty()) {
        writeFileAtomically(options.out, compute::formatLongFormatCsv(output.evidence.rows));
    } else {
        context.out << compute::formatLongFormatCsv(output.evidence.rows);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f s", seconds);
    context.err << "capeq compute: " << sums.designRows << " rows, " << spec.indicators.size()
                << " indicators x " << sums.tables.size() << " breakdowns: " << output.evidence.rows.size()
                << " estimates (" << output.primarySuppressed + output.secondarySuppressed
                << " suppressed: " << output.primarySuppressed << " primary, " << output.secondarySuppressed
                << " secondary; " << output.lowReliability << " low reliability); " << output.disclosureRule
                << "; "
                << (engineSummary.empty()
                        ? std::to_string(sums.jobsUsed) + (sums.jobsUsed == 1 ? " thread" : " threads")
                        : engineSummary)
                << (sums.reranSerially ? " (re-read on one thread: quoted line breaks)" : "") << ", "
                << timing << (options.out.empty() ? "" : ", written to " + options.out) << '\n';
}

} // namespace

void addComputeCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<ComputeCommandOptions>();
    auto* command = app.add_subcommand(
        "compute", "Turn survey microdata (CSV with a weight column) into weighted estimates with survey "
                   "standard errors for every group, as CapEq long-format evidence (see docs/COMPUTE.md)");
    command->add_option("data", options->data, "Microdata CSV file (header row, one person per row)")
        ->check(CLI::ExistingFile);
    command->add_option("--spec", options->spec, "Compute spec: weight, indicators, characteristics")
        ->required()
        ->check(CLI::ExistingFile);
    auto* out = command->add_option("--out", options->out, "Write the estimates CSV here (default: stdout)");
    command->add_option("--db", options->database, "Import the estimates into this SQLite store instead")
        ->excludes(out);
    command->add_option("--area", options->area, "area_code for every row (overrides the spec)");
    command->add_option("--service", options->service, "service_id for every row (overrides the spec)");
    command->add_option("--period", options->period, "period for every row (overrides the spec)");
    command->add_option("--jobs", options->jobs, "Threads to read with (default: one per core)");
    command->add_option("--catalogue", options->catalogueDirectory, "Catalogue for --db (default: shipped)");
    command->add_option("--disclosure", options->disclosure,
                        "Disclosure control rule: default, strict, or a rule file");
    command->add_flag("--no-suppression", options->noSuppression,
                      "Publish every cell (disclosure control off): only for data that stays with its owner");
    command->add_option("--engine", options->engine,
                        "Aggregate inside a SQL engine instead of reading DATA: sqlite:///FILE?table=NAME or "
                        "postgresql://[user@]host[:port]/DB?table=NAME (see docs/SCALE.md)");
    command->add_flag("--emit-sql", options->emitSql,
                      "Print the aggregation query (for --engine's table, or --table) and stop");
    command->add_option("--dialect", options->dialect,
                        "SQL dialect for --emit-sql: postgresql, sqlite, spark, trino or bigquery");
    command->add_option("--table", options->table, "Table holding the microdata, for --emit-sql");
    command
        ->add_option("--from-sums", options->fromSums,
                     "Finish from the --emit-sql query's result, run elsewhere and exported as CSV "
                     "(see docs/SCALE.md)")
        ->check(CLI::ExistingFile);
    command->callback([options, &context] { runCompute(*options, context); });
}

} // namespace capeq::cli
