// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_manifest.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/io/csv_reader.hpp>

#include <algorithm>
#include <map>

namespace capeq::audit {

namespace {

const std::vector<std::string> kColumns{"file", "organisation", "service", "format", "mappings", "role"};
const std::vector<std::string> kFormats{"",           "capeq-long",      "heat-plus",
                                        "fingertips", "ethnicity-facts", "gpg"};

} // namespace

Manifest readManifest(const std::filesystem::path& path) {
    CsvReader reader(path);
    DiagnosticList problems;
    Manifest manifest;
    if (!reader.next())
        throw InputError(
            Diagnostic{Severity::Error,
                       {path.string(), 0, 0, ""},
                       "the manifest is empty",
                       "write a header 'file,organisation,service,format' and one line per file"});
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < reader.size(); ++i) {
        const std::string name(reader[i]);
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
            problems.error({path.string(), reader.line(), i + 1, name},
                           "unknown manifest column '" + name + "'",
                           "use file, organisation, service, format, mappings and role");
        columns[name] = i;
    }
    const std::size_t width = reader.size();
    const std::filesystem::path base = path.parent_path();
    while (reader.next()) {
        if (!reader.checkFieldCount(width) || reader.recordHasErrors())
            continue;
        const auto get = [&](const std::string& name) {
            const auto found = columns.find(name);
            return found == columns.end() ? std::string() : std::string(reader[found->second]);
        };
        const std::string file = get("file");
        if (!file.empty() && file.front() == '#')
            continue;
        ManifestEntry entry;
        entry.line = reader.line();
        if (file.empty()) {
            problems.error({path.string(), reader.line(), 1, "file"}, "no file name",
                           "give the evidence file's path, relative to the manifest");
            continue;
        }
        entry.path = std::filesystem::path(file).is_absolute() ? std::filesystem::path(file) : base / file;
        entry.organisation = get("organisation");
        entry.service = get("service");
        entry.format = get("format");
        if (std::find(kFormats.begin(), kFormats.end(), entry.format) == kFormats.end())
            problems.error({path.string(), reader.line(), columns["format"] + 1, "format"},
                           "unknown format '" + entry.format + "'",
                           "leave it empty to detect, or use capeq-long, heat-plus, fingertips, "
                           "ethnicity-facts or gpg");
        const std::string role = get("role");
        entry.benchmark = role == "benchmark";
        if (!role.empty() && role != "audited" && role != "benchmark")
            problems.error(
                {path.string(), reader.line(), columns["role"] + 1, "role"}, "unknown role '" + role + "'",
                "leave it empty (the file is audited) or write 'benchmark' for a file of benchmark "
                "figures, e.g. the national ones");
        const std::string mappings = get("mappings");
        if (!mappings.empty())
            entry.mappings = std::filesystem::path(mappings).is_absolute() ? std::filesystem::path(mappings)
                                                                           : base / mappings;
        manifest.entries.push_back(std::move(entry));
    }
    for (const Diagnostic& d : reader.diagnostics())
        problems.add(d);
    if (columns.count("file") == 0)
        problems.error({path.string(), 1, 1, "file"}, "the manifest has no 'file' column",
                       "start the header with 'file'");
    if (manifest.entries.empty() && !problems.hasErrors())
        problems.error({path.string(), 0, 0, ""}, "the manifest lists no evidence files",
                       "add one line per evidence file");
    problems.throwIfErrors();
    return manifest;
}

} // namespace capeq::audit
