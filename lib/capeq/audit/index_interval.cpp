// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/index_interval.hpp>
#include <capeq/scoring/row_estimate.hpp>

#include <algorithm>
#include <cmath>

namespace capeq::audit {

namespace {

// Type 7 (linear interpolation) quantile of sorted values, as R's default quantile().
double quantile(const std::vector<double>& sorted, double p) {
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

// One row redrawn from its sampling distribution; false when it has no uncertainty to draw from.
bool redraw(EvidenceRow& row, const Indicator& indicator, double standardNormal) {
    const auto estimate = rowEstimate(row, &indicator, 0.95);
    if (!estimate || !estimate->se || !std::isfinite(*estimate->se) || *estimate->se <= 0.0)
        return false;
    const auto [lowest, highest] = indicator.admissibleRange();
    const double drawn = std::clamp(estimate->value + standardNormal * *estimate->se, lowest, highest);
    const bool countBased =
        indicator.measureType == MeasureType::Proportion || indicator.measureType == MeasureType::Rate;
    if (countBased && row.numerator && row.denominator && *row.denominator > 0.0) {
        // The scorer recomputes count-based figures from the counts, so the draw goes into the numerator.
        const double numerator = drawn * *row.denominator / indicator.multiplier;
        row.numerator = indicator.measureType == MeasureType::Proportion
                            ? std::clamp(numerator, 0.0, *row.denominator)
                            : std::max(0.0, numerator);
        row.value = *row.numerator * indicator.multiplier / *row.denominator;
    } else {
        row.value = drawn;
        row.standardError = *estimate->se;
    }
    row.lowerCi.reset();
    row.upperCi.reset();
    row.lowerCi998.reset();
    row.upperCi998.reset();
    return true;
}

} // namespace

std::uint64_t unitSeed(std::uint64_t seed, const ServiceId& service, const AreaCode& area) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const std::string* text : {&service.str(), &area.str()}) {
        for (const char c : *text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
        hash ^= 0xffU; // separator, so ("ab","c") and ("a","bc") differ
        hash *= 1099511628211ULL;
    }
    return seed ^ hash;
}

IndexInterval simulateIndexInterval(const ScoreInput& input, double pointIndex,
                                    const IntervalOptions& options) {
    IndexInterval result;
    if (options.draws <= 0) {
        result.unavailableReason = "intervals turned off (--interval-draws 0)";
        return result;
    }
    std::vector<const Indicator*> indicators;
    bool anyUncertain = false;
    bool anyFixed = false;
    for (const EvidenceRow& row : input.rows) {
        const Indicator* indicator = input.catalogue.findIndicator(row.indicator);
        indicators.push_back(indicator);
        if (indicator == nullptr || indicator->polarity == Polarity::NoJudgement)
            continue;
        const auto estimate = rowEstimate(row, indicator, 0.95);
        const bool uncertain = estimate && estimate->se && *estimate->se > 0.0;
        anyUncertain = anyUncertain || uncertain;
        anyFixed = anyFixed || (estimate && !uncertain);
    }
    if (!anyUncertain) {
        result.unavailableReason = "no figure carries a standard error, interval or counts";
        return result;
    }
    result.partial = anyFixed;

    ScoreInput drawInput{input.catalogue, input.service, input.area,  input.period,    {}, {}, {},
                         input.profile,   input.weights, input.rules, input.disclosure};
    drawInput.rules.grading.reset(); // grades play no part in the index
    stats::Rng rng(unitSeed(options.seed, input.service, input.area));
    std::vector<double> indices;
    indices.reserve(static_cast<std::size_t>(options.draws));
    for (int draw = 0; draw < options.draws; ++draw) {
        drawInput.rows = input.rows;
        for (std::size_t i = 0; i < drawInput.rows.size(); ++i) {
            const double z = rng.normal(); // one draw per row in every case keeps the stream aligned
            if (indicators[i] != nullptr)
                redraw(drawInput.rows[i], *indicators[i], z);
        }
        const ServiceScore score = scoreService(drawInput);
        if (score.overall)
            indices.push_back(*score.overall);
    }
    result.draws = static_cast<int>(indices.size());
    if (indices.empty()) {
        result.unavailableReason = "no draw produced an index";
        return result;
    }
    std::sort(indices.begin(), indices.end());
    const double tail = (1.0 - options.level) / 2.0;
    // The draws give the spread; they are centred on the reported index (shifted by index - median of the
    // draws) because the best-worst gap is a maximum over noisy groups, so rescored draws sit below it.
    const double median = quantile(indices, 0.5);
    result.drawMedian = median;
    result.lower = std::clamp(pointIndex - (median - quantile(indices, tail)), 0.0, 100.0);
    result.upper = std::clamp(pointIndex + (quantile(indices, 1.0 - tail) - median), 0.0, 100.0);
    return result;
}

} // namespace capeq::audit
