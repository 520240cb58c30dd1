// SPDX-License-Identifier: Apache-2.0
#include <capeq/export/export_fields.hpp>

namespace capeq {

// These descriptions are the single source for the sidecar schema; docs/EXPORTS.md repeats them for readers.
const std::vector<ExportField>& tidyFields() {
    static const std::vector<ExportField> fields = {
        {"indicator_id", "string", "Catalogue id of the indicator (see the codebook)."},
        {"domain", "string", "Life domain of the indicator."},
        {"dimension", "string", "Aspect of inequality: outcome, treatment or autonomy."},
        {"area_code", "string", "Geography code of the area."},
        {"service_id", "string", "The public service the evidence is about; empty for area-wide evidence."},
        {"period", "string", "Time period as given in the evidence (e.g. 2023/24)."},
        {"characteristic", "string",
         "Protected characteristic or breakdown; 'all' for the whole population."},
        {"group", "string", "Group within the characteristic; 'all' for the whole population."},
        {"value", "number", "Estimate on the indicator's own scale (a percentage stays a percentage)."},
        {"standard_error", "number", "Standard error of value, on the same scale."},
        {"lower_ci", "number", "Lower confidence limit at ci_level."},
        {"upper_ci", "number", "Upper confidence limit at ci_level."},
        {"ci_level", "number",
         "Confidence level of lower_ci/upper_ci (0.95); empty when there is no interval."},
        {"ci_method", "string",
         "How the interval was obtained: normal, supplied, wilson, exact_poisson, byar, none, ..."},
        {"n", "number", "Unweighted base: the sample size where given, else the denominator."},
        {"population_share", "number", "The group's share of the population, 0 to 1."},
        {"compared_to_everyone", "string",
         "Group against the whole-population row of the same table at ci_level: better, similar, worse "
         "(lower, higher for indicators without polarity) or not_assessed; empty on the whole-population row "
         "and on suppressed rows."},
        {"reliability", "string",
         "low_reliability (n < 50), excluded_small_base (n < 10: not used in scores), base_unknown; empty "
         "when "
         "reliable or suppressed."},
        {"suppression", "string",
         "Disclosure control reason code: P-base, P-count (primary), S (secondary), S-table (whole table); "
         "empty when published. A suppressed row has every figure empty."},
        {"note", "string", "Notes from the source and from CapEq (e.g. why there is no interval)."},
    };
    return fields;
}

const std::vector<std::string>& tidyPrimaryKey() {
    static const std::vector<std::string> key = {"indicator_id", "area_code",      "service_id",
                                                 "period",       "characteristic", "group"};
    return key;
}

const std::vector<ExportField>& sdmxFields() {
    static const std::vector<ExportField> fields = {
        {"STRUCTURE", "string", "Kind of structure the row refers to: always 'dataflow'."},
        {"STRUCTURE_ID", "string",
         "Agency, id and version of the dataflow: CAPEQ:DF_CAPABILITY_EQUALITY(1.0)."},
        {"ACTION", "string", "SDMX action: I (information only; nothing to merge or replace)."},
        {"INDICATOR", "string", "Dimension: catalogue id of the indicator."},
        {"AREA", "string", "Dimension: geography code."},
        {"SERVICE", "string", "Dimension: service id (empty for area-wide evidence)."},
        {"TIME_PERIOD", "string", "Dimension: period as given in the evidence."},
        {"CHARACTERISTIC", "string", "Dimension: characteristic ('all' for the whole population)."},
        {"GROUP", "string", "Dimension: group ('all' for the whole population)."},
        {"OBS_VALUE", "number", "Measure: the estimate; NaN when suppressed or not available."},
        {"UNIT_MEASURE", "string", "Attribute: unit of the indicator (e.g. %)."},
        {"STANDARD_ERROR", "number", "Attribute: standard error of OBS_VALUE; NaN when absent."},
        {"LOWER_CI", "number", "Attribute: lower confidence limit at CI_LEVEL; NaN when absent."},
        {"UPPER_CI", "number", "Attribute: upper confidence limit at CI_LEVEL; NaN when absent."},
        {"CI_LEVEL", "number", "Attribute: confidence level of the limits; NaN when there is no interval."},
        {"CONF_STATUS", "string",
         "Attribute: F (free) or C (confidential: suppressed by disclosure control)."},
        {"RELIABILITY", "string", "Attribute: as the tidy reliability column."},
        {"SUPPRESSION", "string",
         "Custom column: CapEq's suppression reason code (P-base, P-count, S, S-table)."},
    };
    return fields;
}

} // namespace capeq
