// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/core/strong_id.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// The characteristic and group code that denote the whole population.
inline const CharacteristicId kAllCharacteristic{"all"};
inline const GroupCode kAllGroup{"all"};

/// One aggregate estimate for one indicator x area x service x period x characteristic x group:
/// a row of CapEq's long format (SPEC section 6), whatever file it came from. Values are on the
/// indicator's own scale (a percentage stays a percentage). Absent numbers are std::nullopt, never 0.
struct EvidenceRow {
    IndicatorId indicator;
    AreaCode area;
    ServiceId service;
    std::string period;
    CharacteristicId characteristic;
    GroupCode group;
    std::optional<double> value;
    std::optional<double> standardError;
    std::optional<double> lowerCi; ///< 95% limits
    std::optional<double> upperCi;
    std::optional<double> lowerCi998; ///< 99.8% limits, where the source gives them
    std::optional<double> upperCi998;
    std::optional<double> numerator;
    std::optional<double> denominator;
    std::optional<double> populationShare; ///< 0..1, the group's share of the population
    std::optional<double> population;      ///< group population size (weighted n), where given
    std::optional<double> sampleSize;      ///< unweighted base n, where given
    std::optional<int> subgroupOrder;      ///< 1 = most disadvantaged, for ordered characteristics
    bool isReference = false;              ///< the source marked this group as the reference
    std::string note;
    SourceLocation location; ///< the line this row came from

    bool isWholePopulation() const { return characteristic == kAllCharacteristic && group == kAllGroup; }
};

/// What a source file said about an indicator that CapEq's catalogue may not know (HEAT Plus carries
/// favourable/scale per indicator; Fingertips carries a name).
struct IndicatorHints {
    std::string name;
    std::optional<Polarity> polarity;
    std::optional<double> scale;
};

/// A source item that no mapping covers: reported to the user, never silently dropped.
struct UnmappedItem {
    std::string kind;  ///< "indicator", "characteristic", "group", "row"
    std::string value; ///< the source text that was not mapped
    std::size_t rowCount = 0;
    SourceLocation firstSeen;
};

/// A column of the source file: its header text and 1-based position, so problems found later (by the
/// validator) can still point at the cell the user has to fix.
struct SourceColumn {
    std::string header;
    std::size_t number = 0;
};

/// Rows read from one file, with what the reader learnt about the file on the way.
struct EvidenceSet {
    std::string sourceFile;
    std::string format;                   ///< "capeq-long", "heat-plus", "fingertips", "ethnicity-facts"
    std::string encoding;                 ///< "utf-8", "windows-1252"
    std::vector<std::string> columnsUsed; ///< source columns that fed CapEq fields, for the user to check
    std::vector<EvidenceRow> rows;
    std::map<IndicatorId, IndicatorHints> indicatorHints;
    std::map<CharacteristicId, bool> characteristicOrdered; ///< as declared by the source, where it does
    std::vector<UnmappedItem> unmapped;
    std::vector<Diagnostic> warnings;
    /// CapEq long-format field name ("value", "lower_ci", "sample_size", ...) -> the source column it came
    /// from.
    std::map<std::string, SourceColumn> fieldSources;
};

} // namespace capeq
