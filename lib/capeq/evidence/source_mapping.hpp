// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace capeq {

/// Source labels are compared after normaliseLabel: surrounding spaces dropped, inner runs of spaces
/// collapsed to one, ASCII letters lower-cased ("Male " == "male", "ONS 2011  5 + 1" == "ons 2011 5 + 1").
std::string normaliseLabel(std::string_view label);

/// An editable mapping file (indicators/mappings/<format>.ini) from a source's own labels to CapEq ids:
///   [indicators]           source indicator id or name = CapEq indicator id
///   [breakdowns]           source breakdown (column, dimension or category type) = characteristic id
///   [groups <characteristic>]  source category label = group code, or `all` for the whole population
/// Lines are `label = target` (split at the last '='); '#' or ';' starts a comment line.
class SourceMapping {
public:
    SourceMapping() = default;

    /// Reads a mapping file; a missing file gives an empty mapping. Throws InputError listing every
    /// malformed line, unknown section or label mapped twice, with file and line.
    static SourceMapping load(const std::filesystem::path& file);
    /// Parses mapping text (for tests and embedded defaults); fileName is used in diagnostics.
    static SourceMapping parse(std::string_view text, const std::string& fileName);

    std::optional<std::string> indicator(std::string_view sourceKey) const;
    std::optional<std::string> breakdown(std::string_view sourceName) const;
    std::optional<std::string> group(const std::string& characteristic, std::string_view label) const;

    /// The file this mapping was read from (empty when there was none).
    const std::string& fileName() const noexcept { return m_fileName; }

private:
    std::optional<std::string> lookup(const std::string& section, std::string_view key) const;

    std::string m_fileName;
    std::map<std::string, std::map<std::string, std::string>> m_sections; // section -> normalised label -> id
};

} // namespace capeq
