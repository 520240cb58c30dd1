// SPDX-License-Identifier: Apache-2.0
// Hostile sizes give a clear error or a bounded-memory result, never an out-of-memory kill: a 100 MB
// field, an unclosed quote swallowing a large file, a malformed row near the end of three million rows,
// tens of thousands of groups, and deeply nested .capeq XML.
#include "test_evidence_catalogue.hpp"

#include <capeq/assessment/assessment_file.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/io/csv_reader.hpp>

#include <fstream>
#include <gtest/gtest.h>
#include <support/test_support.hpp>
#include <sys/resource.h>

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
