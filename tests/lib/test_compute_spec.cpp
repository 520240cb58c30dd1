// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_spec.hpp>
#include <capeq/compute/decimal_parser.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq::compute {

namespace {

std::vector<std::string> errorsOf(const std::string& text) {
    try {
        parseComputeSpec(text, "bad.spec");
    } catch (const InputError& error) {
        std::vector<std::string> messages;
        for (const Diagnostic& diagnostic : error.diagnostics())
            messages.push_back(formatDiagnostic(diagnostic));
        return messages;
    }
    return {};
}

} // namespace

TEST(ComputeSpec, ReadsTheExampleSpec) {
    const ComputeSpec spec = readComputeSpec(test::testDataDir() / "compute" / "example.spec");
    EXPECT_EQ(spec.weightColumn, "weight");
    EXPECT_EQ(spec.missing, std::vector<std::string>{"-9"});
    EXPECT_EQ(spec.period, "2024");
    ASSERT_EQ(spec.indicators.size(), 4U);
    EXPECT_EQ(spec.indicators[1].id, "ind17_high");
    EXPECT_EQ(spec.indicators[1].kind, IndicatorKind::Proportion);
    ASSERT_TRUE(spec.indicators[1].filter);
    EXPECT_EQ(spec.indicators[1].filter->column, "age_band");
    EXPECT_TRUE(spec.indicators[1].filter->condition.matches("25-34"));
    EXPECT_FALSE(spec.indicators[1].filter->condition.matches("16-24"));
    EXPECT_TRUE(spec.indicators[1].numerator->matches("8"));
    EXPECT_TRUE(spec.indicators[1].numerator->matches("10.0"));
    EXPECT_FALSE(spec.indicators[1].numerator->matches("7"));
    ASSERT_EQ(spec.characteristics.size(), 4U);
    ASSERT_EQ(spec.characteristics[1].groups.size(), 3U);
    EXPECT_EQ(spec.characteristics[1].groups[0].code, "16-34");
    EXPECT_EQ(spec.characteristics[1].groups[0].sources, (std::vector<std::string>{"16-24", "25-34"}));
    EXPECT_EQ(spec.characteristics[0].groups[1].sources, std::vector<std::string>{"male"});
    ASSERT_EQ(spec.intersections.size(), 1U);
    EXPECT_EQ(spec.intersectionId(spec.intersections[0]), "sex*ethnicity");
}

TEST(ComputeSpec, ReportsEveryProblemWithItsLine) {
    const std::string text = "[compute]\n"
                             "weight = w\n"
                             "intersection = sex*colour\n"
                             "colour = blue\n"
                             "[indicator a]\n"
                             "column = x\n"
                             "kind = proportion\n"
                             "[indicator b]\n"
                             "kind = median\n"
                             "column = y\n"
                             "filter = age ~ 3\n"
                             "[characteristic sex]\n"
                             "column = s\n"
                             "group = f | 1\n"
                             "group = m | 1\n";
    const std::vector<std::string> errors = errorsOf(text);
    EXPECT_EQ(errors,
              (std::vector<std::string>{
                  "bad.spec:4:1: error: unknown key 'colour' [colour] (fix: keys allowed here: weight, "
                  "missing, area, service, period, intersection)",
                  "bad.spec:5:12: error: proportion 'a' has no numerator condition [numerator] (fix: add "
                  "e.g. 'numerator = = 1' (which values count as yes))",
                  "bad.spec:9:8: error: unknown kind 'median' [kind] (fix: write 'kind = proportion' or "
                  "'kind = mean')",
                  "bad.spec:11:10: error: '~ 3' does not start with =, !=, <, <=, >, >=, in or not in "
                  "[filter] (fix: write e.g. 'filter = age_band != 16-24')",
                  "bad.spec:15:9: error: source value '1' is mapped to two groups [group] (fix: map each "
                  "source value to one group)",
                  "bad.spec:3:16: error: 'colour' is not a characteristic of this spec [intersection] "
                  "(fix: define [characteristic colour] or correct the name)"}));
}

TEST(ComputeSpec, NeedsAWeightAndAnIndicator) {
    EXPECT_EQ(errorsOf("[characteristic sex]\ncolumn = sex\n"),
              (std::vector<std::string>{
                  "bad.spec: error: no weight column is given [weight] (fix: add 'weight = COLUMN' to the "
                  "[compute] section)",
                  "bad.spec: error: the spec defines no indicator (fix: add an [indicator ID] section)"}));
}

TEST(ComputeSpec, ConditionsCompareNumbersOrText) {
    std::string problem;
    const auto in = Condition::parse("in 1, 2", problem);
    ASSERT_TRUE(in) << problem;
    EXPECT_TRUE(in->matches("2.0"));
    EXPECT_FALSE(in->matches("3"));
    EXPECT_FALSE(in->matches("yes"));
    const auto notIn = Condition::parse("not in a, b", problem);
    ASSERT_TRUE(notIn) << problem;
    EXPECT_FALSE(notIn->matches("a"));
    EXPECT_TRUE(notIn->matches("c"));
    EXPECT_FALSE(Condition::parse("< abc", problem));
    EXPECT_EQ(problem, "'abc' is not a number, and <, <=, > and >= compare numbers");
    EXPECT_FALSE(Condition::parse("= 1, 2", problem));
    EXPECT_EQ(problem, "only 'in' and 'not in' take a list of values");
}

TEST(ComputeSpec, DecimalParserMatchesFromChars) {
    double value = 0.0;
    for (const char* text : {"0", "1783.55", "-3", "+.5", "1.", "0.1", "123456789012345", "1e-3", "2.5E+4",
                             "1234567890123456789", "0.30000000000000004"}) {
        ASSERT_TRUE(parseDecimal(text, value)) << text;
        EXPECT_EQ(value, std::strtod(text, nullptr)) << text;
    }
    for (const char* text : {"", "-", ".", "abc", "1,5", " 1", "1 ", "nan", "inf", "+-1", "1e400", "0x10"})
        EXPECT_FALSE(parseDecimal(text, value)) << text;
}

} // namespace capeq::compute
