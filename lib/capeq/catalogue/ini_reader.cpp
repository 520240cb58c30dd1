// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/ini_reader.hpp>

#include <fstream>
#include <sstream>

namespace capeq {

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// Half-open [first, last) of s without surrounding blanks.
std::pair<std::size_t, std::size_t> trimmedRange(const std::string& s, std::size_t first, std::size_t last) {
    while (first < last && isBlank(s[first]))
        ++first;
    while (last > first && isBlank(s[last - 1]))
        --last;
    return {first, last};
}

bool isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '+';
}

bool isIdentifier(const std::string& s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (!isIdentifierChar(c))
            return false;
    return true;
}

class Parser {
public:
    Parser(const std::string& fileName, DiagnosticList& diagnostics)
        : m_diagnostics(diagnostics) {
        m_document.file = fileName;
    }

    void parseLine(const std::string& raw, std::size_t lineNumber) {
        const auto [first, last] = trimmedRange(raw, 0, raw.size());
        if (first == last) {
            m_lastEntry = nullptr; // a blank line ends a continuation
            return;
        }
        const char lead = raw[first];
        if (lead == '#' || lead == ';')
            return;
        if (first > 0 && m_lastEntry != nullptr) {
            appendContinuation(raw.substr(first, last - first));
            return;
        }
        if (lead == '[') {
            parseHeader(raw, first, last, lineNumber);
            return;
        }
        parseEntry(raw, first, last, lineNumber);
    }

    IniDocument take() { return std::move(m_document); }

private:
    void appendContinuation(const std::string& text) {
        if (!m_lastEntry->value.empty())
            m_lastEntry->value += ' ';
        m_lastEntry->value += text;
    }

    void malformed(std::size_t line, std::size_t column, std::string message, std::string hint) {
        m_diagnostics.error({m_document.file, line, column, ""}, std::move(message), std::move(hint));
    }

    void parseHeader(const std::string& raw, std::size_t first, std::size_t last, std::size_t line) {
        m_lastEntry = nullptr;
        m_inSection = false;
        m_skipSection = true; // until the header proves valid: its keys were reported with the header
        if (raw[last - 1] != ']') {
            malformed(line, first + 1, "section header has no closing ']'",
                      "write the header as [type name]");
            return;
        }
        const auto [innerFirst, innerLast] = trimmedRange(raw, first + 1, last - 1);
        const std::string inner = raw.substr(innerFirst, innerLast - innerFirst);
        const std::size_t space = inner.find_first_of(" \t");
        IniSection section;
        section.line = line;
        section.type = inner.substr(0, space);
        if (space != std::string::npos) {
            const auto [nameFirst, nameLast] = trimmedRange(inner, space, inner.size());
            section.name = inner.substr(nameFirst, nameLast - nameFirst);
            section.nameColumn = innerFirst + nameFirst + 1;
        } else {
            section.nameColumn = innerFirst + 1;
        }
        if (!isIdentifier(section.type) || (!section.name.empty() && (!isIdentifier(section.name)))) {
            malformed(line, first + 1,
                      "section header '" + raw.substr(first, last - first) + "' is malformed",
                      "write [type name] where name uses only letters, digits, '_', '-', '.' or '+'");
            return;
        }
        m_document.sections.push_back(std::move(section));
        m_inSection = true;
        m_skipSection = false;
    }

    void parseEntry(const std::string& raw, std::size_t first, std::size_t last, std::size_t line) {
        m_lastEntry = nullptr;
        const std::size_t equals = raw.find('=', first);
        if (equals == std::string::npos || equals >= last) {
            malformed(line, first + 1, "line is not a [section] header, a 'key = value' pair or a comment",
                      "write 'key = value', or start a comment with '#'");
            return;
        }
        const auto [keyFirst, keyLast] = trimmedRange(raw, first, equals);
        const std::string key = raw.substr(keyFirst, keyLast - keyFirst);
        if (!isIdentifier(key)) {
            malformed(line, first + 1, "'" + key + "' is not a valid key",
                      "keys use only letters, digits and '_', e.g. 'plain_language'");
            return;
        }
        if (!m_inSection) {
            if (m_skipSection)
                return;
            malformed(line, first + 1, "key '" + key + "' appears outside any [section]",
                      "put it below a section header such as [indicator my_id]");
            return;
        }
        const auto [valueFirst, valueLast] = trimmedRange(raw, equals + 1, last);
        IniEntry entry{key, raw.substr(valueFirst, valueLast - valueFirst), line, keyFirst + 1,
                       valueFirst < valueLast ? valueFirst + 1 : equals + 2};
        auto& entries = m_document.sections.back().entries;
        entries.push_back(std::move(entry));
        m_lastEntry = &entries.back();
    }

    DiagnosticList& m_diagnostics;
    IniDocument m_document;
    IniEntry* m_lastEntry = nullptr; // valid until the next push_back, which always resets it first
    bool m_inSection = false;
    bool m_skipSection = false; // inside a section whose header was rejected
};

} // namespace

IniDocument parseIni(const std::string& text, const std::string& fileName, DiagnosticList& diagnostics) {
    Parser parser(fileName, diagnostics);
    std::size_t start = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        start = 3;
    std::size_t lineNumber = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        ++lineNumber;
        parser.parseLine(text.substr(start, end - start), lineNumber);
        if (end == text.size())
            break;
        start = end + 1;
    }
    return parser.take();
}

IniDocument readIniFile(const std::filesystem::path& path, DiagnosticList& diagnostics) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error({path.string(), 0, 0, ""}, "cannot open file",
                          "check that the file exists and is readable");
        return IniDocument{path.string(), {}};
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseIni(buffer.str(), path.string(), diagnostics);
}

} // namespace capeq
