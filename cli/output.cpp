// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/explain.hpp>

#include <algorithm>
#include <cli/output.hpp>
#include <ostream>

namespace capeq::cli {

namespace {
// Display width of UTF-8 text: counts code points (continuation bytes do not start a character).
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
} // namespace

void TextTable::render(std::ostream& out, const std::string& indent) const {
    std::vector<std::size_t> widths(m_header.size(), 0);
    const auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    };
    measure(m_header);
    for (const auto& row : m_rows)
        measure(row);
    const auto print = [&](const std::vector<std::string>& row) {
        std::string line = indent;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string text = i < row.size() ? row[i] : std::string();
            line += text;
            if (i + 1 < widths.size())
                line += std::string(widths[i] - displayWidth(text) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    print(m_header);
    for (const auto& row : m_rows)
        print(row);
}

std::string cell(const std::optional<double>& value, int decimals) {
    return value ? formatNumber(*value, decimals) : "–";
}

} // namespace capeq::cli
