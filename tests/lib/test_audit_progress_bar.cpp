// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/progress_bar.hpp>

#include <gtest/gtest.h>
#include <sstream>

namespace capeq::audit {
namespace {

TEST(AuditProgressBar, DrawsOnATerminalOnly) {
    std::ostringstream terminal;
    ProgressBar bar(terminal, true, 4);
    bar.update(1); // 1 x 40 / 4 = 10 of 40 cells
    bar.update(4);
    bar.finish();
    EXPECT_EQ(terminal.str(), "\rAuditing [" + std::string(10, '#') + std::string(30, '.') + "] 1/4" +
                                  "\rAuditing [" + std::string(40, '#') + "] 4/4\n");

    std::ostringstream piped;
    ProgressBar quiet(piped, false, 4);
    quiet.update(1);
    quiet.update(4);
    quiet.finish();
    EXPECT_TRUE(piped.str().empty());
}

TEST(AuditProgressBar, RedrawsOnlyWhenTheBarMoves) {
    std::ostringstream terminal;
    ProgressBar bar(terminal, true, 400);
    bar.update(1);  // 0 cells: drawn (first)
    bar.update(2);  // still 0 cells: not redrawn
    bar.update(10); // 1 cell: drawn
    EXPECT_EQ(terminal.str(), "\rAuditing [" + std::string(40, '.') + "] 1/400" + "\rAuditing [#" +
                                  std::string(39, '.') + "] 10/400");
}

} // namespace
} // namespace capeq::audit
