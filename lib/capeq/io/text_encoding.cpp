// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/text_encoding.hpp>

#include <array>
#include <cctype>

namespace capeq {

namespace {

// Unicode code points of Windows-1252 bytes 0x80..0x9F; the rest of the code page equals Latin-1.
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendCodePoint(char32_t code, std::string& out) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

std::string lower(std::string_view text) {
    std::string result;
    for (const char c : text)
        result.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return result;
}

} // namespace

std::string_view toString(TextEncoding encoding) {
    return encoding == TextEncoding::Utf8 ? "utf-8" : "windows-1252";
}

std::optional<TextEncoding> parseTextEncoding(std::string_view name) {
    const std::string key = lower(name);
    if (key == "utf-8" || key == "utf8")
        return TextEncoding::Utf8;
    if (key == "windows-1252" || key == "cp1252" || key == "windows1252")
        return TextEncoding::Windows1252;
    return std::nullopt;
}

int utf8SequenceLength(std::string_view bytes) noexcept {
    if (bytes.empty())
        return -1;
    const auto lead = static_cast<unsigned char>(bytes[0]);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char minSecond = 0x80;
    unsigned char maxSecond = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            minSecond = 0xA0; // no overlong forms
        if (lead == 0xED)
            maxSecond = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            minSecond = 0x90;
        if (lead == 0xF4)
            maxSecond = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        if (static_cast<std::size_t>(i) >= bytes.size())
            return -1;
        const auto byte = static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
        const unsigned char lo = i == 1 ? minSecond : 0x80;
        const unsigned char hi = i == 1 ? maxSecond : 0xBF;
        if (byte < lo || byte > hi)
            return 0;
    }
    return length;
}

void appendWindows1252AsUtf8(unsigned char byte, std::string& out) {
    if (byte >= 0x80 && byte <= 0x9F)
        appendCodePoint(kHighControls[byte - 0x80], out);
    else
        appendCodePoint(byte, out);
}

} // namespace capeq
