// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment_file.hpp>
#include <capeq/core/sha256.hpp>

#include <cstdlib>
#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;

// The content of the committed fixture tests/data/assessment/sample_v1.capeq. Never change this function:
// the fixture was written by file format 1 and must keep opening with exactly this content.
Assessment sampleAssessment() {
    Assessment a;
    a.metadata = {"Adult social care charging policy 2024",
                  "Northshire County Council",
                  "adult_social_care",
                  "E10999999",
                  "2024/25",
                  "A. Officer",
                  "Assess the new charging policy",
                  AssessmentStatus::InReview,
                  "2024-11-02T09:30:00Z",
                  "2024-11-20T16:05:12Z"};
    a.scope = {{"sex", "disability", "ethnicity"}, {"control_over_daily_life"}, {"2023/24"}};
    EvidenceRow row;
    row.indicator = IndicatorId{"control_over_daily_life"};
    row.area = AreaCode{"E10999999"};
    row.service = ServiceId{"adult_social_care"};
    row.period = "2024/25";
    row.characteristic = CharacteristicId{"disability"};
    row.group = GroupCode{"disabled"};
    row.value = 61.25;
    row.numerator = 245;
    row.denominator = 400;
    row.lowerCi = 56.3884;
    row.upperCi = 65.8897;
    row.sampleSize = 400;
    row.note = "Survey of adult social care users";
    row.location = {"evidence.csv", 17, 0, ""};
    a.evidence.push_back(row);
    row.group = GroupCode{"not_disabled"};
    row.value = 0.1 + 0.2; // a value with no short decimal form must survive exactly
    row.numerator.reset();
    row.populationShare = 0.7;
    row.subgroupOrder = 2;
    row.isReference = true;
    a.evidence.push_back(row);
    a.findings = {{"disability", Impact::Negative, Impact::Negative, true,
                   "Disabled users report less control (61% vs 77%)",
                   "Significant gap; charging may widen it"}};
    a.mitigations = {{"disability", "Cap charges for users with high disability-related costs"}};
    a.actions = {{"Review charging caps", "disability", "Head of Finance", "2025-03-31",
                  ActionStatus::InProgress, "Report to cabinet"}};
    a.weights.name = "citizens_panel_2024";
    a.weights.domainWeights = {{"health", 1.5}, {"life", 1.0}};
    a.weights.dimensionWeights = {{"autonomy", 2.0}};
    a.notes = "Reviewed with the disability forum.";
    return a;
}

class AssessmentFileTest : public test::TempDirTest {};

TEST_F(AssessmentFileTest, RoundTripKeepsEveryField) {
    const Assessment original = sampleAssessment();
    const fs::path file = tempDir() / "a.capeq";
    saveAssessment(file, original);
    EXPECT_EQ(loadAssessment(file), original);
}

TEST_F(AssessmentFileTest, HostileTextSurvivesVerbatim) {
    Assessment original = sampleAssessment();
    original.metadata.title = "<script>alert('x')</script> & \"quotes\"; DROP TABLE x;--";
    original.metadata.author = "Zoë Ørsted — 名前";
    original.metadata.purpose = "  leading and trailing spaces\n ";
    original.metadata.area = "";
    original.notes = std::string(200000, 'n') + "\ttab\r\nCRLF \x01\x1f\x7f control";
    original.findings[0].narrative = "]]> <!-- --> </assessment>";
    const fs::path file = tempDir() / "hostile.capeq";
    saveAssessment(file, original);
    EXPECT_EQ(loadAssessment(file), original);
}

TEST_F(AssessmentFileTest, SaveReplacesTheOldFileAndLeavesNoTempFiles) {
    const fs::path file = tempDir() / "a.capeq";
    Assessment first = sampleAssessment();
    saveAssessment(file, first);
    first.notes = "second version";
    saveAssessment(file, first);
    EXPECT_EQ(loadAssessment(file).notes, "second version");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tempDir()))
        ++entries;
    EXPECT_EQ(entries, 1u);
}

TEST(AssessmentFile, CommittedVersion1FixtureStillOpens) {
    const fs::path fixture = test::testDataDir() / "assessment" / "sample_v1.capeq";
    if (std::getenv("CAPEQ_WRITE_FIXTURES") != nullptr)
        saveAssessment(fixture, sampleAssessment());
    EXPECT_EQ(loadAssessment(fixture), sampleAssessment());
}

