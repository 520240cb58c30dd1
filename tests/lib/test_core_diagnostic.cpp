// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>

#include <gtest/gtest.h>

namespace capeq {

TEST(Diagnostic, FormatsFileLineColumnFieldAndHint) {
    const Diagnostic d{Severity::Error, {"evidence.csv", 12, 7, "value"}, "not a number: 'abc'",
                       "write a decimal number such as 12.5"};
    EXPECT_EQ(formatDiagnostic(d),
              "evidence.csv:12:7: error: not a number: 'abc' [value] (fix: write a decimal number such as 12.5)");
}

TEST(Diagnostic, OmitsMissingParts) {
    const Diagnostic d{Severity::Warning, {"x.csv", 0, 0, ""}, "file is empty", ""};
    EXPECT_EQ(formatDiagnostic(d), "x.csv: warning: file is empty");
}

TEST(DiagnosticList, ThrowsOnlyWhenErrorsWithEveryDiagnostic) {
    DiagnosticList list;
    list.warning({"a.csv", 1, 1, ""}, "odd");
    EXPECT_NO_THROW(list.throwIfErrors());
    list.error({"a.csv", 2, 1, ""}, "bad");
    list.error({"a.csv", 3, 1, ""}, "worse");
    try {
        list.throwIfErrors();
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.diagnostics().size(), 3u);
        EXPECT_EQ(list.errorCount(), 2u);
        EXPECT_NE(std::string(error.what()).find("(and 2 more)"), std::string::npos);
    }
}

} // namespace capeq
