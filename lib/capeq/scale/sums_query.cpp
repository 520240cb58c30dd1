// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/sha256.hpp>
#include <capeq/scale/sql_expressions.hpp>
#include <capeq/scale/sums_query.hpp>

#include <algorithm>
#include <stdexcept>

namespace capeq::scale {

namespace {

std::string name(const char* statistic, std::size_t index) {
    return sumsColumnName(statistic, index);
}

// The rows as the engine sees them: weight, group codes and indicator values, one expression each.
std::string rowsQuery(const compute::ComputeSpec& spec, const SqlExpressions& expressions,
                      const std::string& table, bool withGroups) {
    std::string sql = "    SELECT " + expressions.weight() + " AS capeq_w";
    if (withGroups) {
        for (std::size_t k = 0; k < spec.characteristics.size(); ++k) {
            sql += ",\n      " + expressions.groupCode(k) + " AS " + name("k", k);
            sql += ",\n      CASE WHEN " + expressions.unmapped(k) + " THEN 1 ELSE 0 END AS " + name("u", k);
        }
    }
    for (std::size_t j = 0; j < spec.indicators.size(); ++j)
        sql += ",\n      " + expressions.value(j) + " AS " + name("y", j);
    return sql + "\n    FROM " + table;
}

std::string keyList(const compute::ComputeSpec& spec) {
    std::string keys;
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        keys += (k == 0 ? "" : ", ") + name("k", k);
    return keys;
}

// Sums of one cell: the same statistics the in-process CellSums keeps, about a shift common to all cells
// so that cells and breakdowns merge by plain addition.
std::string cellsQuery(const compute::ComputeSpec& spec, const std::string& rows,
                       const std::vector<std::string>& shift, bool shiftJoin) {
    std::string sql = "  SELECT ";
    const std::string keys = keyList(spec);
    if (!keys.empty())
        sql += keys + ",\n    ";
    sql +=
        "COUNT(*) AS rows_n,\n    SUM(CASE WHEN capeq_w IS NULL OR capeq_w < 0 THEN 1 ELSE 0 END) AS bad_w";
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        sql += ", SUM(" + name("u", k) + ") AS " + name("u", k);
    for (std::size_t j = 0; j < spec.indicators.size(); ++j) {
        const std::string y = name("y", j);
        const std::string d = "(" + y + " - " + shift[j] + ")";
        sql += ",\n    MIN(" + shift[j] + ") AS " + name("c", j);
        sql += ", COUNT(" + y + ") AS " + name("n", j);
        sql += ",\n    SUM(CASE WHEN " + y + " IS NULL THEN NULL ELSE capeq_w END) AS " + name("sw", j);
        sql += ", SUM(capeq_w * " + d + ") AS " + name("swd", j);
        sql += ",\n    SUM(CASE WHEN " + y + " IS NULL THEN NULL ELSE capeq_w * capeq_w END) AS " +
               name("sww", j);
        sql += ", SUM(capeq_w * capeq_w * " + d + ") AS " + name("swwd", j);
        sql += ",\n    SUM(capeq_w * capeq_w * " + d + " * " + d + ") AS " + name("swwdd", j);
        sql += ", SUM(" + y + ") AS " + name("sy", j);
        sql += ", MIN(" + y + ") AS " + name("lo", j) + ", MAX(" + y + ") AS " + name("hi", j);
    }
    sql += "\n  FROM (\n" + rows + "\n  ) AS capeq_rows";
    if (shiftJoin)
        sql += " CROSS JOIN capeq_shift";
    if (!keys.empty())
        sql += "\n  GROUP BY " + keys;
    return sql;
}

// The cells' sums added up per breakdown: every statistic is a sum, except the shift (constant) and the
// smallest and largest value. The fingerprint is a constant column, so a result can be matched to its spec.
std::string totals(const compute::ComputeSpec& spec, const std::string& fingerprint) {
    std::string sql = fingerprint + " AS spec_sha, SUM(rows_n) AS rows_n, SUM(bad_w) AS bad_w";
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        sql += ", SUM(" + name("u", k) + ") AS " + name("u", k);
    for (std::size_t j = 0; j < spec.indicators.size(); ++j) {
        sql += ",\n  MIN(" + name("c", j) + ") AS " + name("c", j);
        for (const char* statistic : kIndicatorStatistics) {
            const std::string_view kind(statistic);
            const char* aggregate = kind == "c" || kind == "lo" ? "MIN" : kind == "hi" ? "MAX" : "SUM";
            if (kind != "c")
                sql +=
                    std::string(", ") + aggregate + "(" + name(statistic, j) + ") AS " + name(statistic, j);
        }
    }
    return sql;
}

std::string groupingSetsSelect(const compute::ComputeSpec& spec, const std::string& fingerprint) {
    const std::size_t count = spec.characteristics.size();
    if (count == 0)
        return "SELECT " + totals(spec, fingerprint) + "\nFROM capeq_cells";
    std::string sql = "SELECT ";
    for (std::size_t k = 0; k < count; ++k)
        sql += "GROUPING(" + name("k", k) + ") AS " + name("g", k) + ", ";
    sql +=
        keyList(spec) + ",\n  " + totals(spec, fingerprint) + "\nFROM capeq_cells\nGROUP BY GROUPING SETS (";
    bool first = true;
    for (const std::vector<std::size_t>& set : groupingSets(spec)) {
        sql += first ? "(" : ", (";
        first = false;
        for (std::size_t i = 0; i < set.size(); ++i)
            sql += (i == 0 ? "" : ", ") + name("k", set[i]);
        sql += ")";
    }
    return sql + ")";
}

// Without GROUPING SETS: one GROUP BY per breakdown, with the GROUPING() flags written as constants and
// rows outside a breakdown (NULL code) dropped in the engine.
std::string unionAllSelect(const compute::ComputeSpec& spec, SqlDialect dialect,
                           const std::string& fingerprint) {
    std::string sql;
    const std::size_t count = spec.characteristics.size();
    for (const std::vector<std::size_t>& set : groupingSets(spec)) {
        if (!sql.empty())
            sql += "\nUNION ALL\n";
        sql += "SELECT ";
        std::string where;
        for (std::size_t k = 0; k < count; ++k) {
            const bool grouped = std::find(set.begin(), set.end(), k) != set.end();
            sql += std::string(grouped ? "0" : "1") + " AS " + name("g", k) + ", ";
            if (grouped)
                where += (where.empty() ? "" : " AND ") + name("k", k) + " IS NOT NULL";
        }
        for (std::size_t k = 0; k < count; ++k) {
            const bool grouped = std::find(set.begin(), set.end(), k) != set.end();
            sql += (grouped ? name("k", k) : "CAST(NULL AS " + std::string(textType(dialect)) + ")") +
                   " AS " + name("k", k) + ", ";
        }
        sql += "\n  " + totals(spec, fingerprint) + "\nFROM capeq_cells";
        if (!where.empty()) {
            sql += " WHERE " + where + " GROUP BY ";
            for (std::size_t i = 0; i < set.size(); ++i)
                sql += (i == 0 ? "" : ", ") + name("k", set[i]);
        }
    }
    return sql;
}

// fingerprint: the spec_sha column's literal (a bare '' when the fingerprint itself is being computed).
std::string sumsQuery(const compute::ComputeSpec& spec, const std::string& table, SqlDialect dialect,
                      const std::vector<double>* shifts, const std::string& fingerprint) {
    if (shifts != nullptr && shifts->size() != spec.indicators.size())
        throw std::invalid_argument("one shift per indicator is needed");
    const SqlExpressions expressions(spec, dialect);
    const std::string quotedTable = quoteTableName(table, dialect);
    std::vector<std::string> shift;
    for (std::size_t j = 0; j < spec.indicators.size(); ++j)
        shift.push_back(shifts != nullptr ? doubleLiteral((*shifts)[j], dialect)
                                          : "capeq_shift." + name("s", j));
    std::string sql = "-- CapEq sufficient statistics per breakdown and group (docs/SCALE.md)\nWITH ";
    if (shifts == nullptr) {
        // Any c is correct; one near each indicator's mean keeps the variance sums free of cancellation.
        sql += "capeq_shift AS (\n  SELECT ";
        for (std::size_t j = 0; j < spec.indicators.size(); ++j)
            sql += (j == 0 ? "" : ", ") + std::string("COALESCE(AVG(") + name("y", j) + "), " +
                   doubleLiteral(0.0, dialect) + ") AS " + name("s", j);
        sql +=
            "\n  FROM (\n" + rowsQuery(spec, expressions, quotedTable, false) + "\n  ) AS capeq_values\n),\n";
    }
    sql += "capeq_cells AS (\n" +
           cellsQuery(spec, rowsQuery(spec, expressions, quotedTable, true), shift, shifts == nullptr) +
           "\n)\n";
    sql += hasGroupingSets(dialect) ? groupingSetsSelect(spec, fingerprint)
                                    : unionAllSelect(spec, dialect, fingerprint);
    return sql + "\n";
}

} // namespace

std::string sumsColumnName(const char* statistic, std::size_t index) {
    return std::string(statistic) + "_" + std::to_string(index + 1);
}

std::vector<std::vector<std::size_t>> groupingSets(const compute::ComputeSpec& spec) {
    std::vector<std::vector<std::size_t>> sets{{}};
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        sets.push_back({k});
    for (const compute::IntersectionSpec& intersection : spec.intersections) {
        std::vector<std::size_t> set{std::min(intersection.first, intersection.second),
                                     std::max(intersection.first, intersection.second)};
        if (std::find(sets.begin(), sets.end(), set) == sets.end())
            sets.push_back(std::move(set));
    }
    return sets;
}

std::string makeSumsQuery(const compute::ComputeSpec& spec, const std::string& table, SqlDialect dialect,
                          const std::vector<double>* shifts) {
    return sumsQuery(spec, table, dialect, shifts, stringLiteral(specFingerprint(spec), dialect));
}

std::string specFingerprint(const compute::ComputeSpec& spec) {
    // The query written for a fixed table and dialect captures everything in the spec that shapes the
    // sums (columns, codes, conditions, groups, breakdowns) and nothing that only labels the output.
    const std::string canonical = sumsQuery(spec, "capeq_table", SqlDialect::PostgreSQL, nullptr, "''");
    return sha256Hex(canonical).substr(0, 16);
}

std::string makeUnmappedQuery(const compute::ComputeSpec& spec, std::size_t k, const std::string& table,
                              SqlDialect dialect, std::size_t limit) {
    const SqlExpressions expressions(spec, dialect);
    const std::string value = "CAST(" + quoteIdentifier(spec.characteristics.at(k).column, dialect) + " AS " +
                              std::string(textType(dialect)) + ")";
    return "SELECT " + value + " AS capeq_value, COUNT(*) AS rows_n\nFROM " + quoteTableName(table, dialect) +
           "\nWHERE " + expressions.unmapped(k) + "\nGROUP BY " + value + "\nORDER BY COUNT(*) DESC, " +
           value + "\nLIMIT " + std::to_string(limit) + "\n";
}

std::string makeShiftQuery(const compute::ComputeSpec& spec, const std::string& table, SqlDialect dialect) {
    const SqlExpressions expressions(spec, dialect);
    std::string sql = "SELECT ";
    for (std::size_t j = 0; j < spec.indicators.size(); ++j)
        sql += (j == 0 ? "" : ", ") + std::string("AVG(") + name("y", j) + ") AS " + name("c", j);
    return sql + "\nFROM (\n" + rowsQuery(spec, expressions, quoteTableName(table, dialect), false) +
           "\n) AS capeq_values\n";
}

} // namespace capeq::scale
