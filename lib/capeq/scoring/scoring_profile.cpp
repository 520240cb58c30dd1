// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/scoring/scoring_profile.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <map>

namespace capeq {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<FlagKind, const char*>, 5> kFlagNames{{
    {FlagKind::BelowMinimumStandard, "below_minimum_standard"},
    {FlagKind::SignificantWorseGap, "significant_worse_gap"},
    {FlagKind::LargeGapNoUncertainty, "large_gap_no_uncertainty"},
    {FlagKind::Widening, "widening"},
    {FlagKind::RedRed, "red_red"},
}};

SourceLocation at(const std::string& file, const IniEntry& entry) {
    return {file, entry.line, entry.valueColumn, entry.key};
}

std::optional<double> parseNumber(const std::string& text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::string current;
    for (const char c : text + ",") {
        if (c == ',') {
            const auto first = current.find_first_not_of(' ');
            if (first != std::string::npos)
                items.push_back(current.substr(first, current.find_last_not_of(' ') - first + 1));
            current.clear();
        } else {
            current += c;
        }
    }
    return items;
}

// Reads the entries of one section with a handler per key; unknown keys are errors.
using Handler = std::function<void(const IniEntry&)>;
void readEntries(const std::string& file, const IniSection& section,
                 const std::map<std::string, Handler>& handlers, DiagnosticList& diagnostics) {
    for (const IniEntry& entry : section.entries) {
        const auto handler = handlers.find(entry.key);
        if (handler == handlers.end()) {
            std::string known;
            for (const auto& [key, unused] : handlers)
                known += (known.empty() ? "" : ", ") + key;
            diagnostics.error({file, entry.line, entry.keyColumn, entry.key},
                              "unknown key '" + entry.key + "' in [" + section.type + "]",
                              "use one of: " + known);
            continue;
        }
        handler->second(entry);
    }
}

Handler numberInto(const std::string& file, double& target, double lo, double hi,
                   DiagnosticList& diagnostics) {
    return [&file, &target, lo, hi, &diagnostics](const IniEntry& entry) {
        const auto value = parseNumber(entry.value);
        if (!value || *value < lo || *value > hi) {
            diagnostics.error(at(file, entry),
                              "'" + entry.value + "' is not a number from " + std::to_string(lo) + " to " +
                                  std::to_string(hi),
                              "write a decimal number in that range");
            return;
        }
        target = *value;
    };
}

template <typename Enum>
Handler choiceInto(const std::string& file, Enum& target, const std::map<std::string, Enum>& choices,
                   DiagnosticList& diagnostics) {
    return [&file, &target, choices, &diagnostics](const IniEntry& entry) {
        const auto found = choices.find(entry.value);
        if (found == choices.end()) {
            std::string known;
            for (const auto& [name, unused] : choices)
                known += (known.empty() ? "" : ", ") + name;
            diagnostics.error(at(file, entry), "'" + entry.value + "' is not a valid " + entry.key,
                              "use one of: " + known);
            return;
        }
        target = found->second;
    };
}

Handler textInto(std::string& target) {
    return [&target](const IniEntry& entry) { target = entry.value; };
}

// Opens a file and finds the one section of the expected type.
IniDocument readDocument(const fs::path& file, DiagnosticList& diagnostics) {
    IniDocument document = readIniFile(file, diagnostics);
    diagnostics.throwIfErrors();
    return document;
}

const IniSection* mainSection(const IniDocument& document, const std::string& type,
                              DiagnosticList& diagnostics) {
    const IniSection* found = nullptr;
    for (const IniSection& section : document.sections) {
        if (section.type != type)
            continue;
        if (found != nullptr)
            diagnostics.error({document.file, section.line, 1, ""}, "a second [" + type + "] section",
                              "keep one [" + type + " ID] section per file");
        found = &section;
    }
    if (found == nullptr)
        diagnostics.error({document.file, 0, 0, ""}, "no [" + type + " ID] section",
                          "start the file with a line such as [" + type + " my_" + type + "]");
    else if (found->name.empty())
        diagnostics.error({document.file, found->line, found->nameColumn, ""},
                          "the [" + type + "] section has no id", "write [" + type + " ID]");
    return found;
}

void rejectOtherSections(const IniDocument& document, const std::vector<std::string>& allowed,
                         DiagnosticList& diagnostics) {
    for (const IniSection& section : document.sections)
        if (std::find(allowed.begin(), allowed.end(), section.type) == allowed.end())
            diagnostics.error({document.file, section.line, 1, ""}, "unknown section [" + section.type + "]",
                              "remove it or rename it");
}

} // namespace

