// SPDX-License-Identifier: Apache-2.0
// Shared by the scale unit tests and the CLI test: microdata CSV into a SQLite table, and the comparison of
// two sets of estimates (pushed down vs in process).
#pragma once

#include <capeq/evidence/evidence.hpp>
#include <capeq/scale/sql_engine.hpp>
#include <capeq/store/sqlite.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

namespace capeq::test {

/// tests/scale/data in the source tree.
inline std::filesystem::path scaleDataDir() {
    return std::filesystem::path(CAPEQ_SOURCE_DIR) / "tests" / "scale" / "data";
}

/// Loads a simple CSV (no quoted fields) into table as TEXT columns, empty cells as NULL: the data as a
/// warehouse loader would leave it.
inline void loadCsvIntoSqlite(const std::filesystem::path& csv, const std::filesystem::path& database,
                              const std::string& table) {
    const auto split = [](const std::string& line) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            fields.push_back(line.substr(start, comma - start));
            if (comma == std::string::npos)
                return fields;
            start = comma + 1;
        }
    };
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line);
    sqlite::Connection connection(database);
    std::string create = "CREATE TABLE \"" + table + "\" (";
    std::string insert = "INSERT INTO \"" + table + "\" VALUES (";
    for (std::size_t i = 0; i < header.size(); ++i) {
        create += (i == 0 ? "\"" : ", \"") + header[i] + "\" TEXT";
        insert += (i == 0 ? "?" : ", ?");
    }
    connection.exec(create + ")");
    sqlite::Transaction transaction(connection);
    sqlite::Statement statement(connection, insert + ")");
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = split(line);
        for (std::size_t i = 0; i < fields.size(); ++i)
            statement.bindTextOrNull(static_cast<int>(i + 1), fields[i]);
        statement.run();
    }
    transaction.commit();
}

/// How an engine's CSV export of the sums query's result can differ from the plain form.
struct ExportStyle {
    std::string null; ///< how NULL is written: "" (BigQuery, Trino), "\\N" or "NULL" (Spark, Hive)
    bool upperCaseHeader = false; ///< an engine that upper-cases unquoted names
    bool reverseColumns = false;  ///< columns in another order than the query's
    bool exponentNumbers = false; ///< numbers as 1.2345678901234567E+03 (17 significant digits)
    bool quoteAll = false;        ///< every field in double quotes
    bool crlf = false;            ///< Windows line ends
};

/// Writes a query result as an engine's CSV export would, in the given style. Group codes (k_ columns) and
/// spec_sha stay text; other numbers are rewritten only when exponentNumbers asks for it.
inline void writeResultCsv(const scale::ResultTable& result, const std::filesystem::path& file,
                           const ExportStyle& style) {
    std::vector<std::size_t> order(result.columns.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = style.reverseColumns ? order.size() - 1 - i : i;
    const auto field = [&](std::string text) {
        if (!style.quoteAll)
            return text;
        std::string quoted = "\"";
        for (const char c : text)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
    };
    const std::string end = style.crlf ? "\r\n" : "\n";
    std::string text;
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::string name = result.columns[order[i]];
        if (style.upperCaseHeader)
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        text += (i == 0 ? "" : ",") + field(name);
    }
    text += end;
    for (const auto& row : result.rows) {
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::string& column = result.columns[order[i]];
            const std::optional<std::string>& cell = row[order[i]];
            std::string value = cell.value_or(style.null);
            if (cell && style.exponentNumbers && column.rfind("k_", 0) != 0 && column != "spec_sha") {
                char buffer[40];
                std::snprintf(buffer, sizeof buffer, "%.16E", std::strtod(cell->c_str(), nullptr));
                value = buffer;
            }
            text += (i == 0 ? "" : ",") + (cell || !style.null.empty() ? field(value) : value);
        }
        text += end;
    }
    std::ofstream(file, std::ios::binary) << text;
}

inline void expectSameNumber(const std::optional<double>& a, const std::optional<double>& b,
                             const std::string& what) {
    ASSERT_EQ(a.has_value(), b.has_value()) << what;
    if (a) {
        EXPECT_NEAR(*a, *b, 1e-9 * std::max(std::fabs(*a), std::fabs(*b)) + 1e-12) << what;
    }
}

/// The same rows in the same order with the same codes and notes, numbers equal to 1e-9 relative.
inline void expectSameEstimates(const std::vector<EvidenceRow>& expected,
                                const std::vector<EvidenceRow>& actual) {
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const EvidenceRow& a = expected[i];
        const EvidenceRow& b = actual[i];
        const std::string key = a.indicator.str() + "|" + a.characteristic.str() + "|" + a.group.str();
        ASSERT_EQ(key, b.indicator.str() + "|" + b.characteristic.str() + "|" + b.group.str()) << i;
        EXPECT_EQ(a.note, b.note) << key;
        expectSameNumber(a.value, b.value, key + " value");
        expectSameNumber(a.standardError, b.standardError, key + " se");
        expectSameNumber(a.lowerCi, b.lowerCi, key + " lower");
        expectSameNumber(a.upperCi, b.upperCi, key + " upper");
        expectSameNumber(a.numerator, b.numerator, key + " numerator");
        expectSameNumber(a.populationShare, b.populationShare, key + " share");
        expectSameNumber(a.sampleSize, b.sampleSize, key + " n");
        expectSameNumber(a.population, b.population, key + " population");
    }
}

} // namespace capeq::test
