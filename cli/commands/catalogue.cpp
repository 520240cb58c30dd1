// SPDX-License-Identifier: Apache-2.0
// `capeq catalogue`: browse, search, validate and document the indicator catalogue.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/catalogue/codebook.hpp>
#include <capeq/catalogue/field_reader.hpp>
#include <capeq/core/paths.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cli/command.hpp>
#include <cli/run.hpp>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

namespace capeq::cli {

namespace {

namespace fs = std::filesystem;

// Option values shared by the catalogue subcommands; owned by their callbacks.
struct CatalogueOptions {
    std::string directory;
    std::string domain;
    std::string dimension;
    std::string format = "table";
    std::string text;
    std::string id;
    std::string validateDirectory;
    std::string codebookFormat = "md";
    std::string outFile;
};

fs::path catalogueDirectory(const CatalogueOptions& options) {
    return options.directory.empty() ? defaultCatalogueDirectory() : fs::path(options.directory);
}

[[noreturn]] void usageError(std::string message, std::string hint) {
    throw InputError(Diagnostic{Severity::Error, {}, std::move(message), std::move(hint)});
}

template <typename T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const T& item : items)
        ids.push_back(item.id.str());
    return ids;
}

std::string characteristicList(const Indicator& indicator) {
    std::string text;
    for (const CharacteristicId& id : indicator.characteristics)
        text += (text.empty() ? "" : ", ") + id.str();
    return text;
}

nlohmann::ordered_json toJson(const Indicator& i) {
    nlohmann::ordered_json characteristics = nlohmann::ordered_json::array();
    for (const CharacteristicId& id : i.characteristics)
        characteristics.push_back(id.str());
    nlohmann::ordered_json object{{"id", i.id.str()},
                                  {"title", i.title},
                                  {"description", i.description},
                                  {"plain_language", i.plainLanguage},
                                  {"domain", i.domain.str()},
                                  {"dimension", i.dimension.str()},
                                  {"polarity", toString(i.polarity)},
                                  {"measure", toString(i.measureType)},
                                  {"multiplier", i.multiplier},
                                  {"scale", i.scale},
                                  {"unit", i.unit},
                                  {"numerator", i.numerator},
                                  {"denominator", i.denominator},
                                  {"population", i.population},
                                  {"goalposts", {i.goalposts.lo, i.goalposts.hi}},
                                  {"minimum_standard", nullptr},
                                  {"reference", referenceText(i)},
                                  {"source", i.source},
                                  {"characteristics", characteristics},
                                  {"references", i.references}};
    if (i.minimumStandard)
        object["minimum_standard"] = *i.minimumStandard;
    return object;
}

// Aligned columns; the last column is not padded so piped output carries no trailing blanks.
void printTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c], row[c].size());
        }
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            out << row[c];
            if (c + 1 < row.size())
                out << std::string(widths[c] - row[c].size() + 2, ' ');
        }
        out << '\n';
    }
}

void printIndicators(CommandContext& context, const std::vector<const Indicator*>& indicators,
                     const std::string& format) {
    if (format == "json") {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const Indicator* indicator : indicators)
            array.push_back(toJson(*indicator));
        context.out << array.dump(2) << '\n';
        return;
    }
    if (format == "csv") {
        context.out << "id,domain,dimension,polarity,measure,unit,title\n";
        for (const Indicator* i : indicators)
            context.out << i->id.str() << ',' << i->domain.str() << ',' << i->dimension.str() << ','
                        << toString(i->polarity) << ',' << toString(i->measureType) << ','
                        << csvField(i->unit) << ',' << csvField(i->title) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> rows{{"ID", "DOMAIN", "DIMENSION", "POLARITY", "MEASURE", "TITLE"}};
    for (const Indicator* i : indicators)
        rows.push_back({i->id.str(), i->domain.str(), i->dimension.str(), toString(i->polarity),
                        toString(i->measureType), i->title});
    printTable(context.out, rows);
    if (context.outIsTerminal)
        context.out << indicators.size() << (indicators.size() == 1 ? " indicator\n" : " indicators\n");
}

