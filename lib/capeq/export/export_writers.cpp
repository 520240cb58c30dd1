// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/codebook.hpp>
#include <capeq/export/export_fields.hpp>
#include <capeq/export/export_writers.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

namespace capeq {

namespace {

using Json = nlohmann::ordered_json;

void writeRecord(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i == 0 ? "" : ",") << csvField(fields[i]);
    out << '\n';
}

void writeHeader(std::ostream& out, const std::vector<ExportField>& fields) {
    std::vector<std::string> names;
    for (const ExportField& field : fields)
        names.push_back(field.name);
    writeRecord(out, names);
}

// The tidy values of one row, in tidyFields() order, as text ("" = absent).
std::vector<std::string> tidyValues(const ExportRow& row) {
    return {row.indicator,
            row.domain,
            row.dimension,
            row.area,
            row.service,
            row.period,
            row.characteristic,
            row.group,
            exportNumber(row.value),
            exportNumber(row.standardError),
            exportNumber(row.lowerCi),
            exportNumber(row.upperCi),
            exportNumber(row.ciLevel),
            row.ciMethod,
            exportNumber(row.n),
            exportNumber(row.populationShare),
            row.comparedToEveryone,
            row.reliability,
            row.suppression,
            row.note};
}

Json jsonNumber(std::optional<double> value) {
    return value && std::isfinite(*value) ? Json(*value) : Json(nullptr);
}

Json jsonText(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

std::string sdmxNumber(std::optional<double> value) {
    const std::string text = exportNumber(value);
    return text.empty() ? "NaN" : text;
}

} // namespace

std::string exportNumber(std::optional<double> value) {
    if (!value || !std::isfinite(*value))
        return "";
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value);
    return std::string(buffer.data(), result.ptr);
}

void writeTidyCsv(std::ostream& out, const ExportTable& table) {
    writeHeader(out, tidyFields());
    for (const ExportRow& row : table.rows)
        writeRecord(out, tidyValues(row));
}

void writeExportJson(std::ostream& out, const ExportTable& table, const ExportProvenance& provenance) {
    Json rows = Json::array();
    for (const ExportRow& row : table.rows) {
        rows.push_back(Json{{"indicator_id", row.indicator},
                            {"domain", jsonText(row.domain)},
                            {"dimension", jsonText(row.dimension)},
                            {"area_code", row.area},
                            {"service_id", jsonText(row.service)},
                            {"period", row.period},
                            {"characteristic", row.characteristic},
                            {"group", row.group},
                            {"value", jsonNumber(row.value)},
                            {"standard_error", jsonNumber(row.standardError)},
                            {"lower_ci", jsonNumber(row.lowerCi)},
                            {"upper_ci", jsonNumber(row.upperCi)},
                            {"ci_level", jsonNumber(row.ciLevel)},
                            {"ci_method", jsonText(row.ciMethod)},
                            {"n", jsonNumber(row.n)},
                            {"population_share", jsonNumber(row.populationShare)},
                            {"compared_to_everyone", jsonText(row.comparedToEveryone)},
                            {"reliability", jsonText(row.reliability)},
                            {"suppression", jsonText(row.suppression)},
                            {"note", jsonText(row.note)}});
    }
    const Json document{{"provenance", Json::parse(provenanceJson(provenance))}, {"rows", rows}};
    out << document.dump(2) << '\n';
}

void writeSdmxCsv(std::ostream& out, const ExportTable& table) {
    writeHeader(out, sdmxFields());
    for (const ExportRow& row : table.rows) {
        writeRecord(out, {"dataflow", kSdmxStructureId, "I", row.indicator, row.area, row.service, row.period,
                          row.characteristic, row.group, sdmxNumber(row.value), row.unit,
                          sdmxNumber(row.standardError), sdmxNumber(row.lowerCi), sdmxNumber(row.upperCi),
                          sdmxNumber(row.ciLevel), row.isSuppressed() ? "C" : "F", row.reliability,
                          row.suppression});
    }
}

} // namespace capeq
