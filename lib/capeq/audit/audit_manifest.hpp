// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace capeq::audit {

/// One line of an audit manifest: an evidence file and what it is said to hold.
struct ManifestEntry {
    std::filesystem::path path; ///< resolved against the manifest's directory when relative
    std::string organisation;   ///< area code every row must have; empty: any
    std::string service;        ///< service id every row must have; empty: any
    std::string format;         ///< "", "capeq-long", "heat-plus", "fingertips", "ethnicity-facts" or "gpg"
    std::filesystem::path mappings; ///< mapping directory for this file; empty: the default
    /// The file holds the benchmark (e.g. national figures): its rows, all of one area, are compared with,
    /// never audited as an organisation. Column `role`: "audited" (or empty) or "benchmark".
    bool benchmark = false;
    std::size_t line = 0;
};

/// An audit manifest (docs/AUDIT.md): a CSV whose header has `file` first and optionally organisation,
/// service, format, mappings and role; lines whose file starts with '#' are comments.
struct Manifest {
    std::vector<ManifestEntry> entries;
};

/// Reads a manifest. Throws InputError listing every problem (unknown column, empty file name, unknown
/// format, no entries) with its line.
Manifest readManifest(const std::filesystem::path& path);

} // namespace capeq::audit
