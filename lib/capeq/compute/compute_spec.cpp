// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/compute/compute_spec.hpp>

#include <algorithm>
#include <set>

namespace capeq::compute {

namespace {

class SpecParser {
public:
    SpecParser(const IniDocument& document, DiagnosticList& problems)
        : m_document(document)
        , m_problems(problems) {
        m_spec.file = document.file;
    }

    ComputeSpec parse() {
        std::vector<const IniEntry*> intersections;
        bool sawCompute = false;
        for (const IniSection& section : m_document.sections) {
            if (section.type == "compute") {
                if (sawCompute)
                    error(section.line, section.nameColumn, "", "a second [compute] section",
                          "put every general setting in one [compute] section");
                sawCompute = true;
                readCompute(section, intersections);
            } else if (section.type == "indicator") {
                readIndicator(section);
            } else if (section.type == "characteristic") {
                readCharacteristic(section);
            } else {
                error(section.line, section.nameColumn, section.type,
                      "unknown section [" + section.type + "]",
                      "use [compute], [indicator ID] or [characteristic ID]");
            }
        }
        if (!sawCompute || m_spec.weightColumn.empty())
            error(sawCompute ? m_computeLine : 0, 0, "weight", "no weight column is given",
                  "add 'weight = COLUMN' to the [compute] section");
        if (m_spec.indicators.empty())
            error(0, 0, "", "the spec defines no indicator", "add an [indicator ID] section");
        for (const IniEntry* entry : intersections)
            readIntersection(*entry);
        return std::move(m_spec);
    }

private:
    void error(std::size_t line, std::size_t column, const std::string& field, std::string message,
               std::string hint) {
        m_problems.error({m_document.file, line, column, field}, std::move(message), std::move(hint));
    }

    void unknownKey(const IniEntry& entry, const std::string& allowed) {
        error(entry.line, entry.keyColumn, entry.key, "unknown key '" + entry.key + "'",
              "keys allowed here: " + allowed);
    }

    void readCompute(const IniSection& section, std::vector<const IniEntry*>& out) {
        m_computeLine = section.line;
        for (const IniEntry& entry : section.entries) {
            if (entry.key == "weight") {
                m_spec.weightColumn = entry.value;
                m_spec.weightLine = entry.line;
            } else if (entry.key == "missing") {
                m_spec.missing = splitList(entry.value);
            } else if (entry.key == "area") {
                m_spec.area = entry.value;
            } else if (entry.key == "service") {
                m_spec.service = entry.value;
            } else if (entry.key == "period") {
                m_spec.period = entry.value;
            } else if (entry.key == "intersection") {
                out.push_back(&entry);
            } else {
                unknownKey(entry, "weight, missing, area, service, period, intersection");
            }
        }
    }

    void readIndicator(const IniSection& section) {
        IndicatorSpec indicator;
        indicator.id = section.name;
        indicator.line = section.line;
        checkId(section, m_indicatorIds, "indicator");
        bool sawKind = false;
        const IniEntry* numerator = nullptr;
        for (const IniEntry& entry : section.entries) {
            std::string problem;
            if (entry.key == "column") {
                indicator.column = entry.value;
            } else if (entry.key == "kind") {
                sawKind = true;
                if (entry.value == "proportion")
                    indicator.kind = IndicatorKind::Proportion;
                else if (entry.value == "mean")
                    indicator.kind = IndicatorKind::Mean;
                else
                    error(entry.line, entry.valueColumn, "kind", "unknown kind '" + entry.value + "'",
                          "write 'kind = proportion' or 'kind = mean'");
            } else if (entry.key == "numerator") {
                numerator = &entry;
                indicator.numerator = Condition::parse(entry.value, problem);
                if (!indicator.numerator)
                    error(entry.line, entry.valueColumn, "numerator", problem,
                          "write e.g. 'numerator = = 1' or 'numerator = in 1, 2'");
            } else if (entry.key == "filter") {
                indicator.filter = parseRowFilter(entry.value, problem);
                if (!indicator.filter)
                    error(entry.line, entry.valueColumn, "filter", problem,
                          "write e.g. 'filter = age_band != 16-24'");
            } else if (entry.key == "missing") {
                indicator.missing = splitList(entry.value);
            } else {
                unknownKey(entry, "column, kind, numerator, filter, missing");
            }
        }
        if (indicator.column.empty())
            error(section.line, section.nameColumn, "column",
                  "indicator '" + indicator.id + "' has no column",
                  "add 'column = NAME' naming the data column that holds it");
        if (!sawKind)
            error(section.line, section.nameColumn, "kind", "indicator '" + indicator.id + "' has no kind",
                  "add 'kind = proportion' or 'kind = mean'");
        if (indicator.kind == IndicatorKind::Proportion && numerator == nullptr && sawKind)
            error(section.line, section.nameColumn, "numerator",
                  "proportion '" + indicator.id + "' has no numerator condition",
                  "add e.g. 'numerator = = 1' (which values count as yes)");
        if (indicator.kind == IndicatorKind::Mean && numerator != nullptr)
            error(numerator->line, numerator->keyColumn, "numerator", "a mean takes no numerator condition",
                  "remove the line, or make the indicator 'kind = proportion'");
        m_spec.indicators.push_back(std::move(indicator));
    }

