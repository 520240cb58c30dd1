// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>
#include <capeq/disclosure/linear_table.hpp>
#include <capeq/stats/evidence_estimates.hpp>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <tuple>

namespace capeq {

namespace {

using Quantity = std::function<std::optional<double>(const EvidenceRow&)>;

std::optional<double> product(std::optional<double> a, std::optional<double> b) {
    if (a && b)
        return *a * *b;
    return std::nullopt;
}

// The additive quantities a reader could combine across rows of one table.
const std::vector<Quantity>& additiveQuantities() {
    static const std::vector<Quantity> kQuantities = {
        [](const EvidenceRow& r) { return r.numerator; },
        [](const EvidenceRow& r) { return r.denominator; },
        [](const EvidenceRow& r) { return r.sampleSize; },
        [](const EvidenceRow& r) { return r.population; },
        [](const EvidenceRow& r) { return r.populationShare; },
        [](const EvidenceRow& r) { return product(r.populationShare, r.value); },
        [](const EvidenceRow& r) { return product(r.population, r.value); },
    };
    return kQuantities;
}

std::vector<std::string> splitIntersection(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t star = text.find('*', start);
        parts.push_back(text.substr(start, star - start));
        if (star == std::string::npos)
            return parts;
        start = star + 1;
    }
}

// Relations between the rows of one table (indices local to the table).
LinearTable marginRelations(const std::vector<const EvidenceRow*>& table) {
    LinearTable relations(table.size());
    std::optional<std::size_t> whole;
    std::map<std::string, std::vector<std::size_t>> byCharacteristic;
    std::map<std::pair<std::string, std::string>, std::size_t> rowOf;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i]->isWholePopulation()) {
            whole = i;
            continue;
        }
        byCharacteristic[table[i]->characteristic.str()].push_back(i);
        rowOf[{table[i]->characteristic.str(), table[i]->group.str()}] = i;
    }
    for (const auto& [characteristic, members] : byCharacteristic) {
        if (whole)
            relations.addSum(*whole, members);
        const std::vector<std::string> axes = splitIntersection(characteristic);
        if (axes.size() < 2)
            continue;
        // Each margin group of each axis equals the sum of the intersection cells that carry it.
        for (std::size_t axis = 0; axis < axes.size(); ++axis) {
            std::map<std::string, std::vector<std::size_t>> cellsByMargin;
            for (const std::size_t member : members) {
                const std::vector<std::string> codes = splitIntersection(table[member]->group.str());
                if (codes.size() == axes.size())
                    cellsByMargin[codes[axis]].push_back(member);
            }
            for (const auto& [code, cells] : cellsByMargin)
                if (const auto margin = rowOf.find({axes[axis], code}); margin != rowOf.end())
                    relations.addSum(margin->second, cells);
        }
    }
    return relations;
}

} // namespace

EvidenceRow redactRow(const EvidenceRow& row, SuppressionReason reason) {
    EvidenceRow redacted;
    redacted.indicator = row.indicator;
    redacted.area = row.area;
    redacted.service = row.service;
    redacted.period = row.period;
    redacted.characteristic = row.characteristic;
    redacted.group = row.group;
    redacted.subgroupOrder = row.subgroupOrder;
    redacted.isReference = row.isReference;
    redacted.location = row.location;
    redacted.note = reasonText(reason);
    return redacted;
}

DisclosureOutcome applyDisclosureControl(const std::vector<EvidenceRow>& rows,
                                         const DisclosurePolicy& policy) {
    DisclosureOutcome outcome;
    outcome.reasons.assign(rows.size(), SuppressionReason::Published);
    if (!policy.enabled)
        return outcome;

    using TableKey = std::tuple<std::string, std::string, std::string, std::string>;
    std::map<TableKey, std::vector<std::size_t>> tables;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const EvidenceRow& row = rows[i];
        tables[{row.indicator.str(), row.area.str(), row.service.str(), row.period}].push_back(i);
        outcome.reasons[i] = primarySuppression(policy, stats::unweightedBase(row), row.numerator);
        if (outcome.reasons[i] != SuppressionReason::Published)
            ++outcome.primaryCount;
    }
    if (!policy.secondary || outcome.primaryCount == 0)
        return outcome;

    for (const auto& [key, members] : tables) {
        std::vector<const EvidenceRow*> table;
        std::vector<bool> suppressed;
        std::vector<double> weights;
        for (const std::size_t index : members) {
            table.push_back(&rows[index]);
            suppressed.push_back(outcome.reasons[index] != SuppressionReason::Published);
            // Hide the smallest groups first; the whole-population row only as a last resort.
            weights.push_back(rows[index].isWholePopulation()
                                  ? std::numeric_limits<double>::max()
                                  : stats::unweightedBase(rows[index]).value_or(0.0));
        }
        if (std::none_of(suppressed.begin(), suppressed.end(), [](bool s) { return s; }))
            continue;
        const LinearTable relations = marginRelations(table);
        std::vector<SuppressionLayer> layers;
        for (const Quantity& quantity : additiveQuantities()) {
            SuppressionLayer layer{relations, std::vector<bool>(table.size())};
            bool anyPresent = false;
            for (std::size_t i = 0; i < table.size(); ++i) {
                layer.absent[i] = !quantity(*table[i]).has_value();
                anyPresent = anyPresent || !layer.absent[i];
            }
            if (anyPresent)
                layers.push_back(std::move(layer));
        }
        bool pinned = false;
        const std::vector<std::size_t> added = secondarySuppression(layers, suppressed, weights, pinned);
        if (pinned) {
            ++outcome.withheldTables;
            for (const std::size_t index : members)
                if (outcome.reasons[index] == SuppressionReason::Published)
                    outcome.reasons[index] = SuppressionReason::WholeTable;
            continue;
        }
        for (const std::size_t local : added) {
            outcome.reasons[members[local]] = SuppressionReason::Secondary;
            ++outcome.secondaryCount;
        }
    }
    return outcome;
}

} // namespace capeq
