// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/atomic_file.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace capeq {

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const noexcept { return m_fd; }

private:
    int m_fd;
};

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

std::filesystem::path directoryOf(const std::filesystem::path& target) {
    return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

std::string temporaryPrefix(const std::filesystem::path& target, std::string_view kind) {
    return "." + target.filename().string() + "." + std::string(kind) + "-";
}

// mkstemp replaces XXXXXX with six characters from [A-Za-z0-9].
constexpr std::size_t kRandomPartLength = 6;

bool isRandomPart(std::string_view text) {
    return text.size() == kRandomPartLength && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0;
           });
}

bool sameFile(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// True when path still names the file open as fd (it was not removed or replaced meanwhile).
bool pathNamesDescriptor(const std::filesystem::path& path, int fd) {
    struct stat opened {};
    struct stat named {};
    return ::fstat(fd, &opened) == 0 && ::lstat(path.c_str(), &named) == 0 && sameFile(opened, named);
}

// Removes path when it is this user's regular file and nobody holds its lock. The lock is taken before the
// last check and kept until after the unlink, so a writer cannot lock the file in between.
bool removeIfUnlocked(const std::filesystem::path& path) {
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (file.get() < 0)
        return false;
    struct stat status {};
    if (::fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_uid != ::geteuid())
        return false;
    if (::flock(file.get(), LOCK_EX | LOCK_NB) != 0)
        return false; // a live writer holds it (or the filesystem has no locks: then never remove)
    return pathNamesDescriptor(path, file.get()) && ::unlink(path.c_str()) == 0;
}

bool isOwnRegularFile(const std::filesystem::path& path) {
    struct stat status {};
    return ::lstat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode) && status.st_uid == ::geteuid();
}

} // namespace

LockedTemporary::LockedTemporary(const std::filesystem::path& target, std::string_view kind) {
    const std::string pattern = (directoryOf(target) / (temporaryPrefix(target, kind) + "XXXXXX")).string();
    // A cleaner in another process may take the lock of our new file before we do and remove it; then the
    // name is gone and we start again with a fresh one. Each round loses only to such a narrow race.
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = pattern;
        const int fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd < 0)
            throw std::system_error(errno, std::generic_category(),
                                    "cannot create a temporary file beside " + target.string());
        int locked = -1;
        do
            locked = ::flock(fd, LOCK_EX); // waits only while a cleaner looks at this very file
        while (locked != 0 && errno == EINTR);
        if (pathNamesDescriptor(name, fd)) {
            m_fd = fd;
            m_path = std::move(name);
            return;
        }
        ::close(fd);
    }
    throw std::system_error(EAGAIN, std::generic_category(),
                            "cannot create a temporary file beside " + target.string());
}

LockedTemporary::~LockedTemporary() {
    if (m_fd >= 0)
        ::close(m_fd);
}

std::size_t removeStaleTemporaries(const std::filesystem::path& target, std::string_view kind,
                                   const std::vector<std::string>& companionSuffixes) {
    const std::filesystem::path directory = directoryOf(target);
    const std::string prefix = temporaryPrefix(target, kind);
    std::vector<std::string> temporaries;
    std::vector<std::string> companions;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() < prefix.size() + kRandomPartLength || name.compare(0, prefix.size(), prefix) != 0 ||
            !isRandomPart(std::string_view(name).substr(prefix.size(), kRandomPartLength)))
            continue;
        const std::string_view rest = std::string_view(name).substr(prefix.size() + kRandomPartLength);
        if (rest.empty())
            temporaries.push_back(name);
        else if (std::find(companionSuffixes.begin(), companionSuffixes.end(), rest) !=
                 companionSuffixes.end())
            companions.push_back(name);
    }
    std::size_t removed = 0;
    for (const std::string& name : temporaries) {
        if (!removeIfUnlocked(directory / name))
            continue;
        ++removed;
        for (const std::string& suffix : companionSuffixes)
            if (isOwnRegularFile(directory / (name + suffix)))
                ::unlink((directory / (name + suffix)).c_str());
    }
    // A companion whose temporary is gone belongs to a writer killed between the two removals. A live
    // writer's companion always has its temporary beside it (SQLite makes a journal only for an open file).
    for (const std::string& name : companions) {
        const std::string owner = name.substr(0, prefix.size() + kRandomPartLength);
        if (!std::filesystem::exists(directory / owner, error) && !error &&
            isOwnRegularFile(directory / name))
            ::unlink((directory / name).c_str());
    }
    return removed;
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path directory = directoryOf(path);
    removeStaleTemporaries(path, "tmp");
    std::optional<LockedTemporary> created;
    try {
        created.emplace(path, "tmp");
    } catch (const std::system_error& error) {
        errno = error.code().value();
        fail("create a temporary file beside", path);
    }
    const LockedTemporary& temp = *created;
    try {
        std::size_t written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(temp.fd(), bytes.data() + written, bytes.size() - written);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                fail("write", temp.path());
            }
            written += static_cast<std::size_t>(n);
        }
        // Keep the mode of the file being replaced; a new file stays owner-only (mkstemp's 0600), as
        // equality data is sensitive.
        std::error_code statError;
        const auto existing = std::filesystem::status(path, statError);
        if (!statError && std::filesystem::exists(existing))
            ::fchmod(temp.fd(), static_cast<mode_t>(existing.permissions()) & 07777);
        if (::fsync(temp.fd()) != 0)
            fail("flush", temp.path());
        // Renamed while still open and locked, so no cleaner can take it for stale; closing after fsync
        // cannot lose data.
        if (::rename(temp.path().c_str(), path.c_str()) != 0)
            fail("replace", path);
    } catch (...) {
        ::unlink(temp.path().c_str());
        throw;
    }
    const FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0)
        ::fsync(dir.get()); // best effort: the rename is already atomic; this makes it durable
}

} // namespace capeq