std::string toString(FlagKind kind) {
    for (const auto& [candidate, name] : kFlagNames)
        if (candidate == kind)
            return name;
    return "unknown";
}

std::optional<FlagKind> parseFlagKind(const std::string& text) {
    for (const auto& [candidate, name] : kFlagNames)
        if (text == name)
            return candidate;
    return std::nullopt;
}

ScoringProfile loadScoringProfile(const fs::path& path) {
    DiagnosticList diagnostics;
    const IniDocument document = readDocument(path, diagnostics);
    const std::string& file = document.file;
    ScoringProfile profile;
    rejectOtherSections(document, {"profile"}, diagnostics);
    if (const IniSection* section = mainSection(document, "profile", diagnostics)) {
        profile.id = section->name;
        double partial = profile.partialBelowDomains;
        readEntries(
            file, *section,
            {{"name", textInto(profile.name)},
             {"description", textInto(profile.description)},
             {"equality",
              choiceInto<EqualityMeasure>(file, profile.equality,
                                          {{"shortfall", EqualityMeasure::Shortfall},
                                           {"relative", EqualityMeasure::RelativeShortfall},
                                           {"attributable", EqualityMeasure::AttributableFraction}},
                                          diagnostics)},
             {"gaps", choiceInto<GapCounting>(
                          file, profile.gaps,
                          {{"significant", GapCounting::SignificantOnly}, {"all", GapCounting::AllGaps}},
                          diagnostics)},
             {"significance_level", numberInto(file, profile.significanceLevel, 0.5, 0.9999, diagnostics)},
             {"aggregation", choiceInto<Aggregation>(file, profile.aggregation,
                                                     {{"geometric", Aggregation::Geometric},
                                                      {"arithmetic", Aggregation::Arithmetic}},
                                                     diagnostics)},
             {"floor", numberInto(file, profile.floor, 0.0, 100.0, diagnostics)},
             {"partial_below_domains", numberInto(file, partial, 0.0, 100.0, diagnostics)},
             {"low_reliability_below", numberInto(file, profile.reliability.lowBelow, 0.0, 1e9, diagnostics)},
             {"exclude_below", numberInto(file, profile.reliability.excludeBelow, 0.0, 1e9, diagnostics)}},
            diagnostics);
        profile.partialBelowDomains = static_cast<int>(partial);
        if (profile.aggregation == Aggregation::Geometric && profile.floor <= 0.0)
            diagnostics.error({file, section->line, 1, "floor"}, "a geometric mean needs a floor above 0",
                              "set floor = 1 (as the HDI floors its dimension indices)");
    }
    diagnostics.throwIfErrors();
    return profile;
}

WeightProfile loadWeightProfile(const fs::path& path) {
    DiagnosticList diagnostics;
    const IniDocument document = readDocument(path, diagnostics);
    WeightProfile weights;
    rejectOtherSections(document, {"weights", "domain", "dimension"}, diagnostics);
    if (const IniSection* section = mainSection(document, "weights", diagnostics)) {
        weights.name = section->name;
        std::string ignoredText;
        readEntries(document.file, *section,
                    {{"name", textInto(ignoredText)},
                     {"source", textInto(ignoredText)},
                     {"description", textInto(ignoredText)}},
                    diagnostics);
    }
    for (const IniSection& section : document.sections) {
        auto* target = section.type == "domain"      ? &weights.domainWeights
                       : section.type == "dimension" ? &weights.dimensionWeights
                                                     : nullptr;
        if (target == nullptr)
            continue;
        for (const IniEntry& entry : section.entries) {
            const auto value = parseNumber(entry.value);
            if (!value || *value < 0.0)
                diagnostics.error(at(document.file, entry),
                                  "'" + entry.value + "' is not a weight (a number >= 0)",
                                  "write a number such as 1 or 1.5; 0 leaves the " + section.type + " out");
            else
                (*target)[entry.key] = *value;
        }
    }
    diagnostics.throwIfErrors();
    return weights;
}

