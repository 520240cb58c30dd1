// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared machinery of the per-format evidence readers (internal to lib/capeq/evidence).

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/evidence/source_mapping.hpp>
#include <capeq/io/csv_reader.hpp>
#include <capeq/io/number_parser.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace capeq {

/// The code list of a characteristic or of a roll-up's coarse characteristic; nullptr when unknown.
/// open is set for open code lists (area), where any code is accepted.
const std::vector<Group>* findCodeList(const Catalogue& catalogue, const CharacteristicId& id, bool& open);

/// Position of a characteristic in the catalogue (roll-up targets take their base's place); orders the
/// parts of an intersection. Unknown ids sort last.
std::size_t characteristicRank(const Catalogue& catalogue, const CharacteristicId& id);

/// Everything a format reader needs while it walks the rows of one file.
class ReaderContext {
public:
    ReaderContext(CsvReader& csv, std::vector<std::string> header, const Catalogue& catalogue,
                  const ReadOptions& options, EvidenceSet& set, SourceMapping mapping, bool keepRows = true);

    CsvReader& csv;
    const std::vector<std::string> header;
    const Catalogue& catalogue;
    const ReadOptions& options;
    EvidenceSet& set;
    const SourceMapping mapping;

    /// Index of the header column called name (compared as normalised labels), or nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
    /// Like column(), but records a missing-column error when absent.
    std::optional<std::size_t> requireColumn(std::string_view name, std::string_view formatName);
    /// Notes that source column index feeds CapEq field (for columnsUsed and validator locations).
    void use(const std::string& field, std::optional<std::size_t> index);

    /// The current row's text in column index, or empty when the column is absent or the row short.
    std::string_view text(std::optional<std::size_t> index) const;
    /// The current row's number in column index; an unparsable cell records an error and gives nullopt.
    std::optional<double> number(std::optional<std::size_t> index, NumberFormat format = {});
    /// A subgroup_order cell: a whole number from 0 to 1,000,000 (so it converts to int safely), or
    /// std::nullopt with the problem reported.
    std::optional<double> subgroupOrder(std::optional<std::size_t> index);
    /// Location of a cell of the current row (column is the 1-based field number).
    SourceLocation cell(std::optional<std::size_t> index) const;
    SourceLocation rowLocation() const;
    void error(SourceLocation where, std::string message, std::string hint);
    /// A warning recorded in EvidenceSet::warnings.
    void warning(SourceLocation where, std::string message, std::string hint = {});

    /// Adds a finished row to set.rows, or only counts it in a checking pass that keeps no rows.
    void keep(EvidenceRow row);

    /// Counts an unmapped source item (kind "indicator", "characteristic", "group").
    void unmapped(const std::string& kind, const std::string& value);

    /// Mapping file, then the catalogue's own id: a CapEq indicator for a source key, or nullopt.
    std::optional<IndicatorId> resolveIndicator(std::string_view key) const;
    std::optional<CharacteristicId> resolveCharacteristic(std::string_view breakdown) const;
    /// A group code for a source label ("all" for the whole population), or nullopt.
    std::optional<GroupCode> resolveGroup(const CharacteristicId& characteristic,
                                          std::string_view label) const;

    /// Joins breakdown parts into CapEq's intersection convention: parts in catalogue order, joined by
    /// '*' ("sex*ethnicity", "female*black"); no parts gives all/all.
    std::pair<CharacteristicId, GroupCode>
    combine(std::vector<std::pair<CharacteristicId, GroupCode>> parts) const;

private:
    bool m_keepRows;
    std::map<std::string, std::size_t> m_columns;
    std::map<std::pair<std::string, std::string>, std::size_t> m_unmappedIndex;
};

/// Readers of each format (one file each). They add rows to context.set and report problems to
/// context.csv; evidence_reader.cpp throws when any were errors.
void readLongFormat(ReaderContext& context);
void readHeatPlus(ReaderContext& context);
void readFingertips(ReaderContext& context);
void readEthnicityFacts(ReaderContext& context);

} // namespace capeq
