// SPDX-License-Identifier: Apache-2.0
// Reads the reference tables under tests/data/stats (CSV with a header; quoted fields allowed).
#pragma once

#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <support/test_support.hpp>
#include <vector>

namespace capeq::test {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name)
                return i;
        throw std::runtime_error("no column " + name);
    }
    std::optional<double> number(std::size_t row, const std::string& name) const {
        const std::string& text = rows.at(row).at(column(name));
        if (text.empty() || text == "NA")
            return std::nullopt;
        return std::stod(text);
    }
    const std::string& text(std::size_t row, const std::string& name) const {
        return rows.at(row).at(column(name));
    }
};

inline std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted)
            fields.emplace_back();
        else if (ch != '\r')
            fields.back() += ch;
    }
    return fields;
}

inline CsvTable readCsvTable(const std::string& relativePath) {
    std::istringstream in(readFile(testDataDir() / relativePath));
    CsvTable table;
    std::string line;
    std::getline(in, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) // some published CSVs start with a UTF-8 byte-order mark
        line.erase(0, 3);
    table.header = splitCsvLine(line);
    while (std::getline(in, line))
        if (!line.empty())
            table.rows.push_back(splitCsvLine(line));
    return table;
}

/// case -> quantity -> value, from tools/reference/*.R output.
inline std::map<std::string, std::map<std::string, double>> readReference(const std::string& relativePath) {
    const CsvTable table = readCsvTable(relativePath);
    std::map<std::string, std::map<std::string, double>> out;
    for (const auto& row : table.rows)
        out[row.at(0)][row.at(1)] = std::stod(row.at(2));
    return out;
}

} // namespace capeq::test
