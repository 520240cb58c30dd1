// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/condition.hpp>
#include <capeq/compute/decimal_parser.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace capeq::compute {

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

struct OpSpelling {
    std::string_view text;
    ConditionOp op;
    bool list;
};

// Longest spellings first so "<=" is not read as "<" followed by "=...".
constexpr std::array<OpSpelling, 9> kSpellings{{{"not in ", ConditionOp::NotIn, true},
                                                {"in ", ConditionOp::In, true},
                                                {"!=", ConditionOp::NotEqual, false},
                                                {"<=", ConditionOp::LessEqual, false},
                                                {">=", ConditionOp::GreaterEqual, false},
                                                {"==", ConditionOp::Equal, false},
                                                {"=", ConditionOp::Equal, false},
                                                {"<", ConditionOp::Less, false},
                                                {">", ConditionOp::Greater, false}}};

bool isOrdering(ConditionOp op) {
    return op == ConditionOp::Less || op == ConditionOp::LessEqual || op == ConditionOp::Greater ||
           op == ConditionOp::GreaterEqual;
}

} // namespace

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        items.emplace_back(trim(text.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            return items;
        start = comma + 1;
    }
}

std::optional<Condition> Condition::parse(std::string_view text, std::string& problem) {
    text = trim(text);
    Condition condition;
    std::string_view rest;
    bool found = false;
    for (const OpSpelling& spelling : kSpellings) {
        if (text.substr(0, spelling.text.size()) == spelling.text) {
            condition.m_op = spelling.op;
            rest = trim(text.substr(spelling.text.size()));
            found = true;
            break;
        }
    }
    if (!found) {
        problem = "'" + std::string(text) + "' does not start with =, !=, <, <=, >, >=, in or not in";
        return std::nullopt;
    }
    condition.m_texts = splitList(rest);
    const bool list = condition.m_op == ConditionOp::In || condition.m_op == ConditionOp::NotIn;
    if (!list && condition.m_texts.size() != 1) {
        problem = "only 'in' and 'not in' take a list of values";
        return std::nullopt;
    }
    condition.m_numeric = true;
    for (const std::string& value : condition.m_texts) {
        double number = 0.0;
        if (!parseDecimal(value, number)) {
            condition.m_numeric = false;
            break;
        }
        condition.m_numbers.push_back(number);
    }
    if (isOrdering(condition.m_op) && !condition.m_numeric) {
        problem = "'" + std::string(rest) + "' is not a number, and <, <=, > and >= compare numbers";
        return std::nullopt;
    }
    if (condition.m_texts.size() == 1 && condition.m_texts.front().empty()) {
        problem = "the condition has no value to compare with";
        return std::nullopt;
    }
    return condition;
}

bool Condition::matches(std::string_view cell) const noexcept {
    if (m_numeric && m_op == ConditionOp::Equal) { // `= 1`: the common case for survey proportions
        double value = 0.0;
        return parseDecimal(cell, value) && value == m_numbers.front();
    }
    const bool negated = m_op == ConditionOp::NotEqual || m_op == ConditionOp::NotIn;
    if (m_numeric) {
        double value = 0.0;
        if (!parseDecimal(cell, value))
            return negated;
        switch (m_op) {
        case ConditionOp::Less:
            return value < m_numbers.front();
        case ConditionOp::LessEqual:
            return value <= m_numbers.front();
        case ConditionOp::Greater:
            return value > m_numbers.front();
        case ConditionOp::GreaterEqual:
            return value >= m_numbers.front();
        default:
            break;
        }
        const bool found = std::find(m_numbers.begin(), m_numbers.end(), value) != m_numbers.end();
        return found != negated;
    }
    const bool found = std::find(m_texts.begin(), m_texts.end(), cell) != m_texts.end();
    return found != negated;
}

std::string Condition::describe() const {
    std::string text;
    for (const OpSpelling& spelling : kSpellings) {
        if (spelling.op == m_op) {
            text = std::string(trim(spelling.text));
            break;
        }
    }
    for (std::size_t i = 0; i < m_texts.size(); ++i)
        text += (i == 0 ? " " : ", ") + m_texts[i];
    return text;
}

std::optional<RowFilter> parseRowFilter(std::string_view text, std::string& problem) {
    text = trim(text);
    const std::size_t stop = text.find_first_of(" \t=!<>");
    if (stop == 0 || stop == std::string_view::npos) {
        problem = "write the filter as 'column op value', e.g. 'age_band != 16-24'";
        return std::nullopt;
    }
    std::optional<Condition> condition = Condition::parse(text.substr(stop), problem);
    if (!condition)
        return std::nullopt;
    return RowFilter{std::string(text.substr(0, stop)), std::move(*condition)};
}

} // namespace capeq::compute
