// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/decimal_parser.hpp>

#include <charconv>
#include <cmath>

namespace capeq::compute::detail {

bool parseDecimalSlow(std::string_view text, double& out) noexcept {
    const char* first = text.data();
    const char* const last = first + text.size();
    const bool plus = first != last && *first == '+';
    if (plus)
        ++first;
    if (first == last || *first == ' ' || (plus && (*first == '-' || *first == '+')))
        return false;
    double value = 0.0;
    const auto [stop, error] = std::from_chars(first, last, value, std::chars_format::general);
    if (error != std::errc() || stop != last || !std::isfinite(value))
        return false;
    out = value;
    return true;
}

} // namespace capeq::compute::detail
