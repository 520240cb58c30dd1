// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/io/csv_writer.hpp>

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

using capeq::csvField;
using capeq::writeCsvRow;

/// An optional number for tables: formatted, or "–" when absent.
std::string cell(const std::optional<double>& value, int decimals = 1);

} // namespace capeq::cli
