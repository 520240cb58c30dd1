// SPDX-License-Identifier: Apache-2.0
// Chart data from evidence rows and from many services: spine chart, group trend, funnel plot, intersections.
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/simulation.hpp>
#include <capeq/stats/trend.hpp>

#include <algorithm>
#include <cmath>
#include <report/chart_mapping.hpp>
#include <report/chart_mapping_support.hpp>
#include <set>
#include <stdexcept>

namespace capeq::report {

namespace {

// Group codes in the catalogue's order, then unknown codes in the order first seen.
std::vector<std::string> orderedGroups(const Catalogue& catalogue, const CharacteristicId& characteristic,
                                       const std::vector<std::string>& seen) {
    std::vector<std::string> ordered;
    if (const Characteristic* found = catalogue.findCharacteristic(characteristic))
        for (const Group& group : found->groups)
            if (std::find(seen.begin(), seen.end(), group.code.str()) != seen.end())
                ordered.push_back(group.code.str());
    for (const std::string& code : seen)
        if (std::find(ordered.begin(), ordered.end(), code) == ordered.end())
            ordered.push_back(code);
    return ordered;
}

std::string characteristicName(const Catalogue& catalogue, const CharacteristicId& id) {
    const Characteristic* found = catalogue.findCharacteristic(id);
    return found != nullptr ? found->name : id.str();
}

} // namespace

SpineData spineFrom(const std::vector<ServiceScore>& services, std::size_t subject,
                    const Catalogue& catalogue) {
    const ServiceScore& focus = services.at(subject);
    SpineData spine;
    spine.title = "Spine chart: " + focus.service.str() + " against all services compared";
    spine.subjectLabel = focus.service.str() + " (" + focus.area.str() + ")";
    spine.benchmarkLabel = "median of all services";
    spine.method =
        "Better to the right. Bar: lowest, 25th to 75th percentile and highest value of all services; "
        "centre line: the median; marker: the service, classed by its 95% CI against the median";
    for (const IndicatorScore& score : focus.indicators) {
        std::vector<double> values;
        for (const ServiceScore& other : services)
            for (const IndicatorScore& candidate : other.indicators)
                if (candidate.indicator == score.indicator)
                    values.push_back(candidate.whole.value);
        const Indicator* indicator = catalogue.findIndicator(score.indicator);
        const Polarity polarity = indicator != nullptr ? indicator->polarity : Polarity::HigherIsBetter;
        SpineRow row;
        row.label = indicatorTitle(catalogue, score.indicator);
        row.unit = indicator != nullptr ? indicator->unit : "";
        row.value = score.whole.value;
        setSpineRange(row, values);
        row.polarity = toChartPolarity(polarity);
        row.significance =
            toSignificanceClass(stats::compareToBenchmark(score.whole, row.benchmark, polarity));
        row.servicesCompared = static_cast<int>(values.size());
        spine.rows.push_back(std::move(row));
    }
    return spine;
}

TrendData trendFromRows(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                        const IndicatorId& indicator, const CharacteristicId& characteristic,
                        const DisclosurePolicy& policy) {
    const DisclosedRows disclosed = disclose(rows, indicator, policy);
    const Indicator* known = catalogue.findIndicator(indicator);
    TrendData trend;
    trend.title =
        indicatorTitle(catalogue, indicator) +
        (characteristic == kAllCharacteristic ? "" : " by " + characteristicName(catalogue, characteristic)) +
        " over time";
    trend.unit = known != nullptr ? known->unit : "";
    trend.method = "95% confidence intervals; suppressed figures are left as gaps";
    std::set<std::string> periods;
    std::vector<std::string> groupsSeen;
    for (const EvidenceRow& row : disclosed.rows)
        if (row.characteristic == characteristic) {
            periods.insert(row.period);
            if (std::find(groupsSeen.begin(), groupsSeen.end(), row.group.str()) == groupsSeen.end())
                groupsSeen.push_back(row.group.str());
        }
    trend.periods.assign(periods.begin(), periods.end());
    for (const std::string& code : orderedGroups(catalogue, characteristic, groupsSeen)) {
        TrendSeries series{code == kAllGroup.str() ? "Everyone"
                                                   : groupLabel(catalogue, characteristic, GroupCode{code}),
                           std::vector<ChartValue>(trend.periods.size())};
        for (std::size_t i = 0; i < disclosed.rows.size(); ++i) {
            const EvidenceRow& row = disclosed.rows[i];
            if (row.characteristic != characteristic || row.group.str() != code ||
                disclosed.outcome.isSuppressed(i))
                continue;
            const auto estimate = rowEstimate(row, known, 0.95);
            const auto at = std::find(trend.periods.begin(), trend.periods.end(), row.period);
            if (estimate)
                series.points[static_cast<std::size_t>(at - trend.periods.begin())] = chartValue(*estimate);
        }
        trend.series.push_back(std::move(series));
    }
    return trend;
}

FunnelData funnelFrom(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                      const IndicatorId& indicator, const std::string& period,
                      const ServiceId& highlightService, const DisclosurePolicy& policy,
                      const AreaCode& highlightArea) {
    std::vector<EvidenceRow> inPeriod;
    for (const EvidenceRow& row : rows)
        if (row.period == period)
            inPeriod.push_back(row);
    const DisclosedRows disclosed = disclose(inPeriod, indicator, policy);
    const Indicator* known = catalogue.findIndicator(indicator);
    const MeasureType type = known != nullptr ? known->measureType : MeasureType::Proportion;
    const double multiplier = known != nullptr && known->multiplier > 0.0 ? known->multiplier : 1.0;
    const Polarity polarity = known != nullptr ? known->polarity : Polarity::HigherIsBetter;
    FunnelData funnel;
    funnel.title = indicatorTitle(catalogue, indicator) + ", " + period + ": funnel plot";
    funnel.unit = known != nullptr ? known->unit : "";
    funnel.xLabel = "Denominator (people counted)";
    const bool rate = type == MeasureType::Rate;
    if (type != MeasureType::Proportion && !rate) {
        funnel.method = "Funnel limits are defined for proportions and rates only";
        return funnel;
    }
    double numerators = 0.0;
    double denominators = 0.0;
    for (std::size_t i = 0; i < disclosed.rows.size(); ++i) {
        const EvidenceRow& row = disclosed.rows[i];
        if (!row.isWholePopulation() || disclosed.outcome.isSuppressed(i) || !row.numerator ||
            !row.denominator || *row.denominator <= 0.0)
            continue;
        numerators += *row.numerator;
        denominators += *row.denominator;
        FunnelPoint point;
        point.label = row.service.str() + " (" + row.area.str() + ")";
        point.n = *row.denominator;
        point.value = row.value.value_or(*row.numerator / *row.denominator * multiplier);
        point.highlighted = !highlightService.empty() && row.service == highlightService &&
                            (highlightArea.empty() || row.area == highlightArea);
        funnel.points.push_back(std::move(point));
    }
    if (funnel.points.empty() || denominators <= 0.0) {
        funnel.method = "No rows with a numerator and denominator to plot";
        return funnel;
    }
    const double base = numerators / denominators; // per unit of denominator
    funnel.baseline = base * multiplier;
    const auto limitsAt = [&](double n, double level) {
        return rate ? stats::rateFunnelLimits(base, n, level)
                    : stats::proportionFunnelLimits(std::clamp(base, 0.0, 1.0), n, level);
    };
    const auto [minPoint, maxPoint] =
        std::minmax_element(funnel.points.begin(), funnel.points.end(),
                            [](const FunnelPoint& a, const FunnelPoint& b) { return a.n < b.n; });
    const double from = std::max(1.0, minPoint->n * 0.8);
    const double to = std::max(from * 1.5, maxPoint->n * 1.2);
    constexpr int kSteps = 60; // log-spaced: the limits change fastest at small n
    for (int step = 0; step <= kSteps; ++step) {
        const double n = from * std::pow(to / from, static_cast<double>(step) / kSteps);
        const stats::FunnelLimits l95 = limitsAt(n, 0.95);
        const stats::FunnelLimits l998 = limitsAt(n, 0.998);
        funnel.limits.push_back({n, l95.lower * multiplier, l95.upper * multiplier, l998.lower * multiplier,
                                 l998.upper * multiplier});
    }
    for (FunnelPoint& point : funnel.points) {
        const stats::FunnelLimits l95 = limitsAt(point.n, 0.95);
        const double value = point.value / multiplier;
        const int sign = value > l95.upper ? 1 : value < l95.lower ? -1 : 0;
        point.significance = toSignificanceClass(stats::classify(sign, polarity));
    }
    funnel.method = std::string("Baseline: pooled value of all points; limits: ") +
                    (rate ? "exact Poisson" : "Wilson score") + " 95% (inner) and 99.8% (outer); " +
                    polarityWords(polarity);
    return funnel;
}

IntersectionData intersectionFrom(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                                  const IndicatorId& indicator, const CharacteristicId& rowCharacteristic,
                                  const CharacteristicId& columnCharacteristic,
                                  const DisclosurePolicy& policy) {
    const DisclosedRows disclosed = disclose(rows, indicator, policy);
    const Indicator* known = catalogue.findIndicator(indicator);
    const Polarity polarity = known != nullptr ? known->polarity : Polarity::HigherIsBetter;
    const std::string forward = rowCharacteristic.str() + "*" + columnCharacteristic.str();
    const std::string backward = columnCharacteristic.str() + "*" + rowCharacteristic.str();
    IntersectionData data;
    data.title = indicatorTitle(catalogue, indicator) + " by " +
                 characteristicName(catalogue, rowCharacteristic) + " and " +
                 characteristicName(catalogue, columnCharacteristic);
    data.unit = known != nullptr ? known->unit : "";
    data.rowCharacteristic = characteristicName(catalogue, rowCharacteristic);
    data.columnCharacteristic = characteristicName(catalogue, columnCharacteristic);
    data.method = "Each cell compared with the whole-population value at 95%; suppressed cells are blank";

    struct Found {
        std::string rowCode, columnCode;
        std::size_t index;
    };
    std::vector<Found> found;
    std::optional<stats::Estimate> whole;
    std::vector<std::string> rowSeen, columnSeen;
    for (std::size_t i = 0; i < disclosed.rows.size(); ++i) {
        const EvidenceRow& row = disclosed.rows[i];
        if (row.isWholePopulation() && !disclosed.outcome.isSuppressed(i))
            whole = rowEstimate(row, known, 0.95);
        const std::string& c = row.characteristic.str();
        const std::size_t star = row.group.str().find('*');
        if ((c != forward && c != backward) || star == std::string::npos)
            continue;
        std::string first = row.group.str().substr(0, star);
        std::string second = row.group.str().substr(star + 1);
        if (c == backward && forward != backward)
            std::swap(first, second);
        if (std::find(rowSeen.begin(), rowSeen.end(), first) == rowSeen.end())
            rowSeen.push_back(first);
        if (std::find(columnSeen.begin(), columnSeen.end(), second) == columnSeen.end())
            columnSeen.push_back(second);
        found.push_back({first, second, i});
    }
    const std::vector<std::string> rowCodes = orderedGroups(catalogue, rowCharacteristic, rowSeen);
    const std::vector<std::string> columnCodes = orderedGroups(catalogue, columnCharacteristic, columnSeen);
    for (const std::string& code : rowCodes)
        data.rowLabels.push_back(groupLabel(catalogue, rowCharacteristic, GroupCode{code}));
    for (const std::string& code : columnCodes)
        data.columnLabels.push_back(groupLabel(catalogue, columnCharacteristic, GroupCode{code}));
    data.cells.assign(rowCodes.size(), std::vector<IntersectionCell>(columnCodes.size()));
    for (const Found& cell : found) {
        const auto r = static_cast<std::size_t>(std::find(rowCodes.begin(), rowCodes.end(), cell.rowCode) -
                                                rowCodes.begin());
        const auto c = static_cast<std::size_t>(
            std::find(columnCodes.begin(), columnCodes.end(), cell.columnCode) - columnCodes.begin());
        IntersectionCell& target = data.cells[r][c];
        target.suppression = suppressionOf(disclosed.outcome.reasons[cell.index]);
        if (target.suppression.suppressed)
            continue;
        if (const auto estimate = rowEstimate(disclosed.rows[cell.index], known, 0.95)) {
            target.figure = chartValue(*estimate);
            if (whole)
                target.significance =
                    toSignificanceClass(stats::compareToBenchmark(*estimate, whole->value, polarity));
        }
    }
    return data;
}

} // namespace capeq::report
