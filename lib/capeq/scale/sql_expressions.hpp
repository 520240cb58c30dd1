// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_spec.hpp>
#include <capeq/scale/sql_dialect.hpp>

#include <string>
#include <vector>

namespace capeq::scale {

/// Writes the per-row SQL expressions of a compute spec: the weight, each characteristic's group code and
/// each indicator's value. They reproduce the in-process engine's reading of a cell (missing codes, group
/// mappings, numerator conditions, denominator filters) on a table whose columns are the data's columns,
/// text or numeric. Every name is quoted and every spec value is a literal; nothing comes from the data.
class SqlExpressions {
public:
    /// Throws std::invalid_argument for a name or value that cannot be written safely in the dialect.
    SqlExpressions(const compute::ComputeSpec& spec, SqlDialect dialect);

    /// The weight as a double.
    std::string weight() const;
    /// Characteristic k's group code as text, NULL where the row is outside its breakdown (missing,
    /// or a value no group lists).
    std::string groupCode(std::size_t k) const;
    /// A condition true where characteristic k's value is present, not a missing code, and listed by no
    /// group: the rows the in-process engine reports as unmapped. Always false without group lines.
    std::string unmapped(std::size_t k) const;
    /// Indicator j's value y as a double (0/1 for a proportion), NULL outside its domain (missing value,
    /// or the denominator filter fails or is missing).
    std::string value(std::size_t j) const;

private:
    std::string column(const std::string& name) const;
    std::string asText(const std::string& name) const;
    std::string asDouble(const std::string& name) const;
    std::string isMissing(const std::string& name, const std::vector<std::string>& codes) const;
    std::string matches(const std::string& name, const compute::Condition& condition) const;
    std::string textList(const std::vector<std::string>& values) const;

    const compute::ComputeSpec& m_spec;
    SqlDialect m_dialect;
};

/// The values a condition compares with, as written in the spec ("in 1, 2" gives {"1", "2"}).
std::vector<std::string> conditionValues(const compute::Condition& condition);

} // namespace capeq::scale
