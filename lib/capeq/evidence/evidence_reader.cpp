// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/paths.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/evidence/reader_support.hpp>

#include <algorithm>
#include <array>

namespace capeq {

namespace {

struct FormatInfo {
    std::string_view name;
    std::string_view mappingFile;              ///< empty for CapEq's own format
    std::array<std::string_view, 3> signature; ///< header columns that identify it
};

constexpr std::array<FormatInfo, 4> kFormats = {{
    {"capeq-long", "", {"indicator_id", "characteristic", "group"}},
    {"heat-plus", "heat_plus.ini", {"setting", "indicator_abbr", "subgroup"}},
    {"fingertips", "fingertips.ini", {"indicator id", "area code", "time period"}},
    {"ethnicity-facts", "ethnicity_facts.ini", {"measure", "ethnicity", "value"}},
}};

const FormatInfo* detectFormat(const std::vector<std::string>& header) {
    std::vector<std::string> names;
    for (const std::string& name : header)
        names.push_back(normaliseLabel(name));
    for (const FormatInfo& format : kFormats)
        if (std::all_of(format.signature.begin(), format.signature.end(), [&names](std::string_view column) {
                return std::find(names.begin(), names.end(), column) != names.end();
            }))
            return &format;
    return nullptr;
}

const char* const kFormatNames = "capeq-long, heat-plus, fingertips or ethnicity-facts";

enum class Rows { Keep, CheckOnly };

// One pass over the file. Throws InputError with every reader problem found; with Rows::CheckOnly the
// returned set has no rows.
EvidenceSet readPass(const std::filesystem::path& file, const Catalogue& catalogue,
                     const ReadOptions& options, Rows rows) {
    const std::string name = file.string();
    CsvOptions csvOptions;
    if (options.encoding != "auto") {
        csvOptions.encoding = parseTextEncoding(options.encoding);
        if (!csvOptions.encoding)
            throw InputError(Diagnostic{Severity::Error,
                                        {name, 0, 0, {}},
                                        "unknown encoding '" + options.encoding + "'",
                                        "use auto, utf-8 or windows-1252"});
    }
    const FormatInfo* forced = nullptr;
    if (options.format) {
        for (const FormatInfo& format : kFormats)
            if (format.name == *options.format)
                forced = &format;
        if (forced == nullptr)
            throw InputError(Diagnostic{Severity::Error,
                                        {name, 0, 0, {}},
                                        "unknown format '" + *options.format + "'",
                                        std::string("use ") + kFormatNames});
    }

    CsvReader csv(file, csvOptions);
    if (!csv.next())
        throw InputError(Diagnostic{
            Severity::Error, {name, 0, 0, {}}, "the file is empty", "export the data with its header row"});
    std::vector<std::string> header(csv.fields().begin(), csv.fields().end());
    const FormatInfo* format = forced != nullptr ? forced : detectFormat(header);
    if (format == nullptr)
        throw InputError(Diagnostic{
            Severity::Error,
            {name, 1, 0, {}},
            "cannot tell the evidence format from the header",
            std::string(
                "a CapEq long-format header has indicator_id, characteristic and group columns; or name the "
                "format with --format ") +
                kFormatNames});

    SourceMapping mapping;
    if (!format->mappingFile.empty()) {
        const std::filesystem::path directory = options.mappingDirectory.empty()
                                                    ? defaultCatalogueDirectory() / "mappings"
                                                    : options.mappingDirectory;
        mapping = SourceMapping::load(directory / format->mappingFile);
    }

    EvidenceSet set;
    set.sourceFile = name;
    set.format = std::string(format->name);
    ReaderContext context(csv, std::move(header), catalogue, options, set, std::move(mapping),
                          rows == Rows::Keep);
    if (format->name == "capeq-long")
        readLongFormat(context);
    else if (format->name == "heat-plus")
        readHeatPlus(context);
    else if (format->name == "fingertips")
        readFingertips(context);
    else
        readEthnicityFacts(context);
    set.encoding = std::string(toString(csv.encoding()));

    if (csv.errorCount() == 0 && csv.recordNumber() <= 1)
        csv.report({Severity::Error,
                    {name, 0, 0, {}},
                    "the file has a header but no data rows",
                    "add one row per estimate below the header"});
    if (csv.errorCount() > 0) {
        std::vector<Diagnostic> problems;
        std::copy_if(csv.diagnostics().begin(), csv.diagnostics().end(), std::back_inserter(problems),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
        if (csv.droppedDiagnostics() > 0)
            problems.push_back({Severity::Note,
                                {name, 0, 0, {}},
                                std::to_string(csv.droppedDiagnostics()) + " more problems are not shown",
                                "fix the problems above and read the file again"});
        throw InputError(std::move(problems));
    }
    return set;
}

} // namespace

EvidenceSet readEvidenceFile(const std::filesystem::path& file, const Catalogue& catalogue,
                             const ReadOptions& options) {
    // Rows take about ten times their CSV size in memory. A large file is therefore first read without
    // keeping them, so that a malformed row anywhere in it - even near the end of millions - is reported
    // with its line in bounded memory; only a file free of reader errors is read again to keep its rows.
    std::error_code sizeUnknown;
    const std::uintmax_t size = std::filesystem::file_size(file, sizeUnknown);
    if (!sizeUnknown && size > options.checkFirstAboveBytes)
        readPass(file, catalogue, options, Rows::CheckOnly);
    return readPass(file, catalogue, options, Rows::Keep);
}

} // namespace capeq
