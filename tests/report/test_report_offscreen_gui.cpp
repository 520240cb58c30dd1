// SPDX-License-Identifier: Apache-2.0
// OffscreenGui in the command-line tool: reports render without Qt complaining about XDG_RUNTIME_DIR.
#include <array>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <support/test_support.hpp>

namespace capeq::report {
namespace {

std::string runCommand(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string output;
    std::array<char, 4096> buffer{};
    while (pipe && std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
        output += buffer.data();
    return output;
}

class OffscreenGuiCli : public test::TempDirTest {};

// capeq renders its audit reports through OffscreenGui. Without XDG_RUNTIME_DIR (cron, CI, ssh) Qt used to
// warn on stderr; now it gets a private directory, removed afterwards.
TEST_F(OffscreenGuiCli, ReportsAreQuietWithoutARuntimeDirectory) {
    const std::filesystem::path cli = CAPEQ_CLI_BINARY;
    if (!std::filesystem::exists(cli))
        GTEST_SKIP() << "build the capeq target first: " << cli;
    const std::filesystem::path tmp = tempDir() / "tmp";
    std::filesystem::create_directories(tmp);
    const std::string evidence = (test::sourceDir() / "datasets/county_council/evidence.csv").string();
    const std::string out = (tempDir() / "audit").string();
    const std::string stderrFile = (tempDir() / "stderr.txt").string();
    const std::string command = "env -u XDG_RUNTIME_DIR -u QT_QPA_PLATFORM TMPDIR='" + tmp.string() + "' '" +
                                cli.string() + "' audit '" + evidence + "' --out '" + out +
                                "' --jobs 1 > /dev/null 2> '" + stderrFile + "'; echo $?";
    const std::string status = runCommand(command);
    const std::string errors = test::readFile(stderrFile);
    ASSERT_EQ(status, "0\n") << errors;
    EXPECT_EQ(errors.find("XDG_RUNTIME_DIR"), std::string::npos) << errors;
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(out) / "services")) << errors;
    // The private runtime directory is gone again.
    for (const auto& entry : std::filesystem::directory_iterator(tmp))
        EXPECT_EQ(entry.path().filename().string().rfind("capeq-runtime-", 0), std::string::npos)
            << entry.path();
}

} // namespace
} // namespace capeq::report
