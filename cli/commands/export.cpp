// SPDX-License-Identifier: Apache-2.0
// `capeq export INPUT --format F`: evidence with estimates, CIs, significance and suppression codes for
// researchers (tidy CSV, JSON, SDMX-CSV) and the codebook of its indicators; disclosure control always on.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/catalogue/codebook.hpp>
#include <capeq/core/atomic_file.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/export/export_codebook.hpp>
#include <capeq/export/export_writers.hpp>
#include <capeq/pipeline/evidence_input.hpp>
#include <capeq/scoring/scoring_profile.hpp>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cli/command.hpp>
#include <cli/run.hpp>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <sstream>

namespace capeq::cli {

namespace {

struct ExportCommandOptions {
    std::string input;
    std::string format = "tidy-csv";
    std::string out;
    std::string catalogueDirectory;
    std::string disclosure = "default";
    std::string service;
    std::string period;
};

[[noreturn]] void usage(const std::string& file, const std::string& message, const std::string& hint) {
    throw InputError(Diagnostic{Severity::Error, {file, 0, 0, ""}, message, hint});
}

std::string kindName(InputKind kind) {
    switch (kind) {
    case InputKind::Store:
        return "store";
    case InputKind::Assessment:
        return "assessment";
    case InputKind::EvidenceFile:
        return "evidence";
    }
    return "evidence";
}

// SOURCE_DATE_EPOCH (reproducible-builds convention) pins the recorded time, so two exports of the same
// input can be byte-identical; otherwise the export records when it ran.
std::string exportTime() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        long long seconds = 0;
        const std::string text(epoch);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error == std::errc{} && end == text.data() + text.size())
            return utcTimestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
    }
    return utcTimestamp(std::chrono::system_clock::now());
}

std::string joinIds(const auto& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + std::string(item);
    return text;
}

