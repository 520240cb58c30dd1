// SPDX-License-Identifier: Apache-2.0
#include <capeq/export/export_fields.hpp>
#include <capeq/export/export_writers.hpp>

#include <gtest/gtest.h>
#include <sstream>

namespace capeq {
namespace {

ExportTable twoRowTable() {
    ExportTable table;
    ExportRow published;
    published.indicator = "employment_rate_16_64";
    published.domain = "productive_activities";
    published.dimension = "outcome";
    published.unit = "%";
    published.area = "E10999999";
    published.service = "housing";
    published.period = "2024/25";
    published.characteristic = "sex";
    published.group = "female";
    published.value = 50.0;
    published.standardError = 0.1;
    published.lowerCi = 37.5;
    published.upperCi = 62.5;
    published.ciLevel = 0.95;
    published.ciMethod = "wilson";
    published.n = 60.0;
    published.comparedToEveryone = "similar";
    published.note = "wave 3, \"boosted\" <script>alert(1)</script>\nsecond line";
    ExportRow suppressed = published;
    suppressed.group = "male";
    suppressed.value = suppressed.standardError = suppressed.lowerCi = suppressed.upperCi = std::nullopt;
    suppressed.ciLevel = suppressed.n = std::nullopt;
    suppressed.ciMethod = suppressed.comparedToEveryone = "";
    suppressed.suppression = "P-base";
    suppressed.note = "suppressed";
    table.rows = {published, suppressed};
    return table;
}

TEST(ExportWriters, TidyCsvQuotesHostileTextAndLeavesSuppressedFiguresEmpty) {
    std::ostringstream out;
    writeTidyCsv(out, twoRowTable());
    const std::string expected =
        "indicator_id,domain,dimension,area_code,service_id,period,characteristic,group,value,standard_error,"
        "lower_ci,upper_ci,ci_level,ci_method,n,population_share,compared_to_everyone,reliability,"
        "suppression,"
        "note\n"
        "employment_rate_16_64,productive_activities,outcome,E10999999,housing,2024/"
        "25,sex,female,50,0.1,37.5,"
        "62.5,0.95,wilson,60,,similar,,,\"wave 3, \"\"boosted\"\" <script>alert(1)</script>\nsecond line\"\n"
        "employment_rate_16_64,productive_activities,outcome,E10999999,housing,2024/25,sex,male,,,,,,,,,,,"
        "P-base,suppressed\n";
    EXPECT_EQ(out.str(), expected);
}

TEST(ExportWriters, JsonHasProvenanceAndNullsNeverZeros) {
    std::ostringstream out;
    ExportProvenance provenance;
    provenance.disclosureRule = "rule text";
    provenance.inputs = {{"evidence.csv", "evidence", "abc123"}};
    writeExportJson(out, twoRowTable(), provenance);
    const std::string json = out.str();
    EXPECT_NE(json.find("\"method_version\": \"" CAPEQ_METHOD_VERSION "\""), std::string::npos);
    EXPECT_NE(json.find("\"disclosure_rule\": \"rule text\""), std::string::npos);
    EXPECT_NE(json.find("\"sha256\": \"abc123\""), std::string::npos);
    EXPECT_NE(json.find("\"value\": null"), std::string::npos);
    EXPECT_NE(json.find("\"suppression\": \"P-base\""), std::string::npos);
    EXPECT_NE(json.find("\\\"boosted\\\" <script>alert(1)</script>\\nsecond line"), std::string::npos);
    EXPECT_EQ(json.find("\"value\": 0"), std::string::npos);
}

TEST(ExportWriters, SdmxCsvMarksConfidentialCellsAndMissingNumbersAsNaN) {
    std::ostringstream out;
    writeSdmxCsv(out, twoRowTable());
    std::istringstream lines(out.str());
    std::string header;
    std::getline(lines, header);
    EXPECT_EQ(header,
              "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,AREA,SERVICE,TIME_PERIOD,CHARACTERISTIC,GROUP,"
              "OBS_VALUE,UNIT_MEASURE,STANDARD_ERROR,LOWER_CI,UPPER_CI,CI_LEVEL,CONF_STATUS,RELIABILITY,"
              "SUPPRESSION");
    EXPECT_NE(out.str().find("dataflow,CAPEQ:DF_CAPABILITY_EQUALITY(1.0),I,employment_rate_16_64,E10999999,"
                             "housing,2024/25,sex,female,50,%,0.1,37.5,62.5,0.95,F,,\n"),
              std::string::npos);
    EXPECT_NE(out.str().find("sex,male,NaN,%,NaN,NaN,NaN,NaN,C,,P-base\n"), std::string::npos);
}

TEST(ExportWriters, NumbersRoundTripAndAbsentIsEmpty) {
    EXPECT_EQ(exportNumber(0.1), "0.1");
    EXPECT_EQ(exportNumber(37.735), "37.735");
    EXPECT_EQ(exportNumber(1.0 / 3.0), "0.3333333333333333");
    EXPECT_EQ(exportNumber(std::nullopt), "");
    EXPECT_EQ(exportNumber(std::numeric_limits<double>::quiet_NaN()), "");
}

TEST(ExportWriters, SidecarIsATableSchemaOfEveryColumn) {
    ExportProvenance provenance;
    provenance.exportedAt = "2025-01-02T03:04:05Z";
    const std::string sidecar = metadataSidecar(provenance, "out.csv");
    for (const ExportField& field : tidyFields())
        EXPECT_NE(sidecar.find("\"name\": \"" + field.name + "\""), std::string::npos) << field.name;
    EXPECT_NE(sidecar.find("\"missingValues\": [\n      \"\"\n    ]"), std::string::npos);
    EXPECT_NE(sidecar.find("\"path\": \"out.csv\""), std::string::npos);
    EXPECT_NE(sidecar.find("\"exported_at\": \"2025-01-02T03:04:05Z\""), std::string::npos);
    EXPECT_EQ(tidyFields().size(), 20u);
    EXPECT_EQ(sidecarPath("/tmp/a.csv"), std::filesystem::path("/tmp/a.csv.metadata.json"));
    EXPECT_EQ(utcTimestamp(std::chrono::system_clock::time_point(std::chrono::seconds(86400))),
              "1970-01-02T00:00:00Z");
}

} // namespace
} // namespace capeq
