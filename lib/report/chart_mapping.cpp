// SPDX-License-Identifier: Apache-2.0
// Chart data from scores: wheel, heat map, gap chart, index trend, coverage and equiplot.
#include <capeq/scoring/explain.hpp>
#include <capeq/stats/comparison.hpp>

#include <algorithm>
#include <report/chart_mapping.hpp>
#include <report/chart_mapping_support.hpp>
#include <stdexcept>

namespace capeq::report {

SuppressionIndex indexSuppression(const std::vector<EvidenceRow>& rows, const DisclosureOutcome& outcome) {
    SuppressionIndex index;
    for (std::size_t i = 0; i < rows.size() && i < outcome.reasons.size(); ++i)
        if (outcome.isSuppressed(i))
            index[{rows[i].indicator.str(), rows[i].characteristic.str(), rows[i].group.str()}] =
                outcome.reasons[i];
    return index;
}

std::string groupLabel(const Catalogue& catalogue, const CharacteristicId& characteristic,
                       const GroupCode& group) {
    if (const Characteristic* found = catalogue.findCharacteristic(characteristic))
        if (const Group* match = found->findGroup(group); match != nullptr && !match->label.empty())
            return match->label;
    for (const Rollup& rollup : catalogue.rollups())
        if (rollup.targetCharacteristic == characteristic)
            for (const Group& target : rollup.targetGroups)
                if (target.code == group && !target.label.empty())
                    return target.label;
    return group.str();
}

WheelData wheelFromScore(const ServiceScore& score, const Catalogue& catalogue) {
    WheelData wheel;
    wheel.title = "Capability wheel: domain x dimension scores (0-100, higher is better)";
    for (const Dimension& dimension : catalogue.dimensions())
        wheel.dimensionLabels.push_back(dimension.name);
    for (const Domain& domain : catalogue.domains()) {
        wheel.domainLabels.push_back(domain.name);
        std::vector<std::optional<double>> row;
        for (const Dimension& dimension : catalogue.dimensions()) {
            const auto cell = std::find_if(score.cells.begin(), score.cells.end(), [&](const CellScore& c) {
                return c.domain == domain.id && c.dimension == dimension.id;
            });
            row.push_back(cell == score.cells.end() ? std::nullopt : cell->score);
        }
        wheel.scores.push_back(std::move(row));
        const auto found = std::find_if(score.domains.begin(), score.domains.end(),
                                        [&](const DomainScore& d) { return d.domain == domain.id; });
        wheel.domainScores.push_back(found == score.domains.end() ? std::nullopt : found->score);
    }
    return wheel;
}

namespace {

// Orders characteristics as the catalogue lists them, unknown ones (e.g. roll-ups) after, by id.
std::vector<CharacteristicId> characteristicsInScore(const ServiceScore& score, const Catalogue& catalogue) {
    std::vector<CharacteristicId> present;
    for (const IndicatorScore& indicator : score.indicators)
        for (const CharacteristicEquality& equality : indicator.characteristics)
            if (std::find(present.begin(), present.end(), equality.characteristic) == present.end())
                present.push_back(equality.characteristic);
    const auto rank = [&](const CharacteristicId& id) {
        const auto& all = catalogue.characteristics();
        const auto found =
            std::find_if(all.begin(), all.end(), [&](const Characteristic& c) { return c.id == id; });
        return static_cast<std::size_t>(found - all.begin());
    };
    std::sort(present.begin(), present.end(), [&](const CharacteristicId& a, const CharacteristicId& b) {
        return std::make_pair(rank(a), a.str()) < std::make_pair(rank(b), b.str());
    });
    return present;
}

// Heat-map severity of one characteristic assessment: higher is more serious, so a domain shows its worst.
int severity(const CharacteristicEquality& equality) {
    const bool anyUsable = std::any_of(equality.groups.begin(), equality.groups.end(),
                                       [](const GroupFigure& g) { return g.usedInScore; });
    if (!anyUsable)
        return 0;
    switch (equality.status) {
    case GapStatus::Counted:
        return 4;
    case GapStatus::NoUncertainty:
        return 3;
    case GapStatus::Unclear:
        return 2;
    case GapStatus::NoGap:
        return 1;
    }
    return 0;
}

HeatMapCell heatCell(int worst, int counted, int assessments, const std::string& indicators) {
    HeatMapCell cell;
    switch (worst) {
    case 4:
        cell.significance = SignificanceClass::Worse;
        cell.label = "worse";
        break;
    case 3:
        cell.significance = SignificanceClass::NotCompared;
        cell.label = "no CI";
        break;
    case 2:
        cell.significance = SignificanceClass::Similar;
        cell.label = "unclear";
        break;
    case 1:
        cell.significance = SignificanceClass::Similar;
        cell.label = "no gap";
        break;
    default:
        cell.significance = SignificanceClass::NotCompared;
        cell.label = "suppressed";
        break;
    }
    cell.detail = std::to_string(counted) + " of " + std::to_string(assessments) +
                  (assessments == 1 ? " indicator" : " indicators") + " with a significant gap (" +
                  indicators + ")";
    return cell;
}

} // namespace

HeatMapData heatMapFromScore(const ServiceScore& score, const Catalogue& catalogue) {
    HeatMapData map;
    map.title = "Where groups fare significantly worse: domains x characteristics";
    map.method = "Worst result per domain: worse = best-worst gap significant at 95%; unclear = not "
                 "significant; no CI = no uncertainty available; blank = no data";
    const std::vector<CharacteristicId> characteristics = characteristicsInScore(score, catalogue);
    for (const CharacteristicId& id : characteristics) {
        const Characteristic* found = catalogue.findCharacteristic(id);
        map.columnLabels.push_back(found != nullptr ? found->name : id.str());
    }
    for (const Domain& domain : catalogue.domains()) {
        map.rowLabels.push_back(domain.name);
        std::vector<HeatMapCell> row;
        for (const CharacteristicId& id : characteristics) {
            int worst = -1;
            int counted = 0;
            int assessments = 0;
            std::string indicators;
            for (const IndicatorScore& indicator : score.indicators) {
                if (indicator.domain != domain.id)
                    continue;
                for (const CharacteristicEquality& equality : indicator.characteristics) {
                    if (equality.characteristic != id)
                        continue;
                    const int level = severity(equality);
                    worst = std::max(worst, level);
                    ++assessments;
                    counted += level == 4 ? 1 : 0;
                    indicators +=
                        (indicators.empty() ? "" : ", ") + indicatorTitle(catalogue, indicator.indicator);
                }
            }
            row.push_back(worst < 0 ? HeatMapCell{std::nullopt, "", "no evidence"}
                                    : heatCell(worst, counted, assessments, indicators));
        }
        map.cells.push_back(std::move(row));
    }
    return map;
}

GapChartData gapChartFor(const IndicatorScore& score, const CharacteristicId& characteristic,
                         const Catalogue& catalogue, const SuppressionIndex& suppression) {
    const auto equality =
        std::find_if(score.characteristics.begin(), score.characteristics.end(),
                     [&](const CharacteristicEquality& e) { return e.characteristic == characteristic; });
    if (equality == score.characteristics.end())
        throw std::invalid_argument("indicator " + score.indicator.str() + " has no figures by " +
                                    characteristic.str());
    const Indicator* indicator = catalogue.findIndicator(score.indicator);
    const Polarity polarity = indicator != nullptr ? indicator->polarity : Polarity::HigherIsBetter;
    const Characteristic* found = catalogue.findCharacteristic(characteristic);
    GapChartData chart;
    chart.title = indicatorTitle(catalogue, score.indicator) + " by " +
                  (found != nullptr ? found->name : characteristic.str());
    chart.unit = indicator != nullptr ? indicator->unit : "";
    chart.polarity = toChartPolarity(polarity);
    if (indicator != nullptr)
        chart.minimumStandard = indicator->minimumStandard;

    const GroupReference reference = chooseReference(*equality, indicator, score.whole);
    chart.referenceValue = reference.value;
    chart.referenceLabel = reference.group.empty()
                               ? "Everyone: " + formatNumber(reference.value, 1)
                               : "Reference (" + groupLabel(catalogue, characteristic, reference.group) +
                                     "): " + formatNumber(reference.value, 1);
    const int percent = static_cast<int>(score.whole.level * 100.0 + 0.5);
    chart.method =
        std::to_string(percent) + "% confidence intervals; each group compared with " +
        (reference.group.empty() ? std::string("the whole-population value") : "the reference group") + "; " +
        polarityWords(polarity);

    for (const GroupFigure& figure : equality->groups) {
        GapGroup group;
        group.code = figure.group.str();
        group.label = groupLabel(catalogue, characteristic, figure.group);
        group.lowReliability = figure.reliability == Reliability::LowReliability;
        group.suppression = suppressionFor(suppression, score.indicator.str(), characteristic.str(),
                                           figure.group.str(), figure.excludedBecause == kSuppressedReason);
        group.isReference = !reference.group.empty() && figure.group == reference.group;
        if (!group.suppression.suppressed && figure.excludedBecause != "no value") {
            group.figure = chartValue(figure.estimate);
            group.note = figure.excludedBecause;
            if (!group.isReference && figure.usedInScore)
                group.significance = compareWithReference(figure.estimate, reference, polarity);
        } else if (!group.suppression.suppressed) {
            group.note = figure.excludedBecause;
        }
        chart.groups.push_back(std::move(group));
    }
    return chart;
}

TrendData trendFromHistory(const std::vector<ServiceScore>& history, const ServiceScore& current,
                           const Catalogue& catalogue) {
    TrendData trend;
    trend.title = "Capability-equality index over time";
    trend.unit = "score (0-100)";
    trend.yMinimum = 0.0;
    trend.yMaximum = 100.0;
    trend.method = "Index and domain scores of each period as scored; scores carry no confidence interval";
    std::vector<const ServiceScore*> periods;
    for (const ServiceScore& earlier : history)
        periods.push_back(&earlier);
    periods.push_back(&current);
    TrendSeries index{"Capability-equality index", {}};
    for (const ServiceScore* period : periods) {
        trend.periods.push_back(period->period);
        index.points.push_back(ChartValue{period->overall, std::nullopt, std::nullopt});
    }
    trend.series.push_back(std::move(index));
    for (const Domain& domain : catalogue.domains()) {
        TrendSeries series{domain.name, {}};
        bool any = false;
        for (const ServiceScore* period : periods) {
            const auto found = std::find_if(period->domains.begin(), period->domains.end(),
                                            [&](const DomainScore& d) { return d.domain == domain.id; });
            const std::optional<double> value = found == period->domains.end() ? std::nullopt : found->score;
            any = any || value.has_value();
            series.points.push_back(ChartValue{value, std::nullopt, std::nullopt});
        }
        if (any)
            trend.series.push_back(std::move(series));
    }
    return trend;
}

CoverageData coverageFromScore(const ServiceScore& score, const Catalogue& catalogue) {
    CoverageData coverage;
    coverage.title = "Evidence coverage: domains x dimensions";
    for (const Dimension& dimension : catalogue.dimensions())
        coverage.dimensionLabels.push_back(dimension.name);
    for (const Domain& domain : catalogue.domains()) {
        coverage.domainLabels.push_back(domain.name);
        std::vector<CoverageCell> row;
        for (const Dimension& dimension : catalogue.dimensions()) {
            CoverageCell cell;
            cell.indicatorsInCatalogue = static_cast<int>(catalogue.select(domain.id, dimension.id).size());
            const auto found = std::find_if(score.cells.begin(), score.cells.end(), [&](const CellScore& c) {
                return c.domain == domain.id && c.dimension == dimension.id;
            });
            if (found != score.cells.end()) {
                cell.indicatorsWithEvidence = static_cast<int>(found->indicators.size());
                cell.score = found->score;
            }
            row.push_back(cell);
        }
        coverage.cells.push_back(std::move(row));
    }
    const Coverage& c = score.coverage;
    coverage.partial = c.partial;
    coverage.summary = std::to_string(c.cellsWithEvidence) + " of " + std::to_string(c.cellsTotal) +
                       " cells and " + std::to_string(c.domainsWithEvidence) + " of " +
                       std::to_string(c.domainsTotal) + " domains have usable evidence" +
                       (c.partial ? " (partial index)" : "");
    return coverage;
}

EquiplotData equiplotFrom(const ServiceScore& score, const CharacteristicId& characteristic,
                          const Catalogue& catalogue, const SuppressionIndex& suppression) {
    EquiplotData plot;
    const Characteristic* found = catalogue.findCharacteristic(characteristic);
    const std::string name = found != nullptr ? found->name : characteristic.str();
    plot.title = "Groups by " + name + ": one line per indicator, lowest to highest group";
    plot.method = "Each dot is a group's value; the line spans the lowest to the highest published group";
    std::vector<std::string> codes;
    if (found != nullptr)
        for (const Group& group : found->groups)
            codes.push_back(group.code.str());
    std::vector<std::string> units;
    for (const IndicatorScore& indicator : score.indicators)
        for (const CharacteristicEquality& equality : indicator.characteristics) {
            if (equality.characteristic != characteristic)
                continue;
            EquiplotRow row{indicatorTitle(catalogue, indicator.indicator), {}};
            for (const GroupFigure& figure : equality.groups) {
                auto at = std::find(codes.begin(), codes.end(), figure.group.str());
                if (at == codes.end())
                    at = codes.insert(codes.end(), figure.group.str());
                EquiplotDot dot;
                dot.group = static_cast<std::size_t>(at - codes.begin());
                dot.suppression =
                    suppressionFor(suppression, indicator.indicator.str(), characteristic.str(),
                                   figure.group.str(), figure.excludedBecause == kSuppressedReason);
                if (!dot.suppression.suppressed && figure.excludedBecause != "no value")
                    dot.value = figure.estimate.value;
                row.dots.push_back(std::move(dot));
            }
            if (const Indicator* known = catalogue.findIndicator(indicator.indicator))
                units.push_back(known->unit);
            plot.rows.push_back(std::move(row));
        }
    for (const std::string& code : codes)
        plot.groupLabels.push_back(groupLabel(catalogue, characteristic, GroupCode{code}));
    const bool sameUnit =
        !units.empty() &&
        std::all_of(units.begin(), units.end(), [&](const std::string& u) { return u == units.front(); });
    plot.unit = sameUnit ? units.front() : "";
    return plot;
}

} // namespace capeq::report
