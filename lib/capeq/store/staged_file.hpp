// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>

namespace capeq {

/// A new file built under a temporary name beside its target and moved into place only by commit(), so
/// the target path never holds a half-built file (used to create a new store: a crash or a failed import
/// leaves no store at all rather than an empty or partial one). Move-only in spirit: not copyable.
class StagedFile {
public:
    /// Creates an empty, owner-only temporary file in target's directory. Throws InputError when the
    /// directory does not exist or is not writable.
    explicit StagedFile(std::filesystem::path target);
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    /// Removes the temporary file (and an SQLite journal beside it) unless commit() succeeded.
    ~StagedFile();

    const std::filesystem::path& tempPath() const noexcept { return m_temp; }
    const std::filesystem::path& target() const noexcept { return m_target; }

    /// Flushes the temporary file to disk and gives it the target's name, never replacing a file that
    /// appeared at the target meanwhile (then throws InputError and keeps nothing).
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

} // namespace capeq
