// SPDX-License-Identifier: Apache-2.0
// Chart data comparing one service with the other services and areas of the same evidence: the spine chart
// from evidence rows, and what the studio's funnel and intersection views can offer.
#include <capeq/scoring/row_estimate.hpp>
#include <capeq/stats/comparison.hpp>

#include <algorithm>
#include <map>
#include <report/chart_mapping.hpp>
#include <report/chart_mapping_support.hpp>

namespace capeq::report {

namespace {

std::vector<EvidenceRow> rowsOfPeriod(const std::vector<EvidenceRow>& rows, const std::string& period) {
    std::vector<EvidenceRow> selected;
    for (const EvidenceRow& row : rows)
        if (row.period == period)
            selected.push_back(row);
    return selected;
}

bool isSubject(const EvidenceRow& row, const ServiceId& service, const AreaCode& area) {
    return row.service == service && row.area == area;
}

} // namespace

SpineData spineFromRows(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                        const ServiceId& service, const AreaCode& area, const std::string& period,
                        const DisclosurePolicy& policy) {
    const std::vector<EvidenceRow> inPeriod = rowsOfPeriod(rows, period);
    SpineData spine;
    spine.subjectLabel = service.str() + " (" + area.str() + ")";
    spine.title =
        "Spine chart: " + spine.subjectLabel + " against every service and area in the evidence, " + period;
    spine.benchmarkLabel = "median of all services and areas";
    std::vector<IndicatorId> indicators;
    for (const EvidenceRow& row : inPeriod)
        if (row.isWholePopulation() && isSubject(row, service, area) &&
            std::find(indicators.begin(), indicators.end(), row.indicator) == indicators.end())
            indicators.push_back(row.indicator);
    int leftOut = 0;
    for (const IndicatorId& id : indicators) {
        const DisclosedRows disclosed = disclose(inPeriod, id, policy);
        const Indicator* indicator = catalogue.findIndicator(id);
        std::optional<stats::Estimate> subject;
        std::vector<double> values;
        for (std::size_t i = 0; i < disclosed.rows.size(); ++i) {
            const EvidenceRow& row = disclosed.rows[i];
            if (!row.isWholePopulation() || disclosed.outcome.isSuppressed(i))
                continue;
            const std::optional<stats::Estimate> estimate = rowEstimate(row, indicator, 0.95);
            if (!estimate)
                continue;
            values.push_back(estimate->value);
            if (isSubject(row, service, area))
                subject = estimate;
        }
        // A range of one value (the subject alone) says nothing about how it compares.
        if (!subject || values.size() < 2) {
            ++leftOut;
            continue;
        }
        const Polarity polarity = indicator != nullptr ? indicator->polarity : Polarity::HigherIsBetter;
        SpineRow row;
        row.label = indicatorTitle(catalogue, id);
        row.unit = indicator != nullptr ? indicator->unit : "";
        row.value = subject->value;
        setSpineRange(row, values);
        row.polarity = toChartPolarity(polarity);
        row.significance = toSignificanceClass(stats::compareToBenchmark(*subject, row.benchmark, polarity));
        row.servicesCompared = static_cast<int>(values.size());
        spine.rows.push_back(std::move(row));
    }
    spine.method = "Better to the right. Bar: lowest, 25th to 75th percentile and highest value of all "
                   "services and areas; centre line: the median; marker: the service, classed by its 95% CI "
                   "against the median; suppressed figures left out";
    if (leftOut > 0)
        spine.method += "; " + std::to_string(leftOut) + (leftOut == 1 ? " indicator" : " indicators") +
                        " without another service to compare";
    return spine;
}

std::vector<IndicatorId> funnelIndicators(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                                          const std::string& period) {
    std::map<IndicatorId, int> countsPerIndicator;
    for (const EvidenceRow& row : rows)
        if (row.period == period && row.isWholePopulation() && row.numerator && row.denominator &&
            *row.denominator > 0.0)
            ++countsPerIndicator[row.indicator];
    std::vector<IndicatorId> usable;
    for (const Indicator& indicator : catalogue.indicators()) {
        const auto found = countsPerIndicator.find(indicator.id);
        const bool limitsDefined =
            indicator.measureType == MeasureType::Proportion || indicator.measureType == MeasureType::Rate;
        if (limitsDefined && found != countsPerIndicator.end() && found->second >= 2)
            usable.push_back(indicator.id);
    }
    return usable;
}

std::vector<IntersectionChoice> intersectionsIn(const std::vector<EvidenceRow>& rows,
                                                const ServiceId& service, const AreaCode& area,
                                                const std::string& period) {
    std::vector<IntersectionChoice> choices;
    for (const EvidenceRow& row : rows) {
        if (row.period != period || !isSubject(row, service, area))
            continue;
        const std::string& crossed = row.characteristic.str();
        const std::size_t star = crossed.find('*');
        // Two characteristics exactly: a three-way breakdown does not fit a grid.
        if (star == std::string::npos || crossed.find('*', star + 1) != std::string::npos)
            continue;
        IntersectionChoice choice{row.indicator, CharacteristicId{crossed.substr(0, star)},
                                  CharacteristicId{crossed.substr(star + 1)}};
        if (std::find(choices.begin(), choices.end(), choice) == choices.end())
            choices.push_back(std::move(choice));
    }
    return choices;
}

} // namespace capeq::report