void runExport(const ExportCommandOptions& options, CommandContext& context) {
    const ExportFormat format = parseExportFormat(options.format).value_or(ExportFormat::TidyCsv);
    const bool codebook = format == ExportFormat::CodebookMarkdown || format == ExportFormat::CodebookCsv;
    if (options.input.empty() && !codebook)
        usage(
            "", "capeq export needs an INPUT for --format " + options.format,
            "give a SQLite store, an evidence CSV or a .capeq file (only codebook formats work without one)");

    Catalogue catalogue =
        loadCatalogue(options.catalogueDirectory.empty() ? defaultCatalogueDirectory()
                                                         : std::filesystem::path(options.catalogueDirectory));
    ExportOptions exportOptions;
    exportOptions.policy = loadDisclosurePolicy(resolveScoringFile(options.disclosure, "disclosure"));
    exportOptions.service = options.service;
    exportOptions.period = options.period;
    ExportProvenance provenance;
    provenance.format = format;
    provenance.framework = catalogue.frameworkName();
    provenance.ciLevel = exportOptions.level;
    provenance.exportedAt = exportTime();
    provenance.serviceFilter = options.service;
    provenance.periodFilter = options.period;
    provenance.disclosureRule = exportOptions.policy.describe();

    ExportTable table;
    if (!options.input.empty()) {
        const EvidenceInput input = loadEvidenceInput(options.input, catalogue);
        provenance.inputs.push_back(
            {std::filesystem::path(options.input).filename().string(), kindName(input.kind), input.sha256});
        table = buildExportTable(input.rows, catalogue, exportOptions);
        if (table.rows.empty()) {
            std::vector<std::string> services;
            for (const ServiceId& service : servicesIn(input.rows))
                services.push_back(service.str());
            usage(options.input, "no evidence rows match the selection",
                  input.rows.empty()
                      ? "import evidence first (capeq import FILE --db DB)"
                      : "services in the input: " + joinIds(services) + "; check --service and --period");
        }
        recordTable(provenance, table);
        if (!input.unmapped.empty())
            context.err << "capeq export: " << input.unmapped.size()
                        << " unmapped items were not exported (see capeq validate " << options.input << ")\n";
        if (codebook) {
            std::vector<EvidenceRow> selected;
            for (const EvidenceRow& row : input.rows)
                if ((options.service.empty() || row.service.str() == options.service) &&
                    (options.period.empty() || row.period == options.period))
                    selected.push_back(row);
            catalogue = catalogueForRows(catalogue, selected);
        }
    }

    std::ostringstream text;
    std::vector<std::string> csvHeader;
    switch (format) {
    case ExportFormat::TidyCsv:
        writeTidyCsv(text, table);
        break;
    case ExportFormat::Json:
        writeExportJson(text, table, provenance);
        break;
    case ExportFormat::SdmxCsv:
        writeSdmxCsv(text, table);
        break;
    case ExportFormat::CodebookMarkdown:
        writeExportCodebookMarkdown(text, catalogue, provenance);
        break;
    case ExportFormat::CodebookCsv:
        writeCodebookCsv(text, catalogue);
        csvHeader = codebookCsvColumns(catalogue);
        break;
    }
    // CSV has no room for provenance that default readers would skip, so it travels in a sidecar; JSON and
    // Markdown carry it inside.
    const bool needsSidecar = format == ExportFormat::TidyCsv || format == ExportFormat::SdmxCsv ||
                              format == ExportFormat::CodebookCsv;

    if (options.out.empty()) {
        context.out << text.str();
        if (needsSidecar)
            context.err << "capeq export: provenance (method " << provenance.methodVersion << "; "
                        << provenance.disclosureRule
                        << ") is not in the CSV; use --out FILE to also write FILE.metadata.json\n";
        context.exitCode = kExitOk;
        return;
    }
    const std::filesystem::path target(options.out);
    try {
        writeFileAtomically(target, text.str());
        if (needsSidecar)
            writeFileAtomically(sidecarPath(target),
                                metadataSidecar(provenance, target.filename().string(), csvHeader));
    } catch (const std::runtime_error& error) {
        usage(options.out, error.what(), "check that the directory exists and is writable");
    }
    if (context.errIsTerminal) {
        context.err << "wrote " << (codebook ? catalogue.indicators().size() : table.rows.size())
                    << (codebook ? " indicators" : " rows") << " to " << options.out;
        if (needsSidecar)
            context.err << " (provenance: " << sidecarPath(target).string() << ")";
        context.err << '\n';
    }
    context.exitCode = kExitOk;
}

} // namespace

void addExportCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<ExportCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "export",
        "Export evidence with CIs, significance and suppression codes (tidy CSV, JSON, SDMX-CSV) or "
        "a codebook; disclosure control is always applied");
    command->add_option("INPUT", options->input,
                        "A SQLite store, an evidence CSV or a .capeq assessment (optional for codebooks)");
    command->add_option("--format", options->format, "tidy-csv, json, sdmx-csv, codebook-md or codebook-csv")
        ->check(CLI::IsMember({"tidy-csv", "json", "sdmx-csv", "codebook-md", "codebook-csv"}))
        ->default_val("tidy-csv");
    command->add_option(
        "--out", options->out,
        "Write to FILE atomically (CSV formats also write FILE.metadata.json); default stdout");
    command->add_option("--catalogue", options->catalogueDirectory, "Catalogue directory (default: shipped)");
    command->add_option("--service", options->service, "Only this service");
    command->add_option(
        "--disclosure", options->disclosure,
        "Disclosure control rule: default, strict, or a rule file (control cannot be switched off)");
    command->add_option("--period", options->period, "Only this period");
    command->callback([options, &context] {
        try {
            runExport(*options, context);
        } catch (const std::invalid_argument& error) {
            context.err << "capeq export: " << error.what() << '\n';
            context.exitCode = kExitBadInput;
        }
    });
}

} // namespace capeq::cli
