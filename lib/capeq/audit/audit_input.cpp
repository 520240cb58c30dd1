// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_input.hpp>
#include <capeq/audit/audit_manifest.hpp>
#include <capeq/audit/gpg_reader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/pipeline/evidence_input.hpp>

#include <cstdio>
#include <set>
#include <tuple>

namespace capeq::audit {

namespace fs = std::filesystem;

namespace {

void appendNumber(std::string& text, const std::optional<double>& value) {
    char buffer[40] = "";
    if (value)
        std::snprintf(buffer, sizeof buffer, "%.17g", *value);
    text += buffer;
    text += '\t';
}

using RowKey = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

RowKey keyOf(const EvidenceRow& row) {
    return {row.indicator.str(), row.area.str(),           row.service.str(),
            row.period,          row.characteristic.str(), row.group.str()};
}

// One manifest entry's rows, checked against what the manifest says about it; throws InputError.
EvidenceSet readEntry(const ManifestEntry& entry, const Catalogue& catalogue, const GpgMapping* gpg,
                      const fs::path& mappingDirectory, std::map<AreaCode, std::string>& areaNames) {
    EvidenceSet evidence;
    if (entry.format == "gpg") {
        evidence = readGpgFile(entry.path, *gpg, &areaNames);
    } else {
        ReadOptions options;
        if (!entry.format.empty())
            options.format = entry.format;
        options.mappingDirectory = entry.mappings.empty() ? mappingDirectory : entry.mappings;
        evidence = readEvidenceFile(entry.path, catalogue, options);
    }
    DiagnosticList problems = validateEvidence(evidence, catalogue);
    for (const EvidenceRow& row : evidence.rows) {
        if (!entry.organisation.empty() && row.area.str() != entry.organisation)
            problems.error(row.location, "a row for area '" + row.area.str() + "'",
                           "the manifest says this file holds organisation '" + entry.organisation +
                               "' only: correct the manifest or the file");
        if (!entry.service.empty() && row.service.str() != entry.service)
            problems.error(row.location, "a row for service '" + row.service.str() + "'",
                           "the manifest says this file holds service '" + entry.service +
                               "' only: correct the manifest or the file");
        if (problems.errorCount() > 20)
            break;
    }
    problems.throwIfErrors();
    return evidence;
}

// A benchmark entry's rows must all be of one area, the same for every benchmark entry; throws InputError.
void checkBenchmarkArea(const ManifestEntry& entry, const EvidenceSet& evidence, std::string& benchmarkArea) {
    for (const EvidenceRow& row : evidence.rows) {
        if (benchmarkArea.empty())
            benchmarkArea = row.area.str();
        if (row.area.str() != benchmarkArea)
            throw InputError(
                Diagnostic{Severity::Error, row.location,
                           "a benchmark row for area '" + row.area.str() + "' where the benchmark is '" +
                               benchmarkArea + "'",
                           "a benchmark file (role 'benchmark' in " + entry.path.filename().string() +
                               "'s manifest line) holds one area's figures, e.g. the national ones"});
    }
}

void loadManifest(AuditInput& input, const fs::path& mappingDirectory) {
    const Manifest manifest = readManifest(input.path);
    input.files.push_back({"manifest", input.path.filename().string(), sha256FileHex(input.path)});
    std::optional<GpgMapping> gpg;
    for (const ManifestEntry& entry : manifest.entries)
        if (entry.format == "gpg" && !gpg) {
            const fs::path directory = entry.mappings.empty() ? mappingDirectory : entry.mappings;
            gpg = loadGpgMapping(directory / "gpg.ini", input.catalogue);
            input.catalogue = withIndicators(input.catalogue, gpg->indicators);
            input.files.push_back({"mapping", "gpg.ini", sha256FileHex(directory / "gpg.ini")});
        }
    std::set<RowKey> seen;
    for (const ManifestEntry& entry : manifest.entries) {
        InputFailure failure{entry.path.string(), entry.organisation, entry.service, {}};
        try {
            input.files.push_back({"evidence", entry.path.filename().string(), sha256FileHex(entry.path)});
            std::map<AreaCode, std::string> names;
            EvidenceSet evidence =
                readEntry(entry, input.catalogue, gpg ? &*gpg : nullptr, mappingDirectory, names);
            std::string benchmarkArea = input.benchmarkArea;
            if (entry.benchmark)
                checkBenchmarkArea(entry, evidence, benchmarkArea);
            for (const EvidenceRow& row : evidence.rows)
                if (seen.count(keyOf(row)) > 0)
                    throw InputError(Diagnostic{Severity::Error, row.location,
                                                "this estimate is already given by an earlier manifest entry",
                                                "list each organisation's evidence once"});
            for (EvidenceRow& row : evidence.rows) {
                seen.insert(keyOf(row));
                input.rows.push_back(std::move(row));
            }
            input.benchmarkArea = benchmarkArea;
            input.areaNames.merge(names);
            input.warnings.insert(input.warnings.end(), evidence.warnings.begin(), evidence.warnings.end());
        } catch (const InputError& error) {
            failure.problems = error.diagnostics();
            input.failures.push_back(std::move(failure));
        } catch (const std::exception& error) {
            failure.problems.push_back({Severity::Error, {entry.path.string(), 0, 0, ""}, error.what(), ""});
            input.failures.push_back(std::move(failure));
        }
    }
}

} // namespace

bool isManifest(const fs::path& path) {
    if (detectInputKind(path) != InputKind::EvidenceFile)
        return false;
    std::FILE* file = std::fopen(path.string().c_str(), "rb");
    if (file == nullptr)
        return false;
    char head[8] = {};
    const std::size_t got = std::fread(head, 1, 5, file);
    std::fclose(file);
    const std::string text(head, got);
    return text == "file," || text.rfind("file\n", 0) == 0 || text.rfind("file\r", 0) == 0;
}

std::string evidenceFingerprint(const std::vector<EvidenceRow>& rows) {
    Sha256 hash;
    std::string line;
    for (const EvidenceRow& row : rows) {
        line.clear();
        for (const std::string* text : {&row.indicator.str(), &row.area.str(), &row.service.str(),
                                        &row.period, &row.characteristic.str(), &row.group.str()}) {
            line += *text;
            line += '\t';
        }
        for (const auto* value :
             {&row.value, &row.standardError, &row.lowerCi, &row.upperCi, &row.lowerCi998, &row.upperCi998,
              &row.numerator, &row.denominator, &row.populationShare, &row.population, &row.sampleSize})
            appendNumber(line, *value);
        line += row.note;
        line += '\n';
        hash.update(line);
    }
    return Sha256::toHex(hash.finish());
}

AuditInput loadAuditInput(const fs::path& path, const Catalogue& catalogue,
                          const fs::path& mappingDirectory) {
    AuditInput input;
    input.path = path;
    input.catalogue = catalogue;
    const fs::path mappings =
        mappingDirectory.empty() ? defaultCatalogueDirectory() / "mappings" : mappingDirectory;
    if (isManifest(path)) {
        input.kind = "manifest";
        loadManifest(input, mappings);
    } else {
        ReadOptions options;
        options.mappingDirectory = mappings;
        EvidenceInput loaded = loadEvidenceInput(path, catalogue, options);
        input.kind = loaded.kind == InputKind::Store        ? "store"
                     : loaded.kind == InputKind::Assessment ? "assessment"
                                                            : "evidence_file";
        input.files.push_back(
            {input.kind == "store" ? "store" : "evidence", path.filename().string(), loaded.sha256});
        input.rows = std::move(loaded.rows);
    }
    input.evidenceFingerprint = evidenceFingerprint(input.rows);
    return input;
}

} // namespace capeq::audit
