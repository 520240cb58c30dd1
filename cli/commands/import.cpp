// SPDX-License-Identifier: Apache-2.0
// `capeq import FILE --db DB`: reads and validates an evidence file, then adds it to a SQLite store in one
// transaction. Nothing touches the store until the file is known to be clean; a new store is built under a
// temporary name and only appears at DB once the import has committed.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/store/staged_file.hpp>
#include <capeq/store/store.hpp>

#include <CLI/CLI.hpp>
#include <cli/command.hpp>
#include <cli/diagnostics_output.hpp>
#include <cli/evidence_arguments.hpp>
#include <cli/run.hpp>
#include <memory>
#include <optional>
#include <ostream>

namespace capeq::cli {

namespace {

struct ImportCommandOptions : EvidenceFileArguments {
    std::string database;
    bool replace = false;
};

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "none" : text;
}

/// What to say about the store file itself, captured before it is closed and moved into place.
struct StoreFacts {
    std::string path;
    int schemaVersion = 0;
    int openedAtVersion = 0;
};

void printSummary(std::ostream& out, const EvidenceSet& evidence, const ImportResult& result,
                  const std::string& sha256, const StoreFacts& store, const StoreSummary& summary) {
    out << "imported: " << evidence.rows.size() << " estimates from " << evidence.sourceFile << " as import #"
        << result.importId << " (" << result.inserted << " new, " << result.replaced << " replaced)\n"
        << "format: " << evidence.format << ", encoding: " << evidence.encoding << '\n'
        << "sha256: " << sha256 << '\n'
        << "store: " << store.path << " (schema version " << store.schemaVersion;
    if (store.openedAtVersion != 0 && store.openedAtVersion < store.schemaVersion)
        out << ", migrated from version " << store.openedAtVersion;
    out << ")\n"
        << "store now holds:\n"
        << "  estimates: " << summary.estimates << " from " << summary.imports << " imports\n"
        << "  services: " << summary.services << '\n'
        << "  areas: " << summary.areas << '\n'
        << "  periods: " << summary.periods << '\n'
        << "  indicators: " << summary.indicatorsWithEvidence << " of " << summary.catalogueIndicators
        << " in the catalogue\n"
        << "  domains covered: " << summary.domainsCovered << " of " << summary.domains.size() << " ("
        << summary.cellsCovered << " of " << summary.cellsTotal << " domain x dimension cells)\n";
    for (const DomainCoverage& domain : summary.domains) {
        if (domain.indicatorsWithEvidence == 0)
            continue;
        out << "    " << domain.domain.str() << ": " << domain.indicatorsWithEvidence << " of "
            << domain.catalogueIndicators << " indicators, " << domain.dimensionsCovered
            << " of 3 dimensions\n";
    }
    out << "  characteristics: " << joined(summary.characteristics) << '\n';
    if (evidence.unmapped.empty()) {
        out << "unmapped: none\n";
        return;
    }
    out << "unmapped: " << evidence.unmapped.size()
        << " items in this file were not imported (map them in the catalogue's mappings/)\n";
    for (const UnmappedItem& item : evidence.unmapped) {
        out << "  " << item.kind << " '" << item.value << "': " << item.rowCount << " rows, first on line "
            << item.firstSeen.line << '\n';
    }
}

void runImport(const ImportCommandOptions& options, CommandContext& context) {
    const std::filesystem::path databasePath(options.database);
    const bool isNew = !std::filesystem::exists(databasePath);
    const std::string untouched = isNew ? " was not created\n" : " was not changed\n";

    const Catalogue catalogue = loadCatalogue(options.catalogue());
    const ReadOptions read = options.readOptions();
    const std::string sha256 = sha256FileHex(options.file);
    EvidenceSet evidence = readEvidenceFile(options.file, catalogue, read);
    const DiagnosticList problems = validateEvidence(evidence, catalogue);
    dropRepeatedRows(evidence); // warned about above: the first of each repeated pair is kept
    printDiagnostics(context.err, evidence.warnings);
    printDiagnostics(context.err, problems.items());
    if (problems.hasErrors()) {
        const std::size_t count = problems.errorCount();
        context.err << "capeq import: " << count << (count == 1 ? " problem" : " problems")
                    << "; nothing imported, " << databasePath.string() << untouched;
        context.exitCode = kExitBadInput;
        return;
    }

    // The file is clean; only now is the store opened (or its replacement staged).
    std::optional<StagedFile> staged;
    if (isNew)
        staged.emplace(databasePath);
    else
        StagedFile::removeStale(databasePath); // left by an import that was killed while creating the store
    try {
        Store store = Store::open(isNew ? staged->tempPath() : databasePath);
        ImportOptions importOptions;
        importOptions.replace = options.replace;
        importOptions.catalogue = &catalogue;
        const ImportResult result = store.importEvidence(evidence, sha256, importOptions);
        const StoreSummary summary = store.summary();
        const StoreFacts facts{databasePath.string(), store.schemaVersion(), store.openedAtVersion()};
        store.close();
        if (staged)
            staged->commit();
        printSummary(context.out, evidence, result, sha256, facts, summary);
    } catch (const InputError& error) {
        printDiagnostics(context.err, error.diagnostics());
        context.err << "capeq import: nothing imported, " << databasePath.string() << untouched;
        context.exitCode = kExitBadInput;
        return;
    }
    context.exitCode = kExitOk;
}

} // namespace

void addImportCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<ImportCommandOptions>();
    auto* command = app.add_subcommand(
        "import",
        "Validate an evidence file and add it to a SQLite store in one transaction; on any problem, "
        "list them all and leave the store untouched");
    command->add_option("file", options->file, "Evidence CSV file")->required();
    command->add_option("--db", options->database, "SQLite store to add to (created if it does not exist)")
        ->required();
    command->add_option("--encoding", options->encoding, "auto (default), utf-8 or windows-1252");
    command->add_option("--format", options->format,
                        "Force the format: capeq-long, heat-plus, fingertips or ethnicity-facts");
    command->add_option("--ignore-column", options->ignoreColumns,
                        "Allow an extra column in a long-format file (repeatable)");
    command->add_option("--catalogue", options->catalogueDirectory, "Catalogue directory (default: shipped)");
    command->add_option("--mappings", options->mappingDirectory,
                        "Directory of mapping files (default: the catalogue's mappings/)");
    command->add_flag(
        "--replace", options->replace,
        "Overwrite estimates already stored under the same indicator, area, service, period and "
        "group (default: refuse the import)");
    command->callback([options, &context] { runImport(*options, context); });
}

} // namespace capeq::cli
