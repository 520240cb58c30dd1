// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/number_parser.hpp>

#include <charconv>
#include <cmath>
#include <system_error>

namespace capeq {

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// "1,234" or "-12,345,678.5": digit groups of three after the first, the way counts are published.
bool hasThousandsGrouping(std::string_view text) {
    std::size_t i = (!text.empty() && text[0] == '-') ? 1 : 0;
    std::size_t lead = 0;
    while (i < text.size() && isDigit(text[i])) {
        ++i;
        ++lead;
    }
    if (lead == 0 || lead > 3 || i >= text.size() || text[i] != ',')
        return false;
    while (i < text.size() && text[i] == ',') {
        ++i;
        for (int k = 0; k < 3; ++k, ++i)
            if (i >= text.size() || !isDigit(text[i]))
                return false;
    }
    if (i == text.size())
        return true;
    if (text[i] != '.')
        return false;
    ++i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i == text.size();
}

ParsedNumber problem(std::string what, std::string_view text) {
    return {std::nullopt, std::move(what) + ": '" + std::string(text) + "'"};
}

} // namespace

ParsedNumber parseNumber(std::string_view rawText, NumberFormat format) {
    const std::string_view text = trim(rawText);
    if (text.empty())
        return {};
    std::string withoutCommas;
    std::string_view digits = text;
    if (text.find(',') != std::string_view::npos) {
        if (!hasThousandsGrouping(text)) {
            const bool decimalComma = text.find('.') == std::string_view::npos && text.find(',') > 0 &&
                                      text.find(',') == text.rfind(',');
            return problem(decimalComma ? "decimal comma in a number" : "not a number", text);
        }
        if (!format.allowThousandsSeparators)
            return problem("thousands separator in a number", text);
        for (const char c : text)
            if (c != ',')
                withoutCommas.push_back(c);
        digits = withoutCommas;
    }
    // from_chars would accept "inf", "nan" and "1e5" alike; only the first two are refused here.
    const char first = digits[0] == '-' ? (digits.size() > 1 ? digits[1] : '\0') : digits[0];
    if (!isDigit(first) && first != '.')
        return problem("not a number", text);
    double value = 0.0;
    const char* begin = digits.data();
    const char* end = digits.data() + digits.size();
    const auto [ptr, error] = std::from_chars(begin, end, value, std::chars_format::general);
    if (error == std::errc::result_out_of_range)
        return problem("number out of range", text);
    if (error != std::errc{} || ptr == begin)
        return problem("not a number", text);
    if (ptr != end)
        return problem("unexpected text after a number", text);
    if (!std::isfinite(value))
        return problem("number out of range", text);
    return {value, {}};
}

} // namespace capeq
