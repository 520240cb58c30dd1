// SPDX-License-Identifier: Apache-2.0
#include <capeq/export/export_fields.hpp>
#include <capeq/export/export_provenance.hpp>

#include <array>
#include <ctime>
#include <nlohmann/json.hpp>
#include <utility>

namespace capeq {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::pair<ExportFormat, const char*>, 5> kFormatNames{{
    {ExportFormat::TidyCsv, "tidy-csv"},
    {ExportFormat::Json, "json"},
    {ExportFormat::SdmxCsv, "sdmx-csv"},
    {ExportFormat::CodebookMarkdown, "codebook-md"},
    {ExportFormat::CodebookCsv, "codebook-csv"},
}};

Json toJson(const ExportProvenance& p) {
    Json inputs = Json::array();
    for (const ExportInputFile& input : p.inputs)
        inputs.push_back({{"name", input.name}, {"kind", input.kind}, {"sha256", input.sha256}});
    return Json{{"capeq_version", p.capeqVersion},
                {"method_version", p.methodVersion},
                {"format", toString(p.format)},
                {"framework", p.framework},
                {"disclosure_rule", p.disclosureRule},
                {"reliability_rule", p.reliabilityRule},
                {"ci_level", p.ciLevel},
                {"exported_at", p.exportedAt},
                {"inputs", inputs},
                {"service_filter", p.serviceFilter.empty() ? Json(nullptr) : Json(p.serviceFilter)},
                {"period_filter", p.periodFilter.empty() ? Json(nullptr) : Json(p.periodFilter)},
                {"row_count", p.rowCount},
                {"suppressed_primary", p.primarySuppressed},
                {"suppressed_secondary", p.secondarySuppressed}};
}

Json fieldsJson(const std::vector<ExportField>& fields) {
    Json array = Json::array();
    for (const ExportField& field : fields)
        array.push_back({{"name", field.name}, {"type", field.type}, {"description", field.description}});
    return array;
}

} // namespace

std::string toString(ExportFormat format) {
    for (const auto& [value, name] : kFormatNames)
        if (value == format)
            return name;
    return "tidy-csv";
}

std::optional<ExportFormat> parseExportFormat(const std::string& text) {
    for (const auto& [value, name] : kFormatNames)
        if (text == name)
            return value;
    return std::nullopt;
}

void recordTable(ExportProvenance& provenance, const ExportTable& table) {
    provenance.rowCount = table.rows.size();
    provenance.primarySuppressed = table.primarySuppressed;
    provenance.secondarySuppressed = table.secondarySuppressed;
    provenance.disclosureRule = table.disclosureRule;
}

std::string utcTimestamp(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> text{};
    const std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text.data(), length);
}

std::filesystem::path sidecarPath(const std::filesystem::path& dataFile) {
    std::filesystem::path path = dataFile;
    path += ".metadata.json";
    return path;
}

std::string provenanceJson(const ExportProvenance& provenance) {
    return toJson(provenance).dump(2);
}

std::string metadataSidecar(const ExportProvenance& provenance, const std::string& dataFileName,
                            const std::vector<std::string>& csvHeader) {
    Json schema;
    switch (provenance.format) {
    case ExportFormat::TidyCsv:
        schema["fields"] = fieldsJson(tidyFields());
        schema["missingValues"] = Json::array({""});
        schema["primaryKey"] = tidyPrimaryKey();
        break;
    case ExportFormat::SdmxCsv:
        schema["fields"] = fieldsJson(sdmxFields());
        schema["missingValues"] = Json::array({"", "NaN"});
        break;
    default: {
        std::vector<ExportField> fields;
        for (const std::string& name : csvHeader)
            fields.push_back(
                {name, "string", "Indicator metadata field '" + name + "' (see docs/EXPORTS.md)."});
        schema["fields"] = fieldsJson(fields);
        schema["missingValues"] = Json::array({""});
        break;
    }
    }
    const Json resource{{"profile", "tabular-data-resource"},
                        {"name", "capeq-export"},
                        {"path", dataFileName},
                        {"format", "csv"},
                        {"mediatype", "text/csv"},
                        {"encoding", "utf-8"},
                        {"dialect", {{"delimiter", ","}, {"header", true}, {"quoteChar", "\""}}},
                        {"schema", schema},
                        {"provenance", toJson(provenance)}};
    return resource.dump(2) + "\n";
}

} // namespace capeq
