// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/atomic_file.hpp>

#include <filesystem>
#include <memory>

namespace capeq {

/// A new file built under a temporary name beside its target and moved into place only by commit(), so
/// the target path never holds a half-built file (used to create a new store: a crash or a failed import
/// leaves no store at all rather than an empty or partial one). Move-only in spirit: not copyable.
class StagedFile {
public:
    /// Creates an empty, owner-only temporary file `.NAME.new-XXXXXX` in target's directory, locked for
    /// this object's lifetime, after removing the ones that imports of the same target left when killed
    /// (removeStale). Throws InputError when the directory does not exist or is not writable.
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

    /// Removes staged files of target (and their SQLite journals) that no live import holds; returns how
    /// many. Called before staging, and by an import into an existing store, which stages nothing.
    static std::size_t removeStale(const std::filesystem::path& target);

private:
    std::filesystem::path m_target;
    std::unique_ptr<LockedTemporary> m_lock; ///< keeps the staged file's lock until this object goes
    std::filesystem::path m_temp;
    bool m_committed = false;
};

} // namespace capeq