    void readCharacteristic(const IniSection& section) {
        CharacteristicSpec characteristic;
        characteristic.id = section.name;
        characteristic.line = section.line;
        checkId(section, m_characteristicIds, "characteristic");
        std::set<std::string> codes;
        std::set<std::string> sources;
        for (const IniEntry& entry : section.entries) {
            if (entry.key == "column") {
                characteristic.column = entry.value;
            } else if (entry.key == "group") {
                readGroup(entry, characteristic, codes, sources);
            } else {
                unknownKey(entry, "column, group");
            }
        }
        if (characteristic.column.empty())
            error(section.line, section.nameColumn, "column",
                  "characteristic '" + characteristic.id + "' has no column",
                  "add 'column = NAME' naming the data column that holds it");
        m_spec.characteristics.push_back(std::move(characteristic));
    }

    // `group = code | source, source`; `group = code` maps the value that is the code itself.
    void readGroup(const IniEntry& entry, CharacteristicSpec& characteristic, std::set<std::string>& codes,
                   std::set<std::string>& sources) {
        const std::size_t bar = entry.value.find('|');
        GroupMapping mapping;
        mapping.code = splitList(entry.value.substr(0, bar)).front();
        mapping.sources = bar == std::string::npos ? std::vector<std::string>{mapping.code}
                                                   : splitList(entry.value.substr(bar + 1));
        if (mapping.code.empty() || mapping.code == "all" || mapping.code.find('*') != std::string::npos) {
            error(
                entry.line, entry.valueColumn, "group", "'" + mapping.code + "' cannot be a group code",
                "write 'group = CODE | source values'; codes are non-empty and not 'all' or containing '*'");
            return;
        }
        if (!codes.insert(mapping.code).second)
            error(entry.line, entry.valueColumn, "group", "group '" + mapping.code + "' is listed twice",
                  "list each group once, with all its source values after '|'");
        for (const std::string& source : mapping.sources) {
            if (!sources.insert(source).second)
                error(entry.line, entry.valueColumn, "group",
                      "source value '" + source + "' is mapped to two groups",
                      "map each source value to one group");
        }
        characteristic.groups.push_back(std::move(mapping));
    }

    void readIntersection(const IniEntry& entry) {
        const std::size_t star = entry.value.find('*');
        const auto find = [&](const std::string& id) -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < m_spec.characteristics.size(); ++i) {
                if (m_spec.characteristics[i].id == id)
                    return i;
            }
            return std::nullopt;
        };
        const std::vector<std::string> parts =
            star == std::string::npos
                ? std::vector<std::string>{}
                : std::vector<std::string>{splitList(entry.value.substr(0, star)).front(),
                                           splitList(entry.value.substr(star + 1)).front()};
        if (parts.size() != 2) {
            error(entry.line, entry.valueColumn, "intersection", "'" + entry.value + "' is not 'a*b'",
                  "write two characteristic ids joined by '*', e.g. 'intersection = sex*ethnicity'");
            return;
        }
        const auto first = find(parts[0]);
        const auto second = find(parts[1]);
        for (std::size_t k = 0; k < 2; ++k) {
            if (!(k == 0 ? first : second))
                error(entry.line, entry.valueColumn, "intersection",
                      "'" + parts[k] + "' is not a characteristic of this spec",
                      "define [characteristic " + parts[k] + "] or correct the name");
        }
        if (first && second && *first == *second)
            error(entry.line, entry.valueColumn, "intersection", "a characteristic crossed with itself",
                  "cross two different characteristics");
        if (first && second && *first != *second)
            m_spec.intersections.push_back({*first, *second, entry.line});
    }

    void checkId(const IniSection& section, std::set<std::string>& seen, const std::string& what) {
        if (section.name.empty() || section.name == "all" || section.name.find('*') != std::string::npos)
            error(section.line, section.nameColumn, what, "a " + what + " needs an id",
                  "write [" + what + " ID]; ids are not 'all' and contain no '*'");
        else if (!seen.insert(section.name).second)
            error(section.line, section.nameColumn, what, what + " '" + section.name + "' is defined twice",
                  "give each " + what + " one section");
    }

    const IniDocument& m_document;
    DiagnosticList& m_problems;
    ComputeSpec m_spec;
    std::size_t m_computeLine = 0;
    std::set<std::string> m_indicatorIds;
    std::set<std::string> m_characteristicIds;
};

} // namespace

std::string ComputeSpec::intersectionId(const IntersectionSpec& intersection) const {
    return characteristics.at(intersection.first).id + "*" + characteristics.at(intersection.second).id;
}

ComputeSpec parseComputeSpec(const std::string& text, const std::string& fileName) {
    DiagnosticList problems;
    const IniDocument document = parseIni(text, fileName, problems);
    ComputeSpec spec = SpecParser(document, problems).parse();
    problems.throwIfErrors();
    return spec;
}

ComputeSpec readComputeSpec(const std::filesystem::path& path) {
    DiagnosticList problems;
    const IniDocument document = readIniFile(path, problems);
    problems.throwIfErrors();
    ComputeSpec spec = SpecParser(document, problems).parse();
    problems.throwIfErrors();
    return spec;
}

} // namespace capeq::compute
