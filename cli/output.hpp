// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace capeq::cli {

/// A plain-text table with left-aligned columns sized to their widest cell (UTF-8 aware).
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header)
        : m_header(std::move(header)) {}
    void addRow(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    bool empty() const { return m_rows.empty(); }
    void render(std::ostream& out, const std::string& indent = "") const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

/// A field quoted for RFC 4180 CSV when it holds a comma, quote, CR or LF.
std::string csvField(const std::string& text);
/// Writes one CSV record terminated by "\n".
void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields);

/// An optional number for tables: formatted, or "–" when absent.
std::string cell(const std::optional<double>& value, int decimals = 1);

} // namespace capeq::cli
