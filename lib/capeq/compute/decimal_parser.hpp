// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>

namespace capeq::compute {

/// Parses a whole cell as a finite decimal number ("12.5", "-3", "1e-3", "+.5"), locale-independent.
/// Returns false (out untouched) for anything else: empty text, spaces, NaN, infinities, trailing text.
/// The result is the correctly rounded double, identical to std::from_chars.
bool parseDecimal(std::string_view text, double& out) noexcept;

namespace detail {
/// Exact powers of ten: every one up to 1e22 is representable, which makes the fast path exact.
inline constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
bool parseDecimalSlow(std::string_view text, double& out) noexcept;
} // namespace detail

// Inline because it runs once per cell in the compute hot loop. Plain decimals with at most 15 significant
// digits take the fast path: the digits form an integer m < 2^53 and m / 10^k is one correctly rounded
// division of two exact doubles (Clinger's fast path); everything else goes to std::from_chars.
inline bool parseDecimal(std::string_view text, double& out) noexcept {
    const char* p = text.data();
    const char* const end = p + text.size();
    if (p == end)
        return false;
    const bool negative = *p == '-';
    if (negative || *p == '+')
        ++p;
    std::uint64_t mantissa = 0;
    int digits = 0;
    int fraction = 0;
    while (p != end && static_cast<unsigned>(*p - '0') < 10U) {
        mantissa = mantissa * 10U + static_cast<unsigned>(*p - '0');
        ++p;
        ++digits;
    }
    if (p != end && *p == '.') {
        ++p;
        while (p != end && static_cast<unsigned>(*p - '0') < 10U) {
            mantissa = mantissa * 10U + static_cast<unsigned>(*p - '0');
            ++p;
            ++digits;
            ++fraction;
        }
    }
    if (p == end && digits > 0 && digits <= 15) {
        const double magnitude = static_cast<double>(mantissa) / detail::kPowersOfTen[fraction];
        out = negative ? -magnitude : magnitude;
        return true;
    }
    return detail::parseDecimalSlow(text, out);
}

} // namespace capeq::compute
