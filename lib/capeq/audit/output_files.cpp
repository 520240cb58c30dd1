// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/output_files.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace capeq::audit {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

} // namespace

OutputFiles::OutputFiles(std::filesystem::path root)
    : m_root(std::move(root)) {}

void OutputFiles::write(const std::filesystem::path& relative, std::string_view bytes) {
    const std::filesystem::path target = m_root / relative;
    std::filesystem::create_directories(target.parent_path());
    std::string name(1, '.');
    name.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string pattern = (target.parent_path() / name).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        fail("create a temporary file beside", target);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(pattern.c_str());
            errno = saved;
            fail("write", target);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0) {
        ::unlink(pattern.c_str());
        fail("finish", target);
    }
    if (::rename(pattern.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(pattern.c_str());
        errno = saved;
        fail("rename a temporary file over", target);
    }
}

void OutputFiles::sync() {
    const int fd = ::open(m_root.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        fail("open", m_root);
    const int result = ::syncfs(fd);
    ::close(fd);
    if (result != 0)
        fail("flush", m_root);
}

} // namespace capeq::audit
