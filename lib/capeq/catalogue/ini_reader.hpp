// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace capeq {

/// One `key = value` line. line and columns are 1-based; valueColumn points at the first character of
/// the value (or one past the '=' when the value is empty).
struct IniEntry {
    std::string key;
    std::string value; ///< trimmed; continuation lines are joined with one space
    std::size_t line = 0;
    std::size_t keyColumn = 0;
    std::size_t valueColumn = 0;
};

/// A `[type name]` section with its entries in file order (keys may repeat; the caller decides whether
/// that is allowed). name is empty for `[type]`.
struct IniSection {
    std::string type;
    std::string name;
    std::size_t line = 0;
    std::size_t nameColumn = 0; ///< column of name (or of type when there is no name)
    std::vector<IniEntry> entries;
};

/// The parsed contents of one file, in file order.
struct IniDocument {
    std::string file; ///< the path as given, used in diagnostics
    std::vector<IniSection> sections;
};

/// Parses catalogue INI text: `[type name]` headers, `key = value` lines (keys start the line), whole-line
/// comments starting with '#' or ';', blank lines, and indented lines that continue the previous value.
/// Every malformed line is reported to diagnostics with file and line and skipped, so parsing always
/// finishes. An optional UTF-8 byte-order mark is accepted.
IniDocument parseIni(const std::string& text, const std::string& fileName, DiagnosticList& diagnostics);

/// Reads and parses a file; an unreadable file gives one error diagnostic and an empty document.
IniDocument readIniFile(const std::filesystem::path& path, DiagnosticList& diagnostics);

} // namespace capeq