void runList(CommandContext& context, const CatalogueOptions& options) {
    const Catalogue catalogue = loadCatalogue(catalogueDirectory(options));
    if (!options.domain.empty() && catalogue.findDomain(DomainId(options.domain)) == nullptr)
        usageError("unknown domain '" + options.domain + "'",
                   suggestion(options.domain, idsOf(catalogue.domains())));
    if (!options.dimension.empty() && catalogue.findDimension(DimensionId(options.dimension)) == nullptr)
        usageError("unknown dimension '" + options.dimension + "'",
                   suggestion(options.dimension, idsOf(catalogue.dimensions())));
    printIndicators(context, catalogue.select(DomainId(options.domain), DimensionId(options.dimension)),
                    options.format);
}

void runSearch(CommandContext& context, const CatalogueOptions& options) {
    const Catalogue catalogue = loadCatalogue(catalogueDirectory(options));
    const auto found = catalogue.search(options.text);
    if (found.empty()) {
        context.err << "no indicator matches '" << options.text << "'\n";
        return;
    }
    printIndicators(context, found, options.format);
}

void runShow(CommandContext& context, const CatalogueOptions& options) {
    const Catalogue catalogue = loadCatalogue(catalogueDirectory(options));
    const Indicator* i = catalogue.findIndicator(IndicatorId(options.id));
    if (i == nullptr)
        usageError(
            "unknown indicator '" + options.id + "'",
            closestMatch(options.id, idsOf(catalogue.indicators())).empty()
                ? "list the indicators with 'capeq catalogue list' or find one with 'capeq catalogue search'"
                : suggestion(options.id, idsOf(catalogue.indicators())));
    const Domain* domain = catalogue.findDomain(i->domain);
    const Dimension* dimension = catalogue.findDimension(i->dimension);
    std::string measure = toString(i->measureType);
    if (i->measureType == MeasureType::Rate || i->measureType == MeasureType::Proportion)
        measure += " (multiplier " + formatNumber(i->multiplier) + ")";
    if (i->measureType == MeasureType::Score)
        measure += " (scale " + i->scale + ")";
    const std::string minimum = minimumStandardText(*i);
    std::vector<std::vector<std::string>> rows{
        {"id", i->id.str()},
        {"title", i->title},
        {"in plain words", i->plainLanguage},
        {"definition", i->description},
        {"domain", (domain ? domain->name : "?") + " (" + i->domain.str() + ")"},
        {"dimension", (dimension ? dimension->name : "?") + " (" + i->dimension.str() + ")"},
        {"polarity", toString(i->polarity)},
        {"measure", measure},
        {"unit", i->unit},
        {"numerator", i->numerator.empty() ? "-" : i->numerator},
        {"denominator", i->denominator.empty() ? "-" : i->denominator},
        {"population", i->population},
        {"goalposts", goalpostsText(*i)},
        {"minimum standard", minimum.empty() ? "none" : minimum},
        {"reference group", referenceText(*i)},
        {"source", i->source},
        {"characteristics", characteristicList(*i)}};
    for (std::size_t r = 0; r < i->references.size(); ++r)
        rows.push_back({r == 0 ? "references" : "", i->references[r]});
    rows.push_back({"defined at", i->definedAt.file + ":" + std::to_string(i->definedAt.line)});
    printTable(context.out, rows);
}

