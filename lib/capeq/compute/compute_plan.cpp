// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_plan.hpp>

#include <algorithm>

namespace capeq::compute {

namespace {

class ColumnResolver {
public:
    ColumnResolver(const ComputeSpec& spec, const std::vector<std::string>& header,
                   const std::string& dataFile)
        : m_spec(spec)
        , m_header(header)
        , m_dataFile(dataFile) {}

    std::size_t find(const std::string& column, std::size_t specLine, const std::string& field) {
        const auto it = std::find(m_header.begin(), m_header.end(), column);
        if (it != m_header.end())
            return static_cast<std::size_t>(it - m_header.begin());
        std::string columns;
        for (std::size_t i = 0; i < m_header.size() && i < 40; ++i)
            columns += (i == 0 ? "" : ", ") + m_header[i];
        m_problems.error({m_spec.file, specLine, 0, field},
                         "column '" + column + "' is not in the header of " + m_dataFile,
                         "use one of the data's columns: " + columns);
        return 0;
    }

    DiagnosticList& problems() { return m_problems; }

private:
    const ComputeSpec& m_spec;
    const std::vector<std::string>& m_header;
    const std::string& m_dataFile;
    DiagnosticList m_problems;
};

} // namespace

ComputePlan makeComputePlan(const ComputeSpec& spec, std::vector<std::string> header,
                            const std::string& dataFile) {
    ComputePlan plan;
    plan.spec = &spec;
    plan.header = std::move(header);
    ColumnResolver resolver(spec, plan.header, dataFile);
    plan.weightColumn = resolver.find(spec.weightColumn, spec.weightLine, "weight");
    for (const CharacteristicSpec& characteristic : spec.characteristics)
        plan.characteristicColumns.push_back(
            resolver.find(characteristic.column, characteristic.line, "column"));
    for (const IndicatorSpec& indicator : spec.indicators) {
        IndicatorPlan resolved;
        resolved.column = resolver.find(indicator.column, indicator.line, "column");
        resolved.kind = indicator.kind;
        resolved.numerator = indicator.numerator ? &*indicator.numerator : nullptr;
        if (resolved.numerator != nullptr && resolved.numerator->isNumeric() &&
            resolved.numerator->op() == ConditionOp::Equal) {
            resolved.numeratorIsEquality = true;
            resolved.numeratorValue = resolved.numerator->numbers().front();
        }
        if (indicator.filter) {
            resolved.filter = &indicator.filter->condition;
            resolved.filterColumn = resolver.find(indicator.filter->column, indicator.line, "filter");
        }
        resolved.missing = spec.missing;
        resolved.missing.insert(resolved.missing.end(), indicator.missing.begin(), indicator.missing.end());
        std::erase(resolved.missing, std::string());
        plan.indicators.push_back(std::move(resolved));
    }
    resolver.problems().throwIfErrors();

    plan.tables.push_back({"all", -1, -1});
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k)
        plan.tables.push_back({spec.characteristics[k].id, static_cast<int>(k), -1});
    for (const IntersectionSpec& intersection : spec.intersections) {
        plan.tables.push_back({spec.intersectionId(intersection), static_cast<int>(intersection.first),
                               static_cast<int>(intersection.second)});
    }
    return plan;
}

} // namespace capeq::compute