std::string messageFor(const std::string& bytes) {
    try {
        decodeAssessment(bytes, "x.capeq");
    } catch (const InputError& error) {
        return formatDiagnostic(error.diagnostics().front());
    }
    return "(no error)";
}

// Rewrites the envelope so that content edits keep a valid checksum: what a hostile author would do.
std::string reseal(const std::string& content) {
    return "CAPEQ-ASSESSMENT 1\nsha256 " + sha256Hex(content) + "\nbytes " + std::to_string(content.size()) +
           "\n" + content;
}

std::string contentOf(const std::string& bytes) {
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i)
        pos = bytes.find('\n', pos) + 1;
    return bytes.substr(pos);
}

TEST(AssessmentFile, DamagedFilesGiveClearErrors) {
    const std::string good = encodeAssessment(sampleAssessment());
    const std::string restore = " (fix: restore the file from a backup or the autosave copy)";
    EXPECT_EQ(messageFor("PK\x03\x04 zip"),
              "x.capeq: error: not a CapEq assessment file (it does not start with "
              "'CAPEQ-ASSESSMENT') (fix: open a file saved by CapEq Studio or "
              "capeq, with the .capeq extension)");
    EXPECT_EQ(messageFor(""), messageFor("PK"));
    const std::string truncated = good.substr(0, good.size() - 100);
    EXPECT_EQ(messageFor(truncated),
              "x.capeq: error: the file is truncated: " + std::to_string(contentOf(good).size() - 100) +
                  " of " + std::to_string(contentOf(good).size()) + " bytes of content are present" +
                  restore);
    std::string flipped = good;
    flipped[good.size() - 200] ^= 0x01;
    EXPECT_EQ(messageFor(flipped),
              "x.capeq: error: the file is damaged: its content does not match its checksum" + restore);
    EXPECT_EQ(messageFor("CAPEQ-ASSESSMENT 7\nsha256 x\nbytes 1\nx"),
              "x.capeq: error: the file was written by a newer CapEq (file format 7) (fix: upgrade CapEq to "
              "open it)");
    EXPECT_EQ(messageFor("CAPEQ-ASSESSMENT 1\n"),
              "x.capeq: error: the file's header is damaged (expected 'sha256')" + restore);
    EXPECT_EQ(messageFor("CAPEQ-ASSESSMENT 1"),
              "x.capeq: error: the file is truncated (it ends inside its header)" + restore);
}

TEST(AssessmentFile, HostileContentWithAValidChecksumIsRefused) {
    const std::string content = contentOf(encodeAssessment(sampleAssessment()));
    // A list claiming a trillion evidence rows: refused before anything is allocated.
    std::string huge = content;
    const std::size_t count = huge.find("<count>2</count>");
    ASSERT_NE(count, std::string::npos);
    huge.replace(count, 16, "<count>1000000000000</count>");
    EXPECT_EQ(messageFor(reseal(huge)), "x.capeq: error: the file's content is invalid: a list claims "
                                        "1000000000000 entries (fix: restore the file from a backup or the "
                                        "autosave copy)");
    // A list claiming more rows than the file holds fails at the end of the content, cleanly.
    std::string more = content;
    more.replace(more.find("<count>2</count>"), 16, "<count>3</count>");
    EXPECT_NE(messageFor(reseal(more)).find("error: the file's content"), std::string::npos);
    // Garbage XML and an out-of-range enumeration.
    EXPECT_NE(messageFor(reseal("<not xml")).find("error: the file's content cannot be read"),
              std::string::npos);
    std::string badEnum = content;
    badEnum.replace(badEnum.find("<status>1</status>"), 18, "<status>9</status>");
    EXPECT_EQ(messageFor(reseal(badEnum)),
              "x.capeq: error: the file's content is invalid: the value of 'status' "
              "is out of range (fix: restore the file from a backup or the autosave "
              "copy)");
}

TEST(AssessmentFile, MissingFileIsAClearError) {
    try {
        loadAssessment("/nonexistent/dir/a.capeq");
        FAIL();
    } catch (const InputError& error) {
        EXPECT_NE(formatDiagnostic(error.diagnostics().front())
                      .find("/nonexistent/dir/a.capeq: error: cannot open"),
                  std::string::npos);
    }
}

} // namespace
} // namespace capeq
