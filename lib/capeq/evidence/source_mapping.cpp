// SPDX-License-Identifier: Apache-2.0
#include <capeq/evidence/source_mapping.hpp>

#include <fstream>
#include <sstream>

namespace capeq {

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

} // namespace

std::string normaliseLabel(std::string_view label) {
    std::string result;
    bool pendingSpace = false;
    for (const char c : trim(label)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !result.empty())
            result.push_back(' ');
        pendingSpace = false;
        result.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return result;
}

SourceMapping SourceMapping::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return {};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), file.string());
}

SourceMapping SourceMapping::parse(std::string_view text, const std::string& fileName) {
    SourceMapping mapping;
    mapping.m_fileName = fileName;
    DiagnosticList problems;
    std::map<std::string, std::size_t> firstLine; // section + '\n' + label -> line
    std::string section;
    std::size_t lineNumber = 0;
    std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        ++lineNumber;
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line[0] == '#' || line[0] == ';')
            continue;
        const SourceLocation where{fileName, lineNumber, 1, {}};
        if (line[0] == '[') {
            if (line.back() != ']') {
                problems.error(where, "section header has no closing ']'", "write it as [indicators]");
                continue;
            }
            section = normaliseLabel(line.substr(1, line.size() - 2));
            const bool known = section == "indicators" || section == "breakdowns" ||
                               (section.rfind("groups ", 0) == 0 && section.size() > 7);
            if (!known) {
                problems.error(where,
                               "unknown section [" + std::string(line.substr(1, line.size() - 2)) + "]",
                               "use [indicators], [breakdowns] or [groups <characteristic id>]");
                section.clear();
            }
            continue;
        }
        const auto equals = line.rfind('=');
        if (equals == std::string_view::npos) {
            problems.error(where, "line is not a 'source label = CapEq id' pair",
                           "write the source label, '=', then the CapEq id");
            continue;
        }
        const std::string label = normaliseLabel(line.substr(0, equals));
        const std::string target(trim(line.substr(equals + 1)));
        if (section.empty()) {
            problems.error(where, "mapping line outside a known section",
                           "put it below [indicators], [breakdowns] or [groups <characteristic id>]");
            continue;
        }
        if (label.empty() || target.empty()) {
            problems.error(where, "mapping line needs a source label and a CapEq id",
                           "write the source label, '=', then the CapEq id");
            continue;
        }
        const auto [it, inserted] = firstLine.emplace(section + '\n' + label, lineNumber);
        if (!inserted) {
            problems.error(where,
                           "label '" + label + "' is already mapped on line " + std::to_string(it->second),
                           "keep one mapping per label in a section");
            continue;
        }
        mapping.m_sections[section][label] = target;
        if (end == text.size())
            break;
    }
    problems.throwIfErrors();
    return mapping;
}

std::optional<std::string> SourceMapping::lookup(const std::string& section, std::string_view key) const {
    const auto found = m_sections.find(section);
    if (found == m_sections.end())
        return std::nullopt;
    const auto entry = found->second.find(normaliseLabel(key));
    if (entry == found->second.end())
        return std::nullopt;
    return entry->second;
}

std::optional<std::string> SourceMapping::indicator(std::string_view sourceKey) const {
    return lookup("indicators", sourceKey);
}

std::optional<std::string> SourceMapping::breakdown(std::string_view sourceName) const {
    return lookup("breakdowns", sourceName);
}

std::optional<std::string> SourceMapping::group(const std::string& characteristic,
                                                std::string_view label) const {
    return lookup("groups " + normaliseLabel(characteristic), label);
}

} // namespace capeq
