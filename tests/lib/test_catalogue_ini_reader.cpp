// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/ini_reader.hpp>

#include <gtest/gtest.h>

namespace capeq {

namespace {
std::vector<std::string> messages(const DiagnosticList& diagnostics) {
    std::vector<std::string> text;
    for (const Diagnostic& d : diagnostics.items())
        text.push_back(formatDiagnostic(d));
    return text;
}
} // namespace

TEST(IniReader, ReadsSectionsEntriesAndPositions) {
    DiagnosticList diagnostics;
    const IniDocument doc = parseIni("# comment\n; also a comment\n\n[indicator life_x]\ntitle  =  Life  \n"
                                     "unit=%\n[framework]\nname = F\n",
                                     "a.ini", diagnostics);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(doc.sections.size(), 2u);
    const IniSection& s = doc.sections[0];
    EXPECT_EQ(s.type, "indicator");
    EXPECT_EQ(s.name, "life_x");
    EXPECT_EQ(s.line, 4u);
    EXPECT_EQ(s.nameColumn, 12u); // "[indicator " is 11 characters
    ASSERT_EQ(s.entries.size(), 2u);
    EXPECT_EQ(s.entries[0].key, "title");
    EXPECT_EQ(s.entries[0].value, "Life");
    EXPECT_EQ(s.entries[0].line, 5u);
    EXPECT_EQ(s.entries[0].keyColumn, 1u);
    EXPECT_EQ(s.entries[0].valueColumn, 11u); // "title  =  " is 10 characters
    EXPECT_EQ(s.entries[1].value, "%");
    EXPECT_EQ(s.entries[1].valueColumn, 6u);
    EXPECT_EQ(doc.sections[1].type, "framework");
    EXPECT_TRUE(doc.sections[1].name.empty());
}

TEST(IniReader, JoinsIndentedContinuationLinesAndKeepsEqualsSignsInValues) {
    DiagnosticList diagnostics;
    const IniDocument doc = parseIni(
        "[a b]\ndescription = first part\n  second = part\n\tthird\nnext = x = y\n", "f.ini", diagnostics);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(doc.sections[0].entries.size(), 2u);
    EXPECT_EQ(doc.sections[0].entries[0].value, "first part second = part third");
    EXPECT_EQ(doc.sections[0].entries[1].value, "x = y");
}

TEST(IniReader, HandlesCrLfBomRepeatedKeysAndEmptyValues) {
    DiagnosticList diagnostics;
    const IniDocument doc = parseIni(
        "\xEF\xBB\xBF[a b]\r\nreferences = one\r\nreferences = two\r\nscale =\r\n", "f.ini", diagnostics);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(doc.sections.size(), 1u);
    const auto& entries = doc.sections[0].entries;
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1].value, "two");
    EXPECT_EQ(entries[2].value, "");
    EXPECT_EQ(entries[2].valueColumn, 8u); // one past the '='
}

TEST(IniReader, ReportsEveryMalformedLineAndKeepsGoing) {
    DiagnosticList diagnostics;
    const IniDocument doc = parseIni(
        "key = outside\n[a b\n[ok one]\njust words\nbad key! = 1\n[x y z]\ngood = 1\n", "m.ini", diagnostics);
    const std::vector<std::string> expected{
        "m.ini:1:1: error: key 'key' appears outside any [section] (fix: put it below a section header such "
        "as "
        "[indicator my_id])",
        "m.ini:2:1: error: section header has no closing ']' (fix: write the header as [type name])",
        "m.ini:4:1: error: line is not a [section] header, a 'key = value' pair or a comment (fix: write "
        "'key = "
        "value', or start a comment with '#')",
        "m.ini:5:1: error: 'bad key!' is not a valid key (fix: keys use only letters, digits and '_', e.g. "
        "'plain_language')",
        "m.ini:6:1: error: section header '[x y z]' is malformed (fix: write [type name] where name uses "
        "only "
        "letters, digits, '_', '-', '.' or '+')"};
    EXPECT_EQ(messages(diagnostics), expected);
    ASSERT_EQ(doc.sections.size(), 1u);
    EXPECT_EQ(doc.sections[0].name, "one");
    EXPECT_TRUE(doc.sections[0].entries.empty()); // "good = 1" follows the rejected header
}

TEST(IniReader, MissingFileIsOneError) {
    DiagnosticList diagnostics;
    const IniDocument doc = readIniFile("/nonexistent/capeq/x.ini", diagnostics);
    EXPECT_TRUE(doc.sections.empty());
    EXPECT_EQ(messages(diagnostics),
              std::vector<std::string>{"/nonexistent/capeq/x.ini: error: cannot open file "
                                       "(fix: check that the file exists and is readable)"});
}

} // namespace capeq
