// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/field_reader.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace capeq {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string joinQuoted(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty())
            text += ", ";
        text += item;
    }
    return text;
}

} // namespace

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = 3;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        if (distance < bestDistance && distance * 2 < std::max<std::size_t>(word.size(), 2)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string closest = closestMatch(word, candidates);
    if (!closest.empty())
        return "did you mean '" + closest + "'?";
    return "use one of: " + joinQuoted(candidates);
}

std::string formatNumber(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> parseNumber(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    if (first == std::string::npos)
        return std::nullopt;
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    if (*begin == '+')
        ++begin;
    double value = 0.0;
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<std::pair<std::string, std::size_t>> splitList(const std::string& text, char separator) {
    std::vector<std::pair<std::string, std::size_t>> items;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        std::size_t first = start;
        std::size_t last = end;
        while (first < last && (text[first] == ' ' || text[first] == '\t'))
            ++first;
        while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t'))
            --last;
        items.emplace_back(text.substr(first, last - first), first);
        if (end == text.size())
            break;
        start = end + 1;
    }
    return items;
}

FieldReader::FieldReader(const IniSection& section, std::string file,
                         const std::vector<std::string>& allowedKeys,
                         const std::vector<std::string>& repeatableKeys, DiagnosticList& diagnostics)
    : m_section(section)
    , m_file(std::move(file))
    , m_diagnostics(diagnostics) {
    std::map<std::string, std::size_t> firstLine;
    for (const IniEntry& entry : m_section.entries) {
        const SourceLocation keyAt{m_file, entry.line, entry.keyColumn, entry.key};
        if (std::find(allowedKeys.begin(), allowedKeys.end(), entry.key) == allowedKeys.end()) {
            const std::string closest = closestMatch(entry.key, allowedKeys);
            m_diagnostics.error(keyAt, "unknown key '" + entry.key + "' in " + label(),
                                closest.empty() ? "allowed keys: " + joinQuoted(allowedKeys)
                                                : "did you mean '" + closest + "'?");
            continue;
        }
        const bool repeatable =
            std::find(repeatableKeys.begin(), repeatableKeys.end(), entry.key) != repeatableKeys.end();
        const auto [it, inserted] = firstLine.emplace(entry.key, entry.line);
        if (!inserted && !repeatable)
            m_diagnostics.error(keyAt,
                                "key '" + entry.key + "' is given twice in " + label() + " (first at line " +
                                    std::to_string(it->second) + ")",
                                "keep only one '" + entry.key + "' line");
    }
}

std::string FieldReader::label() const {
    return "[" + m_section.type + (m_section.name.empty() ? "" : " " + m_section.name) + "]";
}

SourceLocation FieldReader::header(const std::string& key) const {
    return {m_file, m_section.line, m_section.nameColumn, key};
}

SourceLocation FieldReader::at(const IniEntry& entry) const {
    return {m_file, entry.line, entry.valueColumn, entry.key};
}

const IniEntry* FieldReader::find(const std::string& key) const {
    for (const IniEntry& entry : m_section.entries)
        if (entry.key == key)
            return &entry;
    return nullptr;
}

std::vector<const IniEntry*> FieldReader::findAll(const std::string& key) const {
    std::vector<const IniEntry*> found;
    for (const IniEntry& entry : m_section.entries)
        if (entry.key == key)
            found.push_back(&entry);
    return found;
}

const IniEntry* FieldReader::require(const std::string& key, const std::string& hint) {
    const IniEntry* entry = find(key);
    if (entry == nullptr) {
        error(header(key), "missing required key '" + key + "' in " + label(), hint);
        return nullptr;
    }
    if (entry->value.empty()) {
        error(at(*entry), "key '" + key + "' in " + label() + " is empty", hint);
        return nullptr;
    }
    return entry;
}

std::optional<double> FieldReader::number(const IniEntry& entry) {
    const auto value = parseNumber(entry.value);
    if (!value)
        error(at(entry), "'" + entry.value + "' is not a number", "write a decimal number such as 12.5");
    return value;
}

std::optional<bool> FieldReader::boolean(const IniEntry& entry) {
    if (entry.value == "yes" || entry.value == "true")
        return true;
    if (entry.value == "no" || entry.value == "false")
        return false;
    error(at(entry), "'" + entry.value + "' is not yes or no", "write 'yes' or 'no'");
    return std::nullopt;
}

} // namespace capeq
