// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string_view>

namespace capeq::audit {

/// Writes the many files of an audit so that none is ever seen half-written, without paying for two
/// fsyncs per file: each file goes to a temporary name beside its target and is renamed over it (atomic
/// on POSIX, so an interrupted run leaves whole files or none); sync() then flushes everything written to
/// disk in one call, before run.json marks the run finished. (core's writeFileAtomically fsyncs every
/// file, which for 10,000 services took longer than the scoring.)
class OutputFiles {
public:
    explicit OutputFiles(std::filesystem::path root);

    /// Writes bytes to root/relative, creating directories. Throws std::runtime_error naming the file.
    void write(const std::filesystem::path& relative, std::string_view bytes);
    /// Flushes every file written so far to stable storage (syncfs on the output file system).
    void sync();
    const std::filesystem::path& root() const noexcept { return m_root; }

private:
    std::filesystem::path m_root;
};

} // namespace capeq::audit
