// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/catalogue/catalogue_parts.hpp>

#include <algorithm>
#include <map>

namespace capeq {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFrameworkFile = "framework.ini";
constexpr const char* kCharacteristicsFile = "characteristics.ini";
constexpr const char* kRollupsFile = "rollups.ini";

// Top-level *.ini files other than the three framework files, sorted by name so loading is deterministic.
// Sub-directories (e.g. mappings/) are not part of the catalogue.
std::vector<fs::path> indicatorFiles(const fs::path& directory) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ".ini" && name != kFrameworkFile &&
            name != kCharacteristicsFile && name != kRollupsFile)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void checkUniqueIndicators(const std::vector<Indicator>& indicators, DiagnosticList& diagnostics) {
    std::map<std::string, const Indicator*> first;
    for (const Indicator& indicator : indicators) {
        const auto [it, inserted] = first.emplace(indicator.id.str(), &indicator);
        if (inserted)
            continue;
        const SourceLocation& earlier = it->second->definedAt;
        diagnostics.error(
            {indicator.definedAt.file, indicator.definedAt.line, indicator.definedAt.column, ""},
            "duplicate indicator id '" + indicator.id.str() + "' (first defined at " +
                fs::path(earlier.file).filename().string() + ":" + std::to_string(earlier.line) + ")",
            "give each indicator a unique id");
    }
}

void warnThinCells(const FrameworkPart& framework, const std::vector<Indicator>& indicators,
                   DiagnosticList& diagnostics) {
    for (const Domain& domain : framework.domains) {
        for (const Dimension& dimension : framework.dimensions) {
            const auto count = std::count_if(indicators.begin(), indicators.end(), [&](const Indicator& i) {
                return i.domain == domain.id && i.dimension == dimension.id;
            });
            if (count >= 2)
                continue;
            const std::string has = count == 0 ? "has no indicators" : "has only 1 indicator";
            diagnostics.warning({domain.definedAt.file, domain.definedAt.line, domain.definedAt.column, ""},
                                "cell " + domain.id.str() + " x " + dimension.id.str() + " " + has +
                                    "; at least 2 are expected",
                                "add indicators with domain = " + domain.id.str() +
                                    " and dimension = " + dimension.id.str());
        }
    }
}

// Catalogue order: by domain, then dimension, then as written.
void sortIndicators(const FrameworkPart& framework, std::vector<Indicator>& indicators) {
    const auto rank = [&](const Indicator& indicator) {
        std::size_t domainRank = framework.domains.size();
        std::size_t dimensionRank = framework.dimensions.size();
        for (std::size_t i = 0; i < framework.domains.size(); ++i)
            if (framework.domains[i].id == indicator.domain)
                domainRank = i;
        for (std::size_t i = 0; i < framework.dimensions.size(); ++i)
            if (framework.dimensions[i].id == indicator.dimension)
                dimensionRank = i;
        return std::make_pair(domainRank, dimensionRank);
    };
    std::stable_sort(indicators.begin(), indicators.end(),
                     [&](const Indicator& a, const Indicator& b) { return rank(a) < rank(b); });
}

Catalogue loadInto(const fs::path& directory, DiagnosticList& diagnostics) {
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        diagnostics.error({directory.string(), 0, 0, ""}, "catalogue directory does not exist",
                          "pass a directory holding framework.ini, characteristics.ini and indicator files");
        return {};
    }
    const FrameworkPart framework =
        readFramework(readIniFile(directory / kFrameworkFile, diagnostics), diagnostics);
    std::vector<Characteristic> characteristics =
        readCharacteristics(readIniFile(directory / kCharacteristicsFile, diagnostics), diagnostics);
    std::vector<Rollup> rollups;
    if (fs::exists(directory / kRollupsFile, error))
        rollups =
            readRollups(readIniFile(directory / kRollupsFile, diagnostics), characteristics, diagnostics);

    std::vector<Indicator> indicators;
    const std::vector<fs::path> files = indicatorFiles(directory);
    if (files.empty())
        diagnostics.error({directory.string(), 0, 0, ""}, "no indicator files",
                          "add one or more <domain>.ini files with [indicator id] sections");
    for (const fs::path& file : files) {
        std::vector<Indicator> read =
            readIndicators(readIniFile(file, diagnostics), framework, characteristics, diagnostics);
        std::move(read.begin(), read.end(), std::back_inserter(indicators));
    }
    checkUniqueIndicators(indicators, diagnostics);
    if (!framework.domains.empty() && !framework.dimensions.empty())
        warnThinCells(framework, indicators, diagnostics);
    sortIndicators(framework, indicators);
    return Catalogue(framework.name, framework.domains, framework.dimensions, std::move(characteristics),
                     std::move(rollups), std::move(indicators));
}

} // namespace

Catalogue readCatalogue(const fs::path& directory, DiagnosticList& diagnostics) {
    return loadInto(directory, diagnostics);
}

Catalogue loadCatalogue(const fs::path& directory) {
    DiagnosticList diagnostics;
    Catalogue catalogue = loadInto(directory, diagnostics);
    diagnostics.throwIfErrors();
    return catalogue;
}

DiagnosticList validateCatalogueDirectory(const fs::path& directory) {
    DiagnosticList diagnostics;
    loadInto(directory, diagnostics);
    return diagnostics;
}

} // namespace capeq
