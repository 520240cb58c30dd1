// SPDX-License-Identifier: Apache-2.0
// Hostile sizes give a clear error or a bounded-memory result, never an out-of-memory kill: a 100 MB
// field, an unclosed quote swallowing a large file, a malformed row near the end of three million rows (CSV)
// and of a 26 MB evidence file, tens of thousands of groups, and deeply nested .capeq XML.
#include "test_evidence_catalogue.hpp"

#include <capeq/assessment/assessment_file.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/io/csv_reader.hpp>

#include <fstream>
#include <gtest/gtest.h>
#include <support/test_support.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CAPEQ_TEST_UNDER_ASAN 1
#endif
#elif defined(__SANITIZE_ADDRESS__)
#define CAPEQ_TEST_UNDER_ASAN 1
#endif

#ifdef CAPEQ_TEST_UNDER_ASAN
// AddressSanitizer keeps up to 256 MB of freed memory in quarantine, which would count against the
// budgets below; a small quarantine keeps the measurement about CapEq's own memory.
extern "C" const char* __asan_default_options() {
    return "quarantine_size_mb=16";
}
#endif

namespace capeq {
namespace {

namespace fs = std::filesystem;

// Peak resident memory of this process so far. CTest runs each test in its own process.
std::size_t peakRssBytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024u;
}

constexpr std::size_t kMiB = std::size_t{1} << 20;
// Generous for the reader's own buffers (a few times the 4 MiB record limit), and far below the size of
// the files read, which is the point. AddressSanitizer's shadow memory and quarantine add to RSS.
constexpr std::size_t kMemoryBudget = 200 * kMiB;

// Writes text, then filler repeated until size bytes, then tail; in 1 MiB pieces, so writing the test
// input does not itself need the memory being measured.
void writeLarge(const fs::path& file, const std::string& head, const std::string& filler, std::size_t size,
                const std::string& tail) {
    std::ofstream out(file, std::ios::binary);
    out << head;
    std::string block;
    while (block.size() < kMiB)
        block += filler;
    std::size_t written = 0;
    while (written < size) {
        const std::size_t n = std::min(block.size(), size - written);
        out.write(block.data(), static_cast<std::streamsize>(n));
        written += n;
    }
    out << tail;
}

struct ReadResult {
    std::vector<std::string> records; ///< "line: field|field|..."
    std::vector<std::string> problems;
    std::size_t errorCount = 0;
};

ReadResult readAll(const fs::path& file) {
    ReadResult result;
    CsvReader reader(file);
    while (reader.next()) {
        std::string text = std::to_string(reader.line()) + ":";
        for (std::size_t i = 0; i < reader.size(); ++i)
            text += (i == 0 ? " " : "|") + std::string(reader[i].substr(0, 20));
        result.records.push_back(text);
    }
    for (const Diagnostic& d : reader.diagnostics()) {
        std::string line = formatDiagnostic(d);
        line.erase(0, file.string().size());
        result.problems.push_back(line);
    }
    result.errorCount = reader.errorCount();
    return result;
}

const std::string kOverlong =
    ": error: row is longer than 4194304 bytes, the most CapEq reads in one row; it was skipped (fix: check "
    "that this is a CSV file and that every quoted field is closed (an unclosed quote runs on to the end of "
    "the file); shorten very long text)";

class ReliabilityLimits : public test::TempDirTest {};

TEST_F(ReliabilityLimits, HundredMegabyteFieldIsSkippedWithAClearErrorInBoundedMemory) {
    const fs::path file = tempDir() / "huge_field.csv";
    writeLarge(file, "a,b,c\n1,2,3\nx,", "y", 100 * kMiB, ",z\n4,5,6\n");
    const ReadResult result = readAll(file);
    EXPECT_EQ(result.records, (std::vector<std::string>{"1: a|b|c", "2: 1|2|3", "4: 4|5|6"}));
    EXPECT_EQ(result.problems, std::vector<std::string>{":3" + kOverlong});
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

TEST_F(ReliabilityLimits, HundredMegabyteQuotedFieldWithLineBreaksKeepsLineNumbers) {
    const fs::path file = tempDir() / "huge_quoted.csv";
    // 10 million quoted line breaks inside one field: the row after it starts 10,000,000 lines later.
    writeLarge(file, "a,b\n\"", "long text\n", 100'000'000, "\",end\nlast,row\n");
    const ReadResult result = readAll(file);
    EXPECT_EQ(result.records, (std::vector<std::string>{"1: a|b", "10000003: last|row"}));
    EXPECT_EQ(result.problems, std::vector<std::string>{":2" + kOverlong});
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

TEST_F(ReliabilityLimits, UnclosedQuoteDoesNotPullTheRestOfALargeFileIntoMemory) {
    const fs::path file = tempDir() / "unclosed.csv";
    writeLarge(file, "a,b,c\n1,\"oops,3\n", "4,5,6\n", 60 * kMiB, "");
    const ReadResult result = readAll(file);
    EXPECT_EQ(result.records, std::vector<std::string>{"1: a|b|c"});
    EXPECT_EQ(result.problems, std::vector<std::string>{":2" + kOverlong});
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

TEST_F(ReliabilityLimits, VeryLongLineOfManyFieldsIsBounded) {
    const fs::path file = tempDir() / "wide.csv";
    writeLarge(file, "a\n", "1,", 50 * kMiB, "\n2\n");
    const ReadResult result = readAll(file);
    EXPECT_EQ(result.records, (std::vector<std::string>{"1: a", "3: 2"}));
    EXPECT_EQ(result.problems, std::vector<std::string>{":2" + kOverlong});
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

TEST_F(ReliabilityLimits, RowJustUnderTheLimitIsRead) {
    const fs::path file = tempDir() / "just_under.csv";
    // 4 MiB exactly, line end included.
    writeLarge(file, "a\n", "z", kDefaultMaxCsvRecordBytes - 1, "\n");
    const ReadResult result = readAll(file);
    EXPECT_EQ(result.errorCount, 0u);
    ASSERT_EQ(result.records.size(), 2u);
    EXPECT_EQ(result.records[1], "2: zzzzzzzzzzzzzzzzzzzz");
}

TEST_F(ReliabilityLimits, MalformedRowNearTheEndOfThreeMillionRowsIsFoundByLineInBoundedMemory) {
    const fs::path file = tempDir() / "three_million.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "indicator_id,area_code,group,value\n";
        std::string chunk;
        for (std::size_t row = 1; row <= 3'000'000; ++row) {
            if (row == 2'999'990)
                chunk += "crime_rate,E06000001,\"female\"x,12.5\n"; // text after a closing quote
            else
                chunk += "crime_rate,E06" + std::to_string(row) + ",female,12.5\n";
            if (chunk.size() > kMiB) {
                out << chunk;
                chunk.clear();
            }
        }
        out << chunk;
    }
    CsvReader reader(file);
    std::size_t records = 0;
    while (reader.next()) {
        ++records;
        reader.checkFieldCount(4);
    }
    EXPECT_EQ(records, 3'000'001u);
    ASSERT_EQ(reader.diagnostics().size(), 1u);
    EXPECT_EQ(formatDiagnostic(reader.diagnostics()[0]),
              file.string() + ":2999991:30: error: text after the closing quote of a quoted field (fix: "
                              "enclose the whole field in double quotes, and write a quote that is part of "
                              "the text twice (\"\"))");
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

// Writes a CapEq long-format file of rows valid rows (each its own area, so each is its own table with
// its whole-population row), with line badLine (0: none) replaced by a row with text after a closing quote.
void writeLongFile(const fs::path& file, std::size_t rows, std::size_t badLine) {
    std::ofstream out(file, std::ios::binary);
    out << "indicator_id,area_code,service_id,period,characteristic,group,value\n";
    std::string chunk;
    for (std::size_t line = 2; line <= rows + 1; ++line) {
        if (line == badLine)
            chunk += "crime_rate,\"E1\"x,police,2024,all,all,10\n";
        else
            chunk += "crime_rate,E" + std::to_string(10'000'000 + line) + ",police,2024,all,all,10\n";
        if (chunk.size() > kMiB) {
            out << chunk;
            chunk.clear();
        }
    }
    out << chunk;
}

TEST_F(ReliabilityLimits, MalformedRowNearTheEndOfALargeEvidenceFileIsReportedInBoundedMemory) {
    // 600,000 rows of 44 bytes, 26 MB. Kept as rows they would take some 450 MB: before the first pass kept
    // none, capeq validate peaked at 2.2 GB on a 3-million-row file (about 760 bytes a row).
    const fs::path file = tempDir() / "evidence.csv";
    writeLongFile(file, 600'000, 599'990);
    ASSERT_GT(fs::file_size(file), kCheckFirstAboveBytes);
    const Catalogue catalogue = test::evidenceTestCatalogue();
    // Read in a child process, so its peak memory is this read's alone (wait4 reports it). The child starts
    // with this process's resident pages (large under AddressSanitizer), so its growth is measured from
    // this process's peak so far.
    const std::size_t parentPeak = peakRssBytes();
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        std::string message = "(no error)";
        try {
            readEvidenceFile(file, catalogue);
        } catch (const InputError& error) {
            message = formatDiagnostic(error.diagnostics().at(0)) + " [" +
                      std::to_string(error.diagnostics().size()) + " problems]";
        } catch (...) {
            message = "(another exception)";
        }
        (void)!::write(pipeFds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n = 0; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    rusage usage{};
    ASSERT_EQ(::wait4(child, &status, 0, &usage), child);
    EXPECT_EQ(message, file.string() +
                           ":599990:16: error: text after the closing quote of a quoted field (fix: enclose "
                           "the whole field in double quotes, and write a quote that is part of the text "
                           "twice (\"\")) [1 problems]");
    const std::size_t childPeak = static_cast<std::size_t>(usage.ru_maxrss) * 1024u;
    RecordProperty("peak_rss_mib", static_cast<int>(childPeak / kMiB));
    // The child's own growth: the reader's buffers, not the rows (4 MiB measured in a Debug build; the rows
    // would take some 450 MB). AddressSanitizer's shadow memory and quarantine add to it.
#ifdef CAPEQ_TEST_UNDER_ASAN
    constexpr std::size_t kGrowthBudget = 128 * kMiB;
#else
    constexpr std::size_t kGrowthBudget = 64 * kMiB;
#endif
    EXPECT_LT(childPeak, parentPeak + kGrowthBudget);
}

TEST_F(ReliabilityLimits, EvidenceFileReadInTwoPassesKeepsEveryRowOnce) {
    const fs::path file = tempDir() / "evidence.csv";
    writeLongFile(file, 20'000, 0);
    const Catalogue catalogue = test::evidenceTestCatalogue();
    ReadOptions twice;
    twice.checkFirstAboveBytes = 0; // as for a large file, without the time to read one
    const EvidenceSet set = readEvidenceFile(file, catalogue, twice);
    ASSERT_EQ(set.rows.size(), 20'000u);
    EXPECT_EQ(set.rows.front().area.str(), "E10000002");
    EXPECT_EQ(set.rows.front().location.line, 2u);
    EXPECT_EQ(set.rows.back().area.str(), "E10020001");
    EXPECT_EQ(set.rows.back().location.line, 20'001u);
    EXPECT_EQ(set.columnsUsed.size(), 7u);
    EXPECT_TRUE(set.warnings.empty());
    EXPECT_FALSE(validateEvidence(set, catalogue).hasErrors());
    // A problem is found by the first pass, with the same message as in one pass.
    writeLongFile(file, 20'000, 19'000);
    const auto firstMessage = [&](const ReadOptions& options) {
        try {
            readEvidenceFile(file, catalogue, options);
        } catch (const InputError& error) {
            return formatDiagnostic(error.diagnostics().at(0));
        }
        return std::string("(read)");
    };
    EXPECT_EQ(firstMessage(twice), firstMessage(ReadOptions{}));
    EXPECT_EQ(firstMessage(twice).rfind(file.string() + ":19000:16: error: text after the closing quote", 0),
              0u);
}

TEST_F(ReliabilityLimits, FiftyThousandGroupsAreReadAndValidated) {
    // An open code list (area) accepts any group code: a file may hold one row per small area.
    const fs::path file = tempDir() / "many_groups.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "indicator_id,area_code,service_id,period,characteristic,group,value\n"
               "crime_rate,E1,police,2024,all,all,10\n";
        for (int group = 0; group < 50'000; ++group)
            out << "crime_rate,E1,police,2024,area,E" << 1'000'000 + group << ",10\n";
    }
    const Catalogue catalogue = test::evidenceTestCatalogue();
    const EvidenceSet set = readEvidenceFile(file, catalogue);
    EXPECT_EQ(set.rows.size(), 50'001u);
    EXPECT_FALSE(validateEvidence(set, catalogue).hasErrors());
    EXPECT_LT(peakRssBytes(), kMemoryBudget);
}

std::string sealed(const std::string& content) {
    return "CAPEQ-ASSESSMENT 1\nsha256 " + sha256Hex(content) + "\nbytes " + std::to_string(content.size()) +
           "\n" + content;
}

std::string decodeError(const std::string& bytes) {
    try {
        decodeAssessment(bytes, "deep.capeq");
    } catch (const InputError& error) {
        return formatDiagnostic(error.diagnostics().front());
    }
    return "(opened)";
}

TEST(ReliabilityAssessmentLimits, DeeplyNestedXmlIsAClearErrorNotAStackOverflow) {
    const std::string prologue = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n"
                                 "<!DOCTYPE boost_serialization>\n"
                                 "<boost_serialization signature=\"serialization::archive\" version=\"19\">\n"
                                 "<assessment class_id=\"0\" tracking_level=\"0\" version=\"1\">\n";
    std::string nested;
    for (int depth = 0; depth < 200'000; ++depth)
        nested += "<metadata>";
    const std::string message = decodeError(sealed(prologue + nested));
    EXPECT_EQ(message.rfind("deep.capeq: error: the file's content", 0), 0u) << message;
    std::string comments;
    for (int depth = 0; depth < 200'000; ++depth)
        comments += "<!-- <a> -->";
    const std::string second = decodeError(sealed(prologue + comments));
    EXPECT_EQ(second.rfind("deep.capeq: error: the file's content", 0), 0u) << second;
}

TEST(ReliabilityAssessmentLimits, HugeStringLengthsAndCountsAreRefused) {
    EXPECT_EQ(
        decodeError("CAPEQ-ASSESSMENT 1\nsha256 0\nbytes 99999999999999999999\n"),
        "deep.capeq: error: the file's header is damaged (bad size '99999999999999999999') (fix: restore "
        "the file from a backup or the autosave copy)");
    EXPECT_EQ(decodeError("CAPEQ-ASSESSMENT 1\nsha256 0\nbytes 9999999999\nabc"),
              "deep.capeq: error: the file is truncated: 3 of 9999999999 bytes of content are present (fix: "
              "restore the file from a backup or the autosave copy)");
}

} // namespace
} // namespace capeq
