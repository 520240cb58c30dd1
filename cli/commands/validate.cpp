// SPDX-License-Identifier: Apache-2.0
// `capeq validate FILE`: reads an evidence file in any supported format, checks it against the catalogue,
// and either lists every problem (exit 2) or summarises what would be imported (exit 0).
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/evidence/evidence_reader.hpp>

#include <CLI/CLI.hpp>
#include <cli/command.hpp>
#include <cli/diagnostics_output.hpp>
#include <cli/evidence_arguments.hpp>
#include <cli/run.hpp>
#include <memory>
#include <ostream>
#include <set>

namespace capeq::cli {

namespace {

using ValidateOptions = EvidenceFileArguments;

std::string joined(const std::set<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

void printSummary(std::ostream& out, const EvidenceSet& set) {
    std::set<std::string> indicators;
    std::set<std::string> characteristics;
    for (const EvidenceRow& row : set.rows) {
        indicators.insert(row.indicator.str());
        characteristics.insert(row.characteristic.str());
    }
    out << "file: " << set.sourceFile << '\n'
        << "format: " << set.format << '\n'
        << "encoding: " << set.encoding << '\n'
        << "rows: " << set.rows.size() << '\n'
        << "indicators: " << joined(indicators) << '\n'
        << "characteristics: " << joined(characteristics) << '\n'
        << "columns used: ";
    for (std::size_t i = 0; i < set.columnsUsed.size(); ++i)
        out << (i > 0 ? ", " : "") << set.columnsUsed[i];
    out << '\n';
    if (set.unmapped.empty()) {
        out << "unmapped: none\n";
        return;
    }
    std::size_t rows = 0;
    for (const UnmappedItem& item : set.unmapped)
        rows += item.rowCount;
    out << "unmapped: " << set.unmapped.size() << " items, " << rows
        << " rows (not imported; map them in indicators/mappings/)\n";
    for (const UnmappedItem& item : set.unmapped)
        out << "  " << item.kind << " '" << item.value << "': " << item.rowCount << " rows, first on line "
            << item.firstSeen.line << '\n';
}

void runValidate(const ValidateOptions& options, CommandContext& context) {
    const Catalogue catalogue = loadCatalogue(options.catalogue());
    const ReadOptions read = options.readOptions();
    const EvidenceSet set = readEvidenceFile(options.file, catalogue, read);
    const DiagnosticList problems = validateEvidence(set, catalogue);
    printDiagnostics(context.err, set.warnings);
    printDiagnostics(context.err, problems.items());
    if (problems.hasErrors()) {
        const std::size_t count = problems.errorCount();
        context.err << "capeq validate: " << count << (count == 1 ? " problem" : " problems")
                    << "; nothing can be imported until " << (count == 1 ? "it is" : "they are")
                    << " fixed\n";
        context.exitCode = kExitBadInput;
        return;
    }
    printSummary(context.out, set);
    context.exitCode = kExitOk;
}

} // namespace

void addValidateCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<ValidateOptions>();
    auto* command = app.add_subcommand(
        "validate",
        "Check an evidence file (CapEq long format, HEAT Plus, Fingertips, Ethnicity facts and figures) "
        "and list every problem with file, line, column and a fix");
    command->add_option("file", options->file, "Evidence CSV file")->required();
    command->add_option("--encoding", options->encoding, "auto (default), utf-8 or windows-1252");
    command->add_option("--format", options->format,
                        "Force the format: capeq-long, heat-plus, fingertips or ethnicity-facts");
    command->add_option("--ignore-column", options->ignoreColumns,
                        "Allow an extra column in a long-format file (repeatable)");
    command->add_option("--catalogue", options->catalogueDirectory, "Catalogue directory (default: shipped)");
    command->add_option("--mappings", options->mappingDirectory,
                        "Directory of mapping files (default: the catalogue's mappings/)");
    command->callback([options, &context] { runValidate(*options, context); });
}

} // namespace capeq::cli