RuleSet loadRuleSet(const fs::path& path) {
    DiagnosticList diagnostics;
    const IniDocument document = readDocument(path, diagnostics);
    const std::string& file = document.file;
    RuleSet rules;
    rejectOtherSections(document, {"rules", "grading"}, diagnostics);
    if (const IniSection* section = mainSection(document, "rules", diagnostics)) {
        rules.id = section->name;
        const Handler breaches = [&](const IniEntry& entry) {
            rules.breachFlags.clear();
            for (const std::string& name : splitList(entry.value)) {
                if (const auto kind = parseFlagKind(name))
                    rules.breachFlags.insert(*kind);
                else
                    diagnostics.error(at(file, entry), "unknown flag '" + name + "'",
                                      "use below_minimum_standard, significant_worse_gap, "
                                      "large_gap_no_uncertainty, widening or red_red");
            }
        };
        readEntries(
            file, *section,
            {{"name", textInto(rules.name)},
             {"description", textInto(rules.description)},
             {"breach_flags", breaches},
             {"large_gap_threshold", numberInto(file, rules.largeGapThreshold, 0.0, 100.0, diagnostics)}},
            diagnostics);
    }
    for (const IniSection& section : document.sections) {
        if (section.type != "grading")
            continue;
        Grading grading;
        std::map<std::string, Handler> handlers;
        for (std::size_t k = 0; k < 4; ++k)
            handlers["label_" + std::to_string(k)] = textInto(grading.labels[k]);
        for (std::size_t k = 0; k < 3; ++k) {
            handlers["grade_" + std::to_string(k + 1) + "_from"] =
                numberInto(file, grading.scoreThresholds[k], 0.0, 100.0, diagnostics);
            handlers["band_" + std::to_string(k + 1) + "_from"] =
                numberInto(file, grading.bandFractions[k], 0.0, 1.0, diagnostics);
        }
        handlers["cap_at_developing_on_worse_gap"] = choiceInto<bool>(
            file, grading.capAtDevelopingOnWorseGap, {{"yes", true}, {"no", false}}, diagnostics);
        readEntries(file, section, handlers, diagnostics);
        if (!std::is_sorted(grading.scoreThresholds.begin(), grading.scoreThresholds.end()) ||
            !std::is_sorted(grading.bandFractions.begin(), grading.bandFractions.end()))
            diagnostics.error({file, section.line, 1, ""}, "grade thresholds and band limits must increase",
                              "order grade_1_from <= grade_2_from <= grade_3_from, and likewise the bands");
        rules.grading = grading;
    }
    diagnostics.throwIfErrors();
    return rules;
}

fs::path resolveScoringFile(const std::string& nameOrPath, const std::string& kind) {
    std::error_code error;
    if (fs::is_regular_file(nameOrPath, error))
        return nameOrPath;
    const fs::path directory = defaultCatalogueDirectory() / kind;
    const fs::path candidate = directory / (nameOrPath + ".ini");
    if (fs::is_regular_file(candidate, error))
        return candidate;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory, error))
        if (entry.path().extension() == ".ini")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    std::string available;
    for (const std::string& name : names)
        available += (available.empty() ? "" : ", ") + name;
    throw InputError(Diagnostic{Severity::Error,
                                {nameOrPath, 0, 0, ""},
                                "no such " + (kind.back() == 's' ? kind.substr(0, kind.size() - 1) : kind) +
                                    " file or name",
                                "give a file path or one of: " + available});
}

} // namespace capeq
