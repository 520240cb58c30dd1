// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/number_parser.hpp>

#include <gtest/gtest.h>

namespace capeq {

TEST(NumberParser, ParsesDecimalForms) {
    EXPECT_DOUBLE_EQ(*parseNumber("12.5").value, 12.5);
    EXPECT_DOUBLE_EQ(*parseNumber(" -3 ").value, -3.0);
    EXPECT_DOUBLE_EQ(*parseNumber("1e-3").value, 0.001);
    EXPECT_DOUBLE_EQ(*parseNumber(".5").value, 0.5);
    EXPECT_DOUBLE_EQ(*parseNumber("94.7261896202678").value, 94.7261896202678);
}

TEST(NumberParser, EmptyIsAbsentNotAProblem) {
    const ParsedNumber empty = parseNumber("  ");
    EXPECT_TRUE(empty.ok());
    EXPECT_FALSE(empty.value.has_value());
}

TEST(NumberParser, SaysWhatIsWrong) {
    EXPECT_EQ(parseNumber("abc").problem, "not a number: 'abc'");
    EXPECT_EQ(parseNumber("12 kg").problem, "unexpected text after a number: '12 kg'");
    EXPECT_EQ(parseNumber("12,5").problem, "decimal comma in a number: '12,5'");
    EXPECT_EQ(parseNumber("1,234").problem, "thousands separator in a number: '1,234'");
    EXPECT_EQ(parseNumber("inf").problem, "not a number: 'inf'");
    EXPECT_EQ(parseNumber("nan").problem, "not a number: 'nan'");
    EXPECT_EQ(parseNumber("1e999").problem, "number out of range: '1e999'");
    EXPECT_EQ(parseNumber("1.2.3").problem, "unexpected text after a number: '1.2.3'");
}

TEST(NumberParser, ThousandsSeparatorsWhenAllowed) {
    EXPECT_DOUBLE_EQ(*parseNumber("29,919", {true}).value, 29919.0);
    EXPECT_DOUBLE_EQ(*parseNumber("1,234,567.5", {true}).value, 1234567.5);
    EXPECT_EQ(parseNumber("12,34", {true}).problem, "decimal comma in a number: '12,34'");
}

} // namespace capeq
