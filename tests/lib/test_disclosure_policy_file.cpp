// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq {
namespace {

class DisclosurePolicyFile : public test::TempDirTest {};

TEST_F(DisclosurePolicyFile, ShippedRulesLoad) {
    const DisclosurePolicy standard =
        loadDisclosurePolicy(test::sourceDir() / "indicators" / "disclosure" / "default.ini");
    EXPECT_EQ(standard.describe(), DisclosurePolicy{}.describe());
    const DisclosurePolicy strict =
        loadDisclosurePolicy(test::sourceDir() / "indicators" / "disclosure" / "strict.ini");
    EXPECT_EQ(strict.describe(),
              "primary: unweighted base < 30 or count 1-7; secondary: on (checked by linear algebra)");
    EXPECT_EQ(primarySuppression(strict, 25.0, 12.0), SuppressionReason::SmallBase);
    EXPECT_EQ(primarySuppression(strict, 300.0, 6.0), SuppressionReason::SmallCount);
}

TEST_F(DisclosurePolicyFile, ProblemsAreReportedWithLines) {
    const auto file = tempDir() / "bad.ini";
    test::writeFile(file, "[disclosure mine]\nminimum_base = ten\nsmall_count_high = 3\nsmall_count_low = 5\n"
                          "enabled = no\n");
    try {
        loadDisclosurePolicy(file);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 3u);
        EXPECT_EQ(
            formatDiagnostic(error.diagnostics()[0]),
            file.string() +
                ":2:16: error: 'ten' is not a number >= 0 [minimum_base] (fix: write a count such as 10)");
        EXPECT_EQ(formatDiagnostic(error.diagnostics()[1]),
                  file.string() + ":5:1: error: unknown key 'enabled' [enabled] (fix: use minimum_base, "
                                  "small_count_low, small_count_high or secondary)");
        EXPECT_EQ(formatDiagnostic(error.diagnostics()[2]),
                  file.string() + ":1: error: small_count_low is above small_count_high (fix: give the small "
                                  "counts as low <= high)");
    }
}

} // namespace
} // namespace capeq
