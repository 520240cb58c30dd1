// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_engine.hpp>
#include <capeq/scale/pushdown.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace capeq::scale {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// An indicator with no value anywhere has no mean: any shift will do, and 0 is exact.
double shiftOf(const std::optional<std::string>& cell) {
    if (!cell)
        return 0.0;
    double value = 0.0;
    const char* end = cell->data() + cell->size();
    const auto result = std::from_chars(cell->data(), end, value);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value))
        throw std::runtime_error("the engine returned '" + *cell + "' as a mean");
    return value;
}

std::uint64_t rowCount(const std::optional<std::string>& cell) {
    double value = -1.0;
    if (cell) {
        const char* end = cell->data() + cell->size();
        const auto result = std::from_chars(cell->data(), end, value);
        if (result.ec != std::errc() || result.ptr != end)
            value = -1.0;
    }
    if (value < 0.0)
        throw std::runtime_error("the engine returned '" + cell.value_or("NULL") + "' as a row count");
    return static_cast<std::uint64_t>(value);
}

// The in-process engine's warning for each value no group maps, with its row count (the first line is
// not known in a table). The query only runs for characteristics whose sums counted such rows, so a spec
// that maps every value costs no extra scan.
void addUnmappedWarnings(const compute::ComputeSpec& spec, std::size_t k, std::uint64_t unmappedRows,
                         SqlEngine& engine, const std::string& table, const std::string& source,
                         std::vector<Diagnostic>& warnings) {
    const ResultTable found =
        engine.query(makeUnmappedQuery(spec, k, table, engine.dialect(), kListedUnmappedValues + 1));
    std::vector<std::pair<std::string, std::uint64_t>> values;
    for (const auto& row : found.rows)
        values.emplace_back(row.at(0).value_or(""), rowCount(row.at(1)));
    const bool more = values.size() > kListedUnmappedValues;
    if (more)
        values.resize(kListedUnmappedValues); // the least frequent go uncounted by name
    std::sort(values.begin(), values.end());  // the in-process engine lists them in text order
    const compute::CharacteristicSpec& characteristic = spec.characteristics[k];
    const SourceLocation where{source, 0, 0, characteristic.column};
    std::uint64_t listed = 0;
    for (const auto& [value, rows] : values) {
        listed += rows;
        warnings.push_back(compute::unmappedValueWarning(spec, k, value, rows, where));
    }
    if (more && unmappedRows > listed)
        warnings.push_back({Severity::Warning, where,
                            "more values of characteristic '" + characteristic.id +
                                "' are not mapped to a group (" + std::to_string(unmappedRows - listed) +
                                " rows left out of its breakdown, kept in 'all'; only the " +
                                std::to_string(kListedUnmappedValues) + " most frequent values are listed)",
                            "list them in the engine with: SELECT " + characteristic.column +
                                ", COUNT(*) FROM " + table + " GROUP BY 1"});
}

} // namespace

PushdownRun computeSumsInEngine(const compute::ComputeSpec& spec, SqlEngine& engine, const std::string& table,
                                const std::string& source) {
    PushdownRun run;
    auto start = std::chrono::steady_clock::now();
    const ResultTable means = engine.query(makeShiftQuery(spec, table, engine.dialect()));
    if (means.rows.size() != 1 || means.columns.size() != spec.indicators.size())
        throw std::runtime_error("the engine's mean query returned an unexpected shape");
    for (const auto& cell : means.rows.front())
        run.shifts.push_back(shiftOf(cell));
    run.shiftSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    run.sql = makeSumsQuery(spec, table, engine.dialect(), &run.shifts);
    const ResultTable result = engine.query(run.sql);
    SumsReading reading = readSumsResult(spec, result, source);
    run.sumsSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    run.sums = std::move(reading.sums);
    for (std::size_t k = 0; k < spec.characteristics.size(); ++k) {
        if (reading.unmappedRows[k] > 0)
            addUnmappedWarnings(spec, k, reading.unmappedRows[k], engine, table, source, run.sums.warnings);
    }
    run.unmappedSeconds = secondsSince(start);
    return run;
}

} // namespace capeq::scale
