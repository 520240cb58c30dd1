// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/store/staged_file.hpp>

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

class StagedFileTest : public test::TempDirTest {
protected:
    std::size_t entries() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(tempDir()), fs::directory_iterator()));
    }
};

TEST_F(StagedFileTest, CommitMovesTheFileIntoPlace) {
    const fs::path target = tempDir() / "store.db";
    {
        StagedFile staged(target);
        EXPECT_EQ(staged.tempPath().parent_path(), tempDir()); // same directory, so the move is atomic
        EXPECT_FALSE(fs::exists(target));
        test::writeFile(staged.tempPath(), "content");
        staged.commit();
        EXPECT_FALSE(fs::exists(staged.tempPath()));
    }
    EXPECT_EQ(test::readFile(target), "content");
    EXPECT_EQ(entries(), 1U);
}

TEST_F(StagedFileTest, WithoutCommitNothingIsLeft) {
    const fs::path target = tempDir() / "store.db";
    {
        StagedFile staged(target);
        test::writeFile(staged.tempPath(), "half-built");
        test::writeFile(staged.tempPath().string() + "-journal", "journal");
    }
    EXPECT_EQ(entries(), 0U);
}

TEST_F(StagedFileTest, NeverReplacesAFileThatAppearedMeanwhile) {
    const fs::path target = tempDir() / "store.db";
    StagedFile staged(target);
    test::writeFile(staged.tempPath(), "ours");
    test::writeFile(target, "theirs");
    try {
        staged.commit();
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(formatDiagnostic(error.diagnostics().at(0)),
                  target.string() +
                      ": error: another file appeared at this path during the import: File exists "
                      "(fix: run the import again; it will add to that file if it is a CapEq store)");
    }
    EXPECT_EQ(test::readFile(target), "theirs");
}

TEST_F(StagedFileTest, MissingDirectoryIsAnInputError) {
    EXPECT_THROW(StagedFile(tempDir() / "no" / "such" / "store.db"), InputError);
}

} // namespace
} // namespace capeq
