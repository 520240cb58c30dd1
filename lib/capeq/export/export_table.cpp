// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/disclosure/reliability.hpp>
#include <capeq/export/export_table.hpp>
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/evidence_estimates.hpp>

#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

namespace capeq {

namespace {

using TableKey = std::tuple<std::string, std::string, std::string, std::string>;

TableKey tableOf(const EvidenceRow& row) {
    return {row.indicator.str(), row.area.str(), row.service.str(), row.period};
}

// A NaN or infinity in a file a statistician opens is worse than a gap: only finite numbers travel.
std::optional<double> finite(std::optional<double> value) {
    if (value && std::isfinite(*value))
        return value;
    return std::nullopt;
}

void appendNote(std::string& note, const std::string& text) {
    if (!text.empty())
        note += (note.empty() ? "" : "; ") + text;
}

ExportRow keysOf(const EvidenceRow& row, const Indicator* indicator) {
    ExportRow out;
    out.indicator = row.indicator.str();
    if (indicator) {
        out.domain = indicator->domain.str();
        out.dimension = indicator->dimension.str();
        out.unit = indicator->unit;
    }
    out.area = row.area.str();
    out.service = row.service.str();
    out.period = row.period;
    out.characteristic = row.characteristic.str();
    out.group = row.group.str();
    return out;
}

// The statistics view of an indicator. An indicator the catalogue does not know (the loader validates
// against it, so only a hand-made row list) is read as a plain score: value with SE or limits, no counts.
stats::IndicatorStatsInfo statsInfo(const Indicator* indicator) {
    if (indicator == nullptr)
        return {Polarity::NoJudgement, MeasureType::Score, 1.0};
    return {indicator->polarity, indicator->measureType, indicator->multiplier};
}

// Impossible counts are rejected by the validator on the way in; a row list built by hand that still has
// them gets no figures rather than an exception halfway through a file.
std::optional<stats::Estimate> estimateOf(const EvidenceRow& row, const Indicator* indicator, double level) {
    try {
        return stats::estimateForRow(row, statsInfo(indicator), level);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

} // namespace

ExportTable buildExportTable(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                             const ExportOptions& options) {
    if (!(options.level > 0.0 && options.level < 1.0))
        throw std::invalid_argument("the confidence level must be in (0, 1)");

    std::vector<EvidenceRow> selected;
    for (const EvidenceRow& row : rows)
        if ((options.service.empty() || row.service.str() == options.service) &&
            (options.period.empty() || row.period == options.period))
            selected.push_back(row);

    // Disclosure control first, and on the whole selection: tables are indicator x area x service x
    // period, so filtering by service or period never splits one.
    const DisclosureOutcome disclosure = applyDisclosureControl(selected, options.policy);
    ExportTable table;
    table.primarySuppressed = disclosure.primaryCount;
    table.secondarySuppressed = disclosure.secondaryCount;
    table.disclosureRule = options.policy.describe();

    // The whole-population estimate of each table, only when it is itself published.
    std::map<TableKey, std::optional<stats::Estimate>> everyone;
    for (std::size_t i = 0; i < selected.size(); ++i)
        if (selected[i].isWholePopulation() && !disclosure.isSuppressed(i))
            everyone[tableOf(selected[i])] =
                estimateOf(selected[i], catalogue.findIndicator(selected[i].indicator), options.level);

    table.rows.reserve(selected.size());
    for (std::size_t i = 0; i < selected.size(); ++i) {
        const EvidenceRow& source = selected[i];
        const Indicator* indicator = catalogue.findIndicator(source.indicator);
        ExportRow out = keysOf(source, indicator);
        if (disclosure.isSuppressed(i)) {
            // Derive nothing from a suppressed row: its redacted copy has no figures left to derive from.
            const SuppressionReason reason = disclosure.reasons[i];
            out.suppression = reasonCode(reason);
            out.note = redactRow(source, reason).note;
            table.rows.push_back(std::move(out));
            continue;
        }
        out.note = source.note;
        out.n = finite(stats::unweightedBase(source));
        out.populationShare = finite(source.populationShare);
        out.reliability = reliabilityCode(classifyReliability(stats::unweightedBase(source)));

        const std::optional<stats::Estimate> estimate = estimateOf(source, indicator, options.level);
        if (estimate && std::isfinite(estimate->value)) {
            out.value = estimate->value;
            out.standardError = finite(estimate->se);
            out.lowerCi = finite(estimate->lower);
            out.upperCi = finite(estimate->upper);
            if (out.lowerCi && out.upperCi)
                out.ciLevel = estimate->level;
            out.ciMethod = stats::toString(estimate->ciMethod);
            if (!estimate->hasCi())
                appendNote(out.note, "no CI: " + estimate->unavailableReason);
        }

        if (!source.isWholePopulation()) {
            const auto whole = everyone.find(tableOf(source));
            if (!estimate || whole == everyone.end() || !whole->second) {
                out.comparedToEveryone = stats::toString(stats::Significance::NotAssessed);
            } else {
                const Polarity polarity = indicator ? indicator->polarity : Polarity::NoJudgement;
                out.comparedToEveryone = stats::toString(
                    stats::gapToReference(*estimate, *whole->second, polarity, options.level).significance);
            }
        }
        table.rows.push_back(std::move(out));
    }
    return table;
}

} // namespace capeq
