// SPDX-License-Identifier: Apache-2.0
#include <capeq/evidence/reader_support.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace capeq {

const std::vector<Group>* findCodeList(const Catalogue& catalogue, const CharacteristicId& id, bool& open) {
    open = false;
    if (const Characteristic* characteristic = catalogue.findCharacteristic(id)) {
        open = characteristic->openCodeList;
        return &characteristic->groups;
    }
    for (const Rollup& rollup : catalogue.rollups())
        if (rollup.targetCharacteristic == id || rollup.id == id.str())
            return &rollup.targetGroups;
    return nullptr;
}

std::size_t characteristicRank(const Catalogue& catalogue, const CharacteristicId& id) {
    const auto& list = catalogue.characteristics();
    const auto rankOf = [&list](const CharacteristicId& wanted) -> std::size_t {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == wanted)
                return i;
        return std::numeric_limits<std::size_t>::max();
    };
    const std::size_t direct = rankOf(id);
    if (direct != std::numeric_limits<std::size_t>::max())
        return direct;
    for (const Rollup& rollup : catalogue.rollups())
        if (rollup.targetCharacteristic == id || rollup.id == id.str())
            return rankOf(rollup.characteristic);
    return std::numeric_limits<std::size_t>::max();
}

ReaderContext::ReaderContext(CsvReader& csvReader, std::vector<std::string> headerNames,
                             const Catalogue& catalogueRef, const ReadOptions& readOptions,
                             EvidenceSet& evidence, SourceMapping sourceMapping, bool keepRows)
    : csv(csvReader)
    , header(std::move(headerNames))
    , catalogue(catalogueRef)
    , options(readOptions)
    , set(evidence)
    , mapping(std::move(sourceMapping))
    , m_keepRows(keepRows) {
    for (std::size_t i = 0; i < header.size(); ++i)
        m_columns.emplace(normaliseLabel(header[i]), i); // the first of two equal names wins
}

std::optional<std::size_t> ReaderContext::column(std::string_view name) const {
    const auto found = m_columns.find(normaliseLabel(name));
    if (found == m_columns.end())
        return std::nullopt;
    return found->second;
}

std::optional<std::size_t> ReaderContext::requireColumn(std::string_view name, std::string_view formatName) {
    const auto index = column(name);
    if (!index)
        csv.report({Severity::Error,
                    {csv.fileName(), 1, 0, {}},
                    "the " + std::string(formatName) + " file has no '" + std::string(name) + "' column",
                    "add the column to the header (see docs/FORMATS.md), or choose another --format"});
    return index;
}

void ReaderContext::use(const std::string& field, std::optional<std::size_t> index) {
    if (!index)
        return;
    if (!field.empty())
        set.fieldSources[field] = SourceColumn{header[*index], *index + 1};
    if (std::find(set.columnsUsed.begin(), set.columnsUsed.end(), header[*index]) == set.columnsUsed.end())
        set.columnsUsed.push_back(header[*index]);
}

std::string_view ReaderContext::text(std::optional<std::size_t> index) const {
    if (!index || *index >= csv.size())
        return {};
    return csv[*index];
}

std::optional<double> ReaderContext::number(std::optional<std::size_t> index, NumberFormat format) {
    const ParsedNumber parsed = parseNumber(text(index), format);
    if (!parsed.ok())
        csv.report({Severity::Error, cell(index), parsed.problem, std::string(kNumberHint)});
    return parsed.value;
}

std::optional<double> ReaderContext::subgroupOrder(std::optional<std::size_t> index) {
    const std::optional<double> value = number(index);
    if (value && !(*value >= 0 && *value <= 1'000'000 && *value == std::floor(*value))) {
        csv.report({Severity::Error, cell(index), "subgroup_order must be a whole number from 0 to 1000000",
                    "write each subgroup's position in its dimension: 1, 2, 3..."});
        return std::nullopt;
    }
    return value;
}

SourceLocation ReaderContext::cell(std::optional<std::size_t> index) const {
    if (!index)
        return rowLocation();
    return {csv.fileName(), csv.line(), *index + 1, header[*index]};
}

SourceLocation ReaderContext::rowLocation() const {
    return {csv.fileName(), csv.line(), 0, {}};
}

void ReaderContext::error(SourceLocation where, std::string message, std::string hint) {
    csv.report({Severity::Error, std::move(where), std::move(message), std::move(hint)});
}

void ReaderContext::warning(SourceLocation where, std::string message, std::string hint) {
    set.warnings.push_back({Severity::Warning, std::move(where), std::move(message), std::move(hint)});
}

void ReaderContext::keep(EvidenceRow row) {
    if (m_keepRows)
        set.rows.push_back(std::move(row));
}

void ReaderContext::unmapped(const std::string& kind, const std::string& value) {
    const auto key = std::make_pair(kind, value);
    const auto found = m_unmappedIndex.find(key);
    if (found != m_unmappedIndex.end()) {
        ++set.unmapped[found->second].rowCount;
        return;
    }
    m_unmappedIndex.emplace(key, set.unmapped.size());
    set.unmapped.push_back({kind, value, 1, rowLocation()});
}

std::optional<IndicatorId> ReaderContext::resolveIndicator(std::string_view key) const {
    if (auto mapped = mapping.indicator(key))
        return IndicatorId{*mapped};
    const IndicatorId direct{std::string(key)};
    if (catalogue.findIndicator(direct) != nullptr)
        return direct;
    return std::nullopt;
}

std::optional<CharacteristicId> ReaderContext::resolveCharacteristic(std::string_view breakdown) const {
    if (auto mapped = mapping.breakdown(breakdown))
        return CharacteristicId{*mapped};
    const CharacteristicId direct{normaliseLabel(breakdown)};
    bool open = false;
    if (findCodeList(catalogue, direct, open) != nullptr)
        return direct;
    return std::nullopt;
}

std::optional<GroupCode> ReaderContext::resolveGroup(const CharacteristicId& characteristic,
                                                     std::string_view label) const {
    if (auto mapped = mapping.group(characteristic.str(), label))
        return GroupCode{*mapped};
    const std::string wanted = normaliseLabel(label);
    if (wanted == "all")
        return kAllGroup;
    bool open = false;
    const std::vector<Group>* groups = findCodeList(catalogue, characteristic, open);
    if (groups == nullptr)
        return std::nullopt;
    for (const Group& group : *groups)
        if (normaliseLabel(group.code.str()) == wanted || normaliseLabel(group.label) == wanted)
            return group.code;
    if (open && !wanted.empty())
        return GroupCode{std::string(label)};
    return std::nullopt;
}

std::pair<CharacteristicId, GroupCode>
ReaderContext::combine(std::vector<std::pair<CharacteristicId, GroupCode>> parts) const {
    if (parts.empty())
        return {kAllCharacteristic, kAllGroup};
    std::stable_sort(parts.begin(), parts.end(), [this](const auto& a, const auto& b) {
        const auto rankA = characteristicRank(catalogue, a.first);
        const auto rankB = characteristicRank(catalogue, b.first);
        return rankA != rankB ? rankA < rankB : a.first.str() < b.first.str();
    });
    std::string characteristic;
    std::string group;
    for (const auto& [id, code] : parts) {
        characteristic += (characteristic.empty() ? "" : "*") + id.str();
        group += (group.empty() ? "" : "*") + code.str();
    }
    return {CharacteristicId{characteristic}, GroupCode{group}};
}

} // namespace capeq
