// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capeq::compute {

enum class ConditionOp { Equal, NotEqual, In, NotIn, Less, LessEqual, Greater, GreaterEqual };

/// A test on one cell of a compute spec: `= 1`, `!= 16-24`, `in 1,2`, `not in a,b`, `< 5`, `>= 3.5`.
/// When every listed value is a number the cell is compared as a number (so "1.0" equals 1, and a
/// non-numeric cell is neither equal nor ordered); otherwise the cell text is compared exactly.
class Condition {
public:
    /// Parses the text after the column name; nullopt with problem set (one sentence) when malformed.
    static std::optional<Condition> parse(std::string_view text, std::string& problem);

    /// True when the cell satisfies the condition. Cheap: no allocation.
    bool matches(std::string_view cell) const noexcept;
    /// The condition as written, normalised ("in 1, 2"), for notes and messages.
    std::string describe() const;
    ConditionOp op() const noexcept { return m_op; }
    bool isNumeric() const noexcept { return m_numeric; }
    /// The listed values as numbers (empty unless isNumeric()).
    const std::vector<double>& numbers() const noexcept { return m_numbers; }

private:
    ConditionOp m_op = ConditionOp::Equal;
    std::vector<std::string> m_texts;
    std::vector<double> m_numbers;
    bool m_numeric = false;
};

/// A denominator filter: rows where `column condition` holds are in the indicator's population.
struct RowFilter {
    std::string column;
    Condition condition;
};

/// Parses `column op values` (e.g. `age_band != 16-24`); nullopt with problem set when malformed.
std::optional<RowFilter> parseRowFilter(std::string_view text, std::string& problem);

/// Splits a comma-separated list and trims each item; empty items are kept (they mean an empty cell).
std::vector<std::string> splitList(std::string_view text);

} // namespace capeq::compute
