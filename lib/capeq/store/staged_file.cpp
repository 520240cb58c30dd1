// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/store/staged_file.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

namespace capeq {

namespace {

Diagnostic fileProblem(const std::filesystem::path& path, const std::string& what, int error,
                       std::string hint) {
    return Diagnostic{
        Severity::Error, {path.string(), 0, 0, {}}, what + ": " + std::strerror(error), std::move(hint)};
}

void syncPath(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return; // best effort: the data itself was already synced by SQLite at commit
    (void)::fsync(fd);
    ::close(fd);
}

constexpr std::string_view kStagedKind = "new";
const char* const kJournalSuffix = "-journal";

} // namespace

std::size_t StagedFile::removeStale(const std::filesystem::path& target) {
    return removeStaleTemporaries(target, kStagedKind, {kJournalSuffix});
}

StagedFile::StagedFile(std::filesystem::path target)
    : m_target(std::move(target)) {
    removeStale(m_target);
    try {
        m_lock = std::make_unique<LockedTemporary>(m_target, kStagedKind);
    } catch (const std::system_error& error) {
        throw InputError(fileProblem(m_target, "cannot create a file beside this path", error.code().value(),
                                     "check that the directory exists and that you may write to it"));
    }
    m_temp = m_lock->path();
}

StagedFile::~StagedFile() {
    if (m_committed)
        return;
    std::error_code ignored;
    std::filesystem::remove(m_temp, ignored);
    std::filesystem::remove(m_temp.string() + kJournalSuffix, ignored);
}

void StagedFile::commit() {
    syncPath(m_temp, O_RDONLY);
    // link() fails with EEXIST instead of replacing, unlike rename(): a store someone else created at the
    // target while we were importing must not be overwritten.
    if (::link(m_temp.c_str(), m_target.c_str()) == 0) {
        std::error_code ignored;
        std::filesystem::remove(m_temp, ignored);
    } else if (errno == EEXIST) {
        throw InputError(
            fileProblem(m_target, "another file appeared at this path during the import", EEXIST,
                        "run the import again; it will add to that file if it is a CapEq store"));
    } else if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
        // Filesystems without hard links (some network and FAT mounts) still support rename.
        throw InputError(fileProblem(m_target, "cannot move the new store into place", errno,
                                     "check that the directory is writable"));
    }
    m_committed = true;
    const std::filesystem::path directory =
        m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
    syncPath(directory, O_RDONLY | O_DIRECTORY);
}

} // namespace capeq
