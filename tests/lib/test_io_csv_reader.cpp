// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/csv_reader.hpp>

#include <gtest/gtest.h>
#include <sstream>

namespace capeq {

namespace {

struct Read {
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::vector<std::string> problems;
    TextEncoding encoding = TextEncoding::Utf8;
};

// Small chunks make every record cross a buffer boundary somewhere.
Read readAll(const std::string& bytes, CsvOptions options = {}, std::size_t chunk = 3) {
    std::istringstream input(bytes);
    options.chunkBytes = chunk;
    CsvReader reader(input, "t.csv", options);
    Read result;
    while (reader.next()) {
        result.records.emplace_back(reader.fields().begin(), reader.fields().end());
        result.lines.push_back(reader.line());
    }
    for (const Diagnostic& d : reader.diagnostics())
        result.problems.push_back(formatDiagnostic(d));
    result.encoding = reader.encoding();
    return result;
}

using Rows = std::vector<std::vector<std::string>>;

} // namespace

TEST(CsvReader, ReadsPlainRecordsWithAnyChunkSize) {
    for (std::size_t chunk : {1u, 2u, 5u, 64u, 65536u}) {
        const Read r = readAll("a,b,c\n1,2,3\n", {}, chunk);
        EXPECT_EQ(r.records, (Rows{{"a", "b", "c"}, {"1", "2", "3"}})) << chunk;
        EXPECT_TRUE(r.problems.empty());
    }
}

TEST(CsvReader, QuotedFieldsDoubledQuotesAndEmbeddedCrlf) {
    const Read r = readAll("x,y\r\n\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,\"\"\r\n");
    EXPECT_EQ(r.records, (Rows{{"x", "y"}, {"he said \"hi\"", "two\r\nlines"}, {"last", ""}}));
    EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2, 4}));
}

TEST(CsvReader, CrOnlyAndMissingFinalNewline) {
    const Read r = readAll("a,b\r1,2\r3,4");
    EXPECT_EQ(r.records, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(CsvReader, SkipsBomAndEmptyLinesButCountsThem) {
    const Read r = readAll("\xEF\xBB\xBFid,v\n\n\n1,2\n");
    EXPECT_EQ(r.records, (Rows{{"id", "v"}, {"1", "2"}}));
    EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 4}));
}

TEST(CsvReader, TrailingDelimiterGivesEmptyLastField) {
    EXPECT_EQ(readAll("a,b,\n").records, (Rows{{"a", "b", ""}}));
}

TEST(CsvReader, DetectsWindows1252AndConvertsPoundSign) {
    const Read r = readAll("income\n\"Less than \xA3"
                           "10,000\"\n");
    EXPECT_EQ(r.encoding, TextEncoding::Windows1252);
    EXPECT_EQ(r.records[1][0], "Less than \xC2\xA3"
                               "10,000");
    // 0x80 is the euro sign in Windows-1252 (U+20AC).
    EXPECT_EQ(readAll("\x80\n").records[0][0], "\xE2\x82\xAC");
}

TEST(CsvReader, KeepsValidUtf8AsUtf8) {
    const Read r = readAll("caf\xC3\xA9,\xC2\xA3\n");
    EXPECT_EQ(r.encoding, TextEncoding::Utf8);
    EXPECT_EQ(r.records[0], (std::vector<std::string>{"caf\xC3\xA9", "\xC2\xA3"}));
}

TEST(CsvReader, ForcedWindows1252ReadsBytesThatLookLikeUtf8) {
    CsvOptions options;
    options.encoding = TextEncoding::Windows1252;
    EXPECT_EQ(readAll("\xC3\xA9\n", options).records[0][0], "\xC3\x83\xC2\xA9");
}

TEST(CsvReader, InvalidUtf8AfterUtf8IsReportedWithLineAndColumn) {
    const Read r = readAll("\xC3\xA9\nab\xA3\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0],
              "t.csv:2:3: error: text is not valid UTF-8 (byte 0xA3) (fix: save the file as UTF-8, "
              "or read it as Windows-1252 (--encoding windows-1252))");
}

TEST(CsvReader, StrayQuoteReportsLineAndColumnAndKeepsReading) {
    const Read r = readAll("a,b\nxy,ab\"c\n1,2\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0],
              "t.csv:2:6: error: stray quote in an unquoted field (fix: enclose the whole field in "
              "double quotes and write each quote inside it twice (\"\"))");
    EXPECT_EQ(r.records.size(), 3u);
    EXPECT_EQ(r.records[2], (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReader, TextAfterClosingQuote) {
    const Read r = readAll("a\n\"one\nx\"y\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0],
              "t.csv:3:3: error: text after the closing quote of a quoted field (fix: enclose the "
              "whole field in double quotes, and write a quote that is part of the text twice (\"\"))");
    EXPECT_EQ(r.records[1][0], "one\nxy");
}

TEST(CsvReader, UnclosedQuoteIsReportedAtTheOpeningQuote) {
    const Read r = readAll("a,b\n1,\"never\nclosed\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0], "t.csv:2:3: error: quoted field is never closed (fix: add the closing double "
                             "quote at the end of the field)");
}

TEST(CsvReader, RaggedRowNamesExpectedAndActualCounts) {
    std::istringstream input("a,b,c\n1,2\n");
    CsvReader reader(input, "t.csv");
    ASSERT_TRUE(reader.next());
    ASSERT_TRUE(reader.next());
    EXPECT_FALSE(reader.checkFieldCount(3));
    ASSERT_EQ(reader.diagnostics().size(), 1u);
    EXPECT_EQ(formatDiagnostic(reader.diagnostics()[0]),
              "t.csv:2: error: row has 2 fields but the header has 3 (fix: a comma is missing or extra; "
              "enclose any "
              "field that contains a comma in double quotes)");
}

TEST(CsvReader, EmptyInputAndHeaderOnly) {
    EXPECT_TRUE(readAll("").records.empty());
    EXPECT_TRUE(readAll("\n\r\n").records.empty());
    EXPECT_EQ(readAll("a,b\n").records, (Rows{{"a", "b"}}));
}

TEST(CsvReader, ReportsAMalformedRowNearTheEndOfALongFileByLineNumber) {
    std::string text = "id,value\n";
    for (int i = 0; i < 200000; ++i)
        text += std::to_string(i) + ",\"" + std::to_string(i) + ".5\"\n";
    text += "bad,1\"2\n";
    std::istringstream input(text);
    CsvReader reader(input, "big.csv");
    std::size_t records = 0;
    while (reader.next())
        ++records;
    EXPECT_EQ(records, 200002u);
    ASSERT_EQ(reader.diagnostics().size(), 1u);
    EXPECT_EQ(reader.diagnostics()[0].where.line, 200002u);
    EXPECT_EQ(reader.diagnostics()[0].where.column, 6u);
}

TEST(CsvReader, MissingFileThrowsInputError) {
    EXPECT_THROW(CsvReader("/nonexistent/x.csv"), InputError);
}

} // namespace capeq
