// SPDX-License-Identifier: Apache-2.0
// Temporaries left by killed saves (`.NAME.tmp-XXXXXX`) and killed imports (`.NAME.new-XXXXXX` and its
// journal) are removed by the next save of the same target; nothing else is, and never a live writer's.
#include <capeq/core/atomic_file.hpp>
#include <capeq/store/staged_file.hpp>

#include <algorithm>
#include <csignal>
#include <gtest/gtest.h>
#include <set>
#include <support/test_support.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace capeq {
namespace {

namespace fs = std::filesystem;

class StaleTemporaries : public test::TempDirTest {
protected:
    std::set<std::string> names() const {
        std::set<std::string> found;
        for (const auto& entry : fs::directory_iterator(tempDir()))
            found.insert(entry.path().filename().string());
        return found;
    }
};

TEST_F(StaleTemporaries, SaveRemovesOnlyItsTargetsLeftoverTemporaries) {
    const fs::path target = tempDir() / "plan.capeq";
    // What killed saves of this target leave: removed.
    test::writeFile(tempDir() / ".plan.capeq.tmp-a1B2c3", "half");
    test::writeFile(tempDir() / ".plan.capeq.tmp-ZZZZZZ", "");
    // Near misses: another target, another kind, a wrong length or character, no leading dot, a suffix.
    const std::set<std::string> kept = {
        ".other.capeq.tmp-a1B2c3", ".plan.capeq.new-a1B2c3",     ".plan.capeq.tmp-a1B2c",
        ".plan.capeq.tmp-a1B2c3d", ".plan.capeq.tmp-a1B-c3",     "plan.capeq.tmp-a1B2c3",
        ".plan.capeq.tmp-a1B2c3~", ".plan.capeq.tmp-a1B2c3.bak", ".plan.capeq",
    };
    for (const std::string& name : kept)
        test::writeFile(tempDir() / name, "keep me");
    // A directory and a symbolic link with a temporary's name are not files a save made.
    fs::create_directory(tempDir() / ".plan.capeq.tmp-dir123");
    fs::create_symlink(tempDir() / ".other.capeq.tmp-a1B2c3", tempDir() / ".plan.capeq.tmp-link12");

    writeFileAtomically(target, "new content");

    std::set<std::string> expected = kept;
    expected.insert({"plan.capeq", ".plan.capeq.tmp-dir123", ".plan.capeq.tmp-link12"});
    EXPECT_EQ(names(), expected);
    EXPECT_EQ(test::readFile(target), "new content");
    for (const std::string& name : kept)
        EXPECT_EQ(test::readFile(tempDir() / name), "keep me") << name;
}

TEST_F(StaleTemporaries, ALiveWritersTemporaryIsKeptUntilItsProcessDies) {
    const fs::path target = tempDir() / "plan.capeq";
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t writer = ::fork();
    ASSERT_GE(writer, 0);
    if (writer == 0) {
        const LockedTemporary temporary(target, "tmp"); // a save that is still writing
        const char byte = 'r';
        (void)::write(ready[1], &byte, 1);
        ::pause();
        ::_exit(0);
    }
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    ::close(ready[1]);
    const auto temporaries = [this] {
        const std::set<std::string> all = names();
        return std::count_if(all.begin(), all.end(),
                             [](const std::string& name) { return name.rfind(".plan.capeq.tmp-", 0) == 0; });
    };
    ASSERT_EQ(temporaries(), 1);
    EXPECT_EQ(removeStaleTemporaries(target, "tmp"), 0u);
    writeFileAtomically(target, "saved beside a live writer");
    EXPECT_EQ(temporaries(), 1);

    ::kill(writer, SIGKILL);
    int status = 0;
    ::waitpid(writer, &status, 0);
    writeFileAtomically(target, "saved after it was killed");
    EXPECT_EQ(temporaries(), 0);
    EXPECT_EQ(test::readFile(target), "saved after it was killed");
}

TEST_F(StaleTemporaries, ALockedTemporaryOfThisProcessIsKept) {
    // flock belongs to the open file, so even another open in the same process cannot take it.
    const fs::path target = tempDir() / "plan.capeq";
    const LockedTemporary temporary(target, "tmp");
    EXPECT_EQ(removeStaleTemporaries(target, "tmp"), 0u);
    EXPECT_TRUE(fs::exists(temporary.path()));
}

TEST_F(StaleTemporaries, TwoProcessesSavingTheSameFileAtOnceNeverFailAndLeaveNothing) {
    const fs::path target = tempDir() / "plan.capeq";
    const std::string first(100'000, 'a');
    const std::string second(150'000, 'b');
    std::vector<pid_t> writers;
    for (const std::string* content : {&first, &second}) {
        const pid_t writer = ::fork();
        ASSERT_GE(writer, 0);
        if (writer == 0) {
            try {
                for (int save = 0; save < 300; ++save)
                    writeFileAtomically(target, *content);
            } catch (...) {
                ::_exit(1);
            }
            ::_exit(0);
        }
        writers.push_back(writer);
    }
    for (const pid_t writer : writers) {
        int status = 0;
        ::waitpid(writer, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a concurrent save failed";
    }
    const std::string content = test::readFile(target);
    EXPECT_TRUE(content == first || content == second);
    EXPECT_EQ(names(), std::set<std::string>{"plan.capeq"});
}

TEST_F(StaleTemporaries, StagingAStoreRemovesLeftoverStagedFilesAndTheirJournals) {
    const fs::path target = tempDir() / "store.db";
    test::writeFile(tempDir() / ".store.db.new-Q1w2E3", "half-built store");
    test::writeFile(tempDir() / ".store.db.new-Q1w2E3-journal", "its journal");
    test::writeFile(tempDir() / ".store.db.new-R4t5Y6-journal", "journal of a store already removed");
    test::writeFile(tempDir() / ".store.db.new-R4t5Y6-wal", "not a companion CapEq makes");
    test::writeFile(tempDir() / ".store.db.tmp-Q1w2E3", "a save's temporary, not an import's");
    {
        const StagedFile staged(target);
        std::set<std::string> expected = {".store.db.new-R4t5Y6-wal", ".store.db.tmp-Q1w2E3",
                                          staged.tempPath().filename().string()};
        EXPECT_EQ(names(), expected);
        // The live staged file is locked: another import's clean-up leaves it alone.
        test::writeFile(staged.tempPath().string() + "-journal", "live journal");
        EXPECT_EQ(StagedFile::removeStale(target), 0u);
        EXPECT_TRUE(fs::exists(staged.tempPath()));
        EXPECT_TRUE(fs::exists(staged.tempPath().string() + "-journal"));
    }
    EXPECT_EQ(names(), (std::set<std::string>{".store.db.new-R4t5Y6-wal", ".store.db.tmp-Q1w2E3"}));
}

} // namespace
} // namespace capeq
