// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/atomic_file.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
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
    int release() noexcept {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

} // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    std::string pattern = (directory / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    FileDescriptor temp(::mkstemp(pattern.data()));
    if (temp.get() < 0)
        fail("create a temporary file beside", path);
    const std::filesystem::path tempPath(pattern);
    try {
        std::size_t written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(temp.get(), bytes.data() + written, bytes.size() - written);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                fail("write", tempPath);
            }
            written += static_cast<std::size_t>(n);
        }
        // Keep the mode of the file being replaced; a new file stays owner-only (mkstemp's 0600), as
        // equality data is sensitive.
        std::error_code statError;
        const auto existing = std::filesystem::status(path, statError);
        if (!statError && std::filesystem::exists(existing))
            ::fchmod(temp.get(), static_cast<mode_t>(existing.permissions()) & 07777);
        if (::fsync(temp.get()) != 0)
            fail("flush", tempPath);
        if (::close(temp.release()) != 0)
            fail("close", tempPath);
        if (::rename(tempPath.c_str(), path.c_str()) != 0)
            fail("replace", path);
    } catch (...) {
        ::unlink(tempPath.c_str());
        throw;
    }
    const FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY));
    if (dir.get() >= 0)
        ::fsync(dir.get()); // best effort: the rename is already atomic; this makes it durable
}

} // namespace capeq
