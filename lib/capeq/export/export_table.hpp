// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

/// What goes into an export: which rows, at which confidence level, under which disclosure rule.
struct ExportOptions {
    DisclosurePolicy policy; ///< applied to every export; its describe() is recorded in the provenance
    double level = 0.95;     ///< confidence level of lower_ci/upper_ci, in (0, 1)
    std::string service;     ///< only rows of this service ("" = all)
    std::string period;      ///< only rows of this period ("" = all)
};

/// One published row of the tidy export: the keys of an evidence row and every figure derived from it.
/// A suppressed row keeps its keys and has every figure absent (never 0), with its reason code.
struct ExportRow {
    std::string indicator;
    std::string domain; ///< from the catalogue; "" when the indicator is unknown to it
    std::string dimension;
    std::string unit; ///< the indicator's unit ("%", "per 1,000", ...), for SDMX UNIT_MEASURE
    std::string area;
    std::string service;
    std::string period;
    std::string characteristic;
    std::string group;
    std::optional<double> value;
    std::optional<double> standardError;
    std::optional<double> lowerCi;
    std::optional<double> upperCi;
    std::optional<double> ciLevel; ///< absent when there is no interval
    std::string ciMethod;          ///< stats::toString(CiMethod); "" when there is no figure at all
    std::optional<double> n;       ///< unweighted base (sample size, else denominator)
    std::optional<double> populationShare;
    std::string comparedToEveryone; ///< Significance text; "" on the whole-population row and when suppressed
    std::string reliability;        ///< reliabilityCode(); "" when reliable or suppressed
    std::string suppression;        ///< reasonCode(); "" when published
    std::string note;

    bool isSuppressed() const { return !suppression.empty(); }
};

/// The rows of one export in input order, with the disclosure counts for the provenance.
struct ExportTable {
    std::vector<ExportRow> rows;
    std::size_t primarySuppressed = 0;
    std::size_t secondarySuppressed = 0;
    std::string disclosureRule; ///< DisclosurePolicy::describe()
};

/// Builds the export of evidence rows: filters by service/period, applies disclosure control (suppressed
/// rows are redacted before anything is derived from them), then each row's estimate and CI
/// (stats::estimateForRow), reliability and significance against the whole-population row of its table.
/// Throws std::invalid_argument when options.level is outside (0, 1).
ExportTable buildExportTable(const std::vector<EvidenceRow>& rows, const Catalogue& catalogue,
                             const ExportOptions& options);

} // namespace capeq
