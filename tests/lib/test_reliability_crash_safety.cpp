// SPDX-License-Identifier: Apache-2.0
// A .capeq save killed (SIGKILL) at any moment leaves the old or the new complete assessment, never a mix
// or nothing, and the temporaries of killed saves do not pile up. A forked child saves in a loop; the parent
// kills it at seeded random moments.
#include <capeq/assessment/assessment_file.hpp>

#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <random>
#include <support/test_support.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace capeq {
namespace {

namespace fs = std::filesystem;

Assessment version(const std::string& label, std::size_t noteBytes) {
    Assessment a;
    a.metadata.title = "Library opening hours " + label;
    a.metadata.organisation = "Northshire County Council";
    a.metadata.service = "libraries";
    a.metadata.status = AssessmentStatus::Draft;
    a.scope.characteristics = {"age", "disability"};
    for (int i = 0; i < 200; ++i) {
        EvidenceRow row;
        row.indicator = IndicatorId{"library_use"};
        row.area = AreaCode{"E10999999"};
        row.service = ServiceId{"libraries"};
        row.period = "2024/25";
        row.characteristic = CharacteristicId{"age"};
        row.group = GroupCode{label + std::to_string(i)};
        row.value = 40.0 + i * 0.125;
        a.evidence.push_back(row);
    }
    a.notes = std::string(noteBytes, label.front());
    return a;
}

class ReliabilityCrashSafety : public test::TempDirTest {};

TEST_F(ReliabilityCrashSafety, SaveKilledAtRandomMomentsLeavesOldOrNewAssessment) {
    const fs::path file = tempDir() / "assessment.capeq";
    const Assessment oldVersion = version("old", 300'000);
    const Assessment newVersion = version("new", 100'000);
    // How long one save takes here, so kills land before, during and after saves.
    const auto start = std::chrono::steady_clock::now();
    saveAssessment(file, oldVersion);
    const auto saveMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
            .count();
    std::mt19937 random(20241122);
    std::uniform_int_distribution<long> delay(0, 3 * std::max<long>(saveMicros, 1000));
    const auto temporaries = [&] {
        int count = 0;
        for (const auto& entry : fs::directory_iterator(tempDir())) {
            if (entry.path() == file)
                continue;
            EXPECT_EQ(entry.path().filename().string().rfind(".assessment.capeq.tmp-", 0), 0u)
                << entry.path();
            ++count;
        }
        return count;
    };
    int sawOld = 0;
    int sawNew = 0;
    int leftBehind = 0;
    for (int kill = 0; kill < 30; ++kill) {
        saveAssessment(file, oldVersion);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (;;) {
                saveAssessment(file, newVersion);
                saveAssessment(file, oldVersion);
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "kill " << kill;
        const Assessment loaded = loadAssessment(file); // throws (fails the test) on a torn file
        if (loaded == oldVersion)
            ++sawOld;
        else if (loaded == newVersion)
            ++sawNew;
        else
            ADD_FAILURE() << "kill " << kill << ": the file holds neither version";
        // Only the save just killed may have left its temporary: every save removes the earlier ones.
        const int now = temporaries();
        EXPECT_LE(now, 1) << "kill " << kill;
        leftBehind += now;
    }
    EXPECT_EQ(sawOld + sawNew, 30);
    RecordProperty("kills_that_left_a_temporary", leftBehind);
    saveAssessment(file, newVersion);
    EXPECT_EQ(temporaries(), 0);
    EXPECT_EQ(loadAssessment(file), newVersion);
}

} // namespace
} // namespace capeq
