// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/core/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// The closest candidate to word by edit distance when it is plausibly a typo (at most 2 edits and
/// less than half the word), else an empty string.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// A hint naming the closest candidate ("did you mean 'health'?") or, failing that, listing them all.
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates);

/// Formats a number the shortest way that reads back exactly (70, 0.5, 1e+06).
std::string formatNumber(double value);

/// Reads the keys of one section with diagnostics that carry file, line, column and key. On construction
/// it reports unknown keys (with a "did you mean") and repeated keys that may appear only once.
/// The section and diagnostics must outlive the reader.
class FieldReader {
public:
    FieldReader(const IniSection& section, std::string file, const std::vector<std::string>& allowedKeys,
                const std::vector<std::string>& repeatableKeys, DiagnosticList& diagnostics);

    /// "[indicator life_expectancy]", as used in messages.
    std::string label() const;
    /// Location of the section header, with field set to key.
    SourceLocation header(const std::string& key = {}) const;
    /// Location of an entry's value, with field set to its key.
    SourceLocation at(const IniEntry& entry) const;

    /// The first entry with this key, or nullptr.
    const IniEntry* find(const std::string& key) const;
    /// Every entry with this key, in file order.
    std::vector<const IniEntry*> findAll(const std::string& key) const;
    /// The entry with this key and a non-empty value; reports "missing required key" or "is empty"
    /// (with hint) and returns nullptr otherwise.
    const IniEntry* require(const std::string& key, const std::string& hint);
    /// The entry's value as a number; reports the entry and returns nullopt when it is not one.
    std::optional<double> number(const IniEntry& entry);
    /// yes/no/true/false; reports anything else.
    std::optional<bool> boolean(const IniEntry& entry);

    void error(SourceLocation where, std::string message, std::string hint = {}) {
        m_diagnostics.error(std::move(where), std::move(message), std::move(hint));
    }

private:
    const IniSection& m_section;
    std::string m_file;
    DiagnosticList& m_diagnostics;
};

/// Parses a whole string as a finite decimal number (leading/trailing blanks allowed).
std::optional<double> parseNumber(const std::string& text);

/// text without leading and trailing blanks.
std::string trim(const std::string& text);

/// Splits "a, b ,c" at commas into trimmed items with their 0-based offsets in text; empty items kept.
std::vector<std::pair<std::string, std::size_t>> splitList(const std::string& text, char separator = ',');

} // namespace capeq
