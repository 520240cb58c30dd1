// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_output.hpp>
#include <capeq/stats/weighted_estimates.hpp>

#include <charconv>
#include <cmath>

namespace capeq::compute {

namespace {

EvidenceRow makeRow(const ComputeSpec& spec, const OutputOptions& options, const IndicatorSpec& indicator,
                    const std::string& characteristic, const GroupSums& group, std::size_t j,
                    const DomainSums& whole, std::uint64_t designRows) {
    const DomainSums& sums = group.indicators[j];
    EvidenceRow row;
    row.indicator = IndicatorId{indicator.id};
    row.area = AreaCode{options.area.empty() ? spec.area : options.area};
    row.service = ServiceId{options.service.empty() ? spec.service : options.service};
    row.period = options.period.empty() ? spec.period : options.period;
    row.characteristic = CharacteristicId{characteristic};
    row.group = GroupCode{group.group};
    row.sampleSize = static_cast<double>(sums.n);
    row.population = sums.sumW;
    if (whole.sumW > 0.0)
        row.populationShare = sums.sumW / whole.sumW;
    const bool proportion = indicator.kind == IndicatorKind::Proportion;
    if (proportion)
        row.numerator = sums.sumY;
    if (!(sums.sumW > 0.0)) {
        row.note = "every weight in this group is zero: no estimate";
        return row;
    }
    const stats::WeightedEstimate estimate =
        stats::weightedMean(sums.toWeightedSums(), static_cast<std::size_t>(designRows), options.level);
    const double scale = proportion ? 100.0 : 1.0;
    row.value = estimate.estimate.value * scale;
    if (estimate.estimate.se)
        row.standardError = *estimate.estimate.se * scale;
    if (estimate.estimate.lower)
        row.lowerCi = *estimate.estimate.lower * scale;
    if (estimate.estimate.upper)
        row.upperCi = *estimate.estimate.upper * scale;
    return row;
}

void appendNumber(std::string& out, const std::optional<double>& value) {
    if (!value)
        return;
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, *value);
    out.append(buffer, result.ptr);
}

void appendText(std::string& out, const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

ComputeOutput buildComputeOutput(const ComputeSpec& spec, const ComputeSums& sums,
                                 const OutputOptions& options, const std::string& sourceFile) {
    ComputeOutput output;
    output.evidence.sourceFile = sourceFile;
    output.evidence.format = "capeq-compute";
    output.evidence.encoding = "utf-8";
    std::vector<EvidenceRow> rows;
    for (std::size_t j = 0; j < spec.indicators.size(); ++j) {
        const DomainSums* whole = nullptr;
        for (const TableSums& table : sums.tables) {
            for (const GroupSums& group : table.groups) {
                if (table.characteristic == "all")
                    whole = &group.indicators[j];
                if (group.indicators[j].n == 0 || whole == nullptr)
                    continue; // a group with no value for this indicator has no row
                rows.push_back(makeRow(spec, options, spec.indicators[j], table.characteristic, group, j,
                                       *whole, sums.designRows));
            }
        }
    }
    const DisclosureOutcome disclosure = applyDisclosureControl(rows, options.policy);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (disclosure.isSuppressed(i)) {
            rows[i] = redactRow(rows[i], disclosure.reasons[i]);
            continue;
        }
        const Reliability reliability = classifyReliability(rows[i].sampleSize, options.reliability);
        if (reliability == Reliability::LowReliability || reliability == Reliability::ExcludedFromScores) {
            ++output.lowReliability;
            rows[i].note = rows[i].note.empty() ? reliabilityCode(reliability)
                                                : reliabilityCode(reliability) + "; " + rows[i].note;
        }
    }
    output.primarySuppressed = disclosure.primaryCount;
    output.secondarySuppressed = disclosure.secondaryCount;
    output.disclosureRule = options.policy.describe();
    output.evidence.rows = std::move(rows);
    return output;
}

std::string formatLongFormatCsv(const std::vector<EvidenceRow>& rows) {
    std::string out =
        "indicator_id,area_code,service_id,period,characteristic,group,value,standard_error,"
        "lower_ci,upper_ci,numerator,denominator,population_share,note,sample_size,population\n";
    out.reserve(out.size() + rows.size() * 160);
    for (const EvidenceRow& row : rows) {
        for (const std::string* text : {&row.indicator.str(), &row.area.str(), &row.service.str(),
                                        &row.period, &row.characteristic.str(), &row.group.str()}) {
            appendText(out, *text);
            out += ',';
        }
        for (const std::optional<double>* number :
             {&row.value, &row.standardError, &row.lowerCi, &row.upperCi, &row.numerator, &row.denominator,
              &row.populationShare}) {
            appendNumber(out, *number);
            out += ',';
        }
        appendText(out, row.note);
        out += ',';
        appendNumber(out, row.sampleSize);
        out += ',';
        appendNumber(out, row.population);
        out += '\n';
    }
    return out;
}

} // namespace capeq::compute
