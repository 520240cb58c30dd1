// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace capeq::test {

/// tests/data in the source tree.
std::filesystem::path testDataDir();
/// ../shared/data/real beside the project, which may be absent (then realdata tests skip).
std::filesystem::path realDataDir();
/// The project's source root.
std::filesystem::path sourceDir();

/// Reads a whole file as bytes.
std::string readFile(const std::filesystem::path& path);
/// Writes bytes to a file, creating parent directories.
void writeFile(const std::filesystem::path& path, const std::string& bytes);

/// A fresh, empty directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    const std::filesystem::path& tempDir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
};

/// The result of running the real capeq binary.
struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs the built `capeq` with these arguments (no shell), capturing stdout and stderr.
CommandResult runCapeq(const std::vector<std::string>& arguments, const std::string& stdinText = {});

} // namespace capeq::test
