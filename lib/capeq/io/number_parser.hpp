// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capeq {

/// What a number cell may look like beyond plain decimal notation.
struct NumberFormat {
    bool allowThousandsSeparators = false; ///< accept "29,919" (published tables often write counts so)
};

/// The outcome of parsing one cell: a value, nothing (empty cell), or a problem in words.
struct ParsedNumber {
    std::optional<double> value; ///< absent for an empty cell or on a problem
    std::string problem; ///< empty when the text was a number or empty; else e.g. "not a number: 'abc'"
    bool ok() const noexcept { return problem.empty(); }
};

/// Parses decimal text such as "12.5", "-3", "1e-3", ".5" (surrounding spaces ignored; locale-independent,
/// std::from_chars based). Rejects infinities, NaN, hex, a decimal comma and trailing text, saying which.
ParsedNumber parseNumber(std::string_view text, NumberFormat format = {});

/// The hint that goes with any parseNumber problem.
inline constexpr std::string_view kNumberHint =
    "write a decimal number with a point, such as 12.5, or leave the cell empty";

} // namespace capeq
