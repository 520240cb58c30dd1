// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/evidence/evidence_reader.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace capeq::cli {

/// The arguments every command that reads one evidence file takes (validate, import).
struct EvidenceFileArguments {
    std::string file;
    std::string encoding = "auto";
    std::string format;
    std::vector<std::string> ignoreColumns;
    std::string catalogueDirectory; ///< empty: the shipped catalogue
    std::string mappingDirectory;   ///< empty: the catalogue's mappings/

    /// The catalogue directory to load.
    std::filesystem::path catalogue() const;
    /// Reader options from these arguments, mappings defaulting to the catalogue's.
    ReadOptions readOptions() const;
};

} // namespace capeq::cli
