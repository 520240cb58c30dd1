// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/decimal_parser.hpp>
#include <capeq/scale/sql_expressions.hpp>

#include <algorithm>
#include <stdexcept>

namespace capeq::scale {

using compute::ConditionOp;

std::vector<std::string> conditionValues(const compute::Condition& condition) {
    // describe() writes the operator, one space and the values joined by ", " (values never hold commas:
    // the spec splits them on commas).
    const std::string text = condition.describe();
    const std::size_t skip =
        condition.op() == ConditionOp::NotIn ? std::string("not in").size() : text.find(' ');
    return compute::splitList(skip >= text.size() ? std::string() : text.substr(skip + 1));
}

SqlExpressions::SqlExpressions(const compute::ComputeSpec& spec, SqlDialect dialect)
    : m_spec(spec)
    , m_dialect(dialect) {
    // Validate every name and value once, so the expression functions below cannot fail half-way.
    column(spec.weightColumn);
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        groupCode(k);
    for (std::size_t j = 0; j < spec.indicators.size(); ++j)
        value(j);
}

std::string SqlExpressions::column(const std::string& name) const {
    return quoteIdentifier(name, m_dialect);
}

std::string SqlExpressions::asText(const std::string& name) const {
    return "CAST(" + column(name) + " AS " + std::string(textType(m_dialect)) + ")";
}

std::string SqlExpressions::asDouble(const std::string& name) const {
    return "CAST(" + column(name) + " AS " + std::string(doubleType(m_dialect)) + ")";
}

std::string SqlExpressions::textList(const std::vector<std::string>& values) const {
    std::string list;
    for (const std::string& value : values)
        list += (list.empty() ? "" : ", ") + stringLiteral(value, m_dialect);
    return list;
}

// An empty cell is always missing: loaders turn it into NULL or '' depending on the engine.
std::string SqlExpressions::isMissing(const std::string& name, const std::vector<std::string>& codes) const {
    std::vector<std::string> all{""};
    for (const std::string& code : codes) {
        if (std::find(all.begin(), all.end(), code) == all.end())
            all.push_back(code);
    }
    return "(" + column(name) + " IS NULL OR " + asText(name) + " IN (" + textList(all) + "))";
}

std::string SqlExpressions::matches(const std::string& name, const compute::Condition& condition) const {
    const std::vector<std::string> values = conditionValues(condition);
    std::string operand;
    std::string list;
    if (condition.isNumeric()) {
        // As in-process: "1.0" equals 1, so numbers are compared as numbers.
        operand = asDouble(name);
        for (const std::string& text : values) {
            double number = 0.0;
            compute::parseDecimal(text, number);
            list += (list.empty() ? "" : ", ") + doubleLiteral(number, m_dialect);
        }
    } else {
        operand = asText(name);
        list = textList(values);
    }
    switch (condition.op()) {
    case ConditionOp::Equal:
        return operand + " = " + list;
    case ConditionOp::NotEqual:
        return operand + " <> " + list;
    case ConditionOp::In:
        return operand + " IN (" + list + ")";
    case ConditionOp::NotIn:
        return operand + " NOT IN (" + list + ")";
    case ConditionOp::Less:
        return operand + " < " + list;
    case ConditionOp::LessEqual:
        return operand + " <= " + list;
    case ConditionOp::Greater:
        return operand + " > " + list;
    case ConditionOp::GreaterEqual:
        return operand + " >= " + list;
    }
    throw std::logic_error("unknown condition operator");
}

std::string SqlExpressions::weight() const {
    return asDouble(m_spec.weightColumn);
}

std::string SqlExpressions::groupCode(std::size_t k) const {
    const compute::CharacteristicSpec& characteristic = m_spec.characteristics.at(k);
    if (characteristic.groups.empty())
        return "CASE WHEN " + isMissing(characteristic.column, m_spec.missing) + " THEN NULL ELSE " +
               asText(characteristic.column) + " END";
    // Listed sources win over missing codes, as in the in-process code table; anything else is NULL.
    std::string expression = "CASE";
    for (const compute::GroupMapping& group : characteristic.groups)
        expression += " WHEN " + asText(characteristic.column) + " IN (" + textList(group.sources) +
                      ") THEN " + stringLiteral(group.code, m_dialect);
    return expression + " ELSE NULL END";
}

std::string SqlExpressions::unmapped(std::size_t k) const {
    const compute::CharacteristicSpec& characteristic = m_spec.characteristics.at(k);
    if (characteristic.groups.empty())
        return "1 = 0"; // every present value is its own group
    std::vector<std::string> known{""};
    known.insert(known.end(), m_spec.missing.begin(), m_spec.missing.end());
    for (const compute::GroupMapping& group : characteristic.groups)
        known.insert(known.end(), group.sources.begin(), group.sources.end());
    return "(" + column(characteristic.column) + " IS NOT NULL AND " + asText(characteristic.column) +
           " NOT IN (" + textList(known) + "))";
}

std::string SqlExpressions::value(std::size_t j) const {
    const compute::IndicatorSpec& indicator = m_spec.indicators.at(j);
    std::vector<std::string> missing = m_spec.missing;
    missing.insert(missing.end(), indicator.missing.begin(), indicator.missing.end());
    // A proportion's value is 1 only where the numerator condition is true: false and unknown are 0.
    const std::string present = indicator.kind == compute::IndicatorKind::Proportion
                                    ? "CASE WHEN " + matches(indicator.column, *indicator.numerator) +
                                          " THEN " + doubleLiteral(1.0, m_dialect) + " ELSE " +
                                          doubleLiteral(0.0, m_dialect) + " END"
                                    : asDouble(indicator.column);
    std::string expression = "CASE WHEN " + isMissing(indicator.column, missing) + " THEN NULL";
    if (!indicator.filter)
        return expression + " ELSE " + present + " END";
    // A row whose filter value is unknown cannot be placed in the population: leave it out.
    expression += " WHEN " + isMissing(indicator.filter->column, m_spec.missing) + " THEN NULL";
    return expression + " WHEN " + matches(indicator.filter->column, indicator.filter->condition) + " THEN " +
           present + " ELSE NULL END";
}

} // namespace capeq::scale
