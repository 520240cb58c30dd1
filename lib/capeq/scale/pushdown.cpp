// SPDX-License-Identifier: Apache-2.0
#include <capeq/scale/pushdown.hpp>
#include <capeq/scale/sums_query.hpp>
#include <capeq/scale/sums_reader.hpp>

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
    run.sums = readSums(spec, result, source);
    run.sumsSeconds = secondsSince(start);
    return run;
}

} // namespace capeq::scale