void runValidate(CommandContext& context, const CatalogueOptions& options) {
    const fs::path directory =
        options.validateDirectory.empty() ? catalogueDirectory(options) : fs::path(options.validateDirectory);
    DiagnosticList diagnostics;
    const Catalogue catalogue = readCatalogue(directory, diagnostics);
    for (const Diagnostic& diagnostic : diagnostics.items())
        context.err << formatDiagnostic(diagnostic) << '\n';
    const std::size_t errors = diagnostics.errorCount();
    const std::size_t warnings = diagnostics.items().size() - errors;
    if (errors > 0) {
        context.err << "catalogue has " << errors << (errors == 1 ? " error" : " errors") << " and "
                    << warnings << (warnings == 1 ? " warning\n" : " warnings\n");
        context.exitCode = kExitBadInput;
        return;
    }
    std::size_t covered = 0;
    for (const Domain& domain : catalogue.domains())
        for (const Dimension& dimension : catalogue.dimensions())
            covered += catalogue.select(domain.id, dimension.id).empty() ? 0 : 1;
    context.out << "catalogue OK: " << catalogue.domains().size() << " domains, "
                << catalogue.dimensions().size() << " dimensions, " << catalogue.characteristics().size()
                << " characteristics, " << catalogue.indicators().size() << " indicators, " << covered << '/'
                << catalogue.domains().size() * catalogue.dimensions().size() << " cells covered";
    if (warnings > 0)
        context.out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
    context.out << '\n';
}

void writeCodebook(std::ostream& out, const Catalogue& catalogue, const std::string& format) {
    if (format == "csv")
        writeCodebookCsv(out, catalogue);
    else
        writeCodebookMarkdown(out, catalogue);
}

void runCodebook(CommandContext& context, const CatalogueOptions& options) {
    const Catalogue catalogue = loadCatalogue(catalogueDirectory(options));
    if (options.outFile.empty()) {
        writeCodebook(context.out, catalogue, options.codebookFormat);
        return;
    }
    // Write beside the target and rename, so a reader never sees a half-written codebook.
    const fs::path target(options.outFile);
    fs::path temporary = target;
    temporary += ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        writeCodebook(file, catalogue, options.codebookFormat);
        file.close();
        if (!file) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            usageError("cannot write '" + options.outFile + "'",
                       "check that the directory exists and is writable");
        }
    }
    fs::rename(temporary, target);
    if (context.outIsTerminal)
        context.out << "wrote codebook of " << catalogue.indicators().size() << " indicators to "
                    << options.outFile << '\n';
}

} // namespace

void addCatalogueCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<CatalogueOptions>();
    auto* command =
        app.add_subcommand("catalogue", "Browse, search, validate and document the indicator catalogue");
    command->require_subcommand(1);
    command->add_option("--catalogue", options->directory,
                        "Catalogue directory (default: the shipped indicators/)");
    const auto formats = CLI::IsMember({"table", "csv", "json"});

    auto* list =
        command->add_subcommand("list", "List indicators, optionally of one domain and/or dimension");
    list->fallthrough();
    list->add_option("--domain", options->domain, "Only this domain id (e.g. health)");
    list->add_option("--dimension", options->dimension,
                     "Only this dimension id (outcome, treatment, autonomy)");
    list->add_option("--format", options->format, "table, csv or json")->check(formats);
    list->callback([&context, options] { runList(context, *options); });

    auto* search = command->add_subcommand("search", "Find indicators whose id, title or text contains TEXT");
    search->fallthrough();
    search->add_option("text", options->text, "Text to look for (case-insensitive)")->required();
    search->add_option("--format", options->format, "table, csv or json")->check(formats);
    search->callback([&context, options] { runSearch(context, *options); });

    auto* show = command->add_subcommand("show", "Show every field of one indicator");
    show->fallthrough();
    show->add_option("id", options->id, "Indicator id")->required();
    show->callback([&context, options] { runShow(context, *options); });

    auto* validate =
        command->add_subcommand("validate", "Check a catalogue directory and report every problem");
    validate->fallthrough();
    validate->add_option("dir", options->validateDirectory,
                         "Catalogue directory (default: --catalogue or shipped)");
    validate->callback([&context, options] { runValidate(context, *options); });

    auto* codebook =
        command->add_subcommand("codebook", "Write every indicator's metadata as Markdown or CSV");
    codebook->fallthrough();
    codebook->add_option("--format", options->codebookFormat, "md or csv")
        ->check(CLI::IsMember({"md", "csv"}));
    codebook->add_option("--out", options->outFile, "Write to FILE instead of standard output");
    codebook->callback([&context, options] { runCodebook(context, *options); });
}

} // namespace capeq::cli
