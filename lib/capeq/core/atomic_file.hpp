// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace capeq {

/// Replaces path with bytes so that, whatever happens (crash, kill, full disk), the file holds either its
/// old complete content or the new: writes a temp file in the same directory, fsyncs it, renames it over
/// path and fsyncs the directory. An existing file's permissions are kept; a new file is owner-only.
/// Temporaries that earlier saves of the same path left behind when killed are removed first (see
/// removeStaleTemporaries). Throws std::runtime_error naming the file and the system error.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

/// A private (0600) temporary file `.NAME.KIND-XXXXXX` beside target, created by mkstemp and held under an
/// exclusive flock() until this object is destroyed: the lock is what tells removeStaleTemporaries that the
/// file still belongs to a live writer (the kernel drops it when the writer exits or is killed).
class LockedTemporary {
public:
    /// Throws std::system_error (errno) when the file cannot be created.
    LockedTemporary(const std::filesystem::path& target, std::string_view kind);
    LockedTemporary(const LockedTemporary&) = delete;
    LockedTemporary& operator=(const LockedTemporary&) = delete;
    /// Closes the file, which releases the lock; does not remove it.
    ~LockedTemporary();

    int fd() const noexcept { return m_fd; }
    const std::filesystem::path& path() const noexcept { return m_path; }

private:
    int m_fd = -1;
    std::filesystem::path m_path;
};

/// Removes the temporaries `.NAME.KIND-XXXXXX` beside target (exactly that name and kind, six letters or
/// digits as mkstemp makes them) that no live writer holds: regular files owned by this user whose
/// LockedTemporary lock can be taken. Each file's companions (its name + each suffix, e.g. SQLite's
/// "-journal") go with it. Safe while other processes save the same target: a live writer's file is locked,
/// and a writer whose fresh file is removed before it could lock it notices and makes another. Best
/// effort: returns how many temporaries were removed and never throws.
std::size_t removeStaleTemporaries(const std::filesystem::path& target, std::string_view kind,
                                   const std::vector<std::string>& companionSuffixes = {});

} // namespace capeq
