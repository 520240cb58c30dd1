// SPDX-License-Identifier: Apache-2.0
#include <support/test_support.hpp>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace capeq::test {

namespace fs = std::filesystem;

fs::path testDataDir() { return fs::path(CAPEQ_TEST_DATA_DIR); }
fs::path realDataDir() { return fs::path(CAPEQ_SHARED_DIR) / "data" / "real"; }
fs::path sourceDir() { return fs::path(CAPEQ_SOURCE_DIR); }

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeFile(const fs::path& path, const std::string& bytes) {
    if (path.has_parent_path())
        fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

void TempDirTest::SetUp() {
    std::random_device seed;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("capeq-test-" + std::string(info->name()) + "-" + std::to_string(seed()) + "-" +
             std::to_string(::getpid()));
    fs::create_directories(m_dir);
}

void TempDirTest::TearDown() {
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

namespace {
std::string drain(int fd) {
    std::string text;
    std::array<char, 65536> buffer{};
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n > 0) {
            text.append(buffer.data(), static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    return text;
}
} // namespace

CommandResult runCapeq(const std::vector<std::string>& arguments, const std::string& stdinText) {
    // Output goes to temp files rather than pipes so a chatty child can never block on a full pipe.
    char outName[] = "/tmp/capeq-out-XXXXXX";
    char errName[] = "/tmp/capeq-err-XXXXXX";
    char inName[] = "/tmp/capeq-in-XXXXXX";
    const int outFd = ::mkstemp(outName);
    const int errFd = ::mkstemp(errName);
    const int inFd = ::mkstemp(inName);
    if (outFd < 0 || errFd < 0 || inFd < 0)
        throw std::runtime_error("cannot create temp files for a capeq run");
    if (!stdinText.empty() && ::write(inFd, stdinText.data(), stdinText.size()) < 0)
        throw std::runtime_error("cannot write stdin for a capeq run");
    ::lseek(inFd, 0, SEEK_SET);

    std::vector<std::string> argvStrings;
    argvStrings.emplace_back(CAPEQ_CLI_BINARY);
    argvStrings.insert(argvStrings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : argvStrings)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(inFd, STDIN_FILENO);
        ::dup2(outFd, STDOUT_FILENO);
        ::dup2(errFd, STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    ::lseek(outFd, 0, SEEK_SET);
    ::lseek(errFd, 0, SEEK_SET);
    result.out = drain(outFd);
    result.err = drain(errFd);
    ::close(outFd);
    ::close(errFd);
    ::close(inFd);
    ::unlink(outName);
    ::unlink(errName);
    ::unlink(inName);
    return result;
}

} // namespace capeq::test
