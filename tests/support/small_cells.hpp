// SPDX-License-Identifier: Apache-2.0
// The small-cells table the no-disclosure tests feed through every output, and how they look for a figure.
#pragma once

#include <capeq/evidence/evidence.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace capeq::test {

/// One indicator's table in CapEq's long format: disabled (base 8) and black (base 9) break the default
/// rule (base < 10); without counts CapEq shows the values as given. 1349 - 1341 = 8 would give disabled's
/// base back from the margin. Every figure is distinctive, so finding one in an output is a leak.
extern const std::string kSmallCellsCsv;

/// The absolute value of number with exactly that many decimals ("%.*f").
std::string fixedDecimals(double number, int decimals);

/// Where needle occurs as a whole number in text (no digit just before or after it), or npos: "n = 9" is
/// not found in "n = 90", nor "37.1" in "37.15".
std::size_t findNumber(const std::string& text, const std::string& needle);

/// The exact figures of every suppressed row (value, SE, given limits, the 95% limits CapEq recomputes from
/// the SE) and its gap to every other value of its table: no chart may plot any of them.
std::vector<double> secretNumbers(const std::vector<EvidenceRow>& suppressed,
                                  const std::vector<EvidenceRow>& rows);

/// The texts that would betray a suppressed row: its figures to three and two decimals, its value to one,
/// its base as printed in text or a table cell, and gaps too large to match by chance to two.
std::vector<std::string> secretTexts(const std::vector<EvidenceRow>& suppressed,
                                     const std::vector<EvidenceRow>& rows);

} // namespace capeq::test
