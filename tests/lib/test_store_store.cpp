// SPDX-License-Identifier: Apache-2.0
#include "test_store_fixture.hpp"

#include <capeq/core/diagnostic.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/store/store.hpp>

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <support/test_support.hpp>
#include <vector>

namespace capeq {
namespace {

namespace fs = std::filesystem;

const std::string kShaA = sha256Hex("file A");
const std::string kShaB = sha256Hex("file B");

void expectSameRow(const EvidenceRow& actual, const EvidenceRow& expected) {
    SCOPED_TRACE("row from line " + std::to_string(expected.location.line));
    EXPECT_EQ(actual.indicator, expected.indicator);
    EXPECT_EQ(actual.area, expected.area);
    EXPECT_EQ(actual.service, expected.service);
    EXPECT_EQ(actual.period, expected.period);
    EXPECT_EQ(actual.characteristic, expected.characteristic);
    EXPECT_EQ(actual.group, expected.group);
    // optional == optional: nullopt only equals nullopt, so 0 and absent cannot be confused.
    EXPECT_EQ(actual.value, expected.value);
    EXPECT_EQ(actual.standardError, expected.standardError);
    EXPECT_EQ(actual.lowerCi, expected.lowerCi);
    EXPECT_EQ(actual.upperCi, expected.upperCi);
    EXPECT_EQ(actual.lowerCi998, expected.lowerCi998);
    EXPECT_EQ(actual.upperCi998, expected.upperCi998);
    EXPECT_EQ(actual.numerator, expected.numerator);
    EXPECT_EQ(actual.denominator, expected.denominator);
    EXPECT_EQ(actual.populationShare, expected.populationShare);
    EXPECT_EQ(actual.population, expected.population);
    EXPECT_EQ(actual.sampleSize, expected.sampleSize);
    EXPECT_EQ(actual.subgroupOrder, expected.subgroupOrder);
    EXPECT_EQ(actual.isReference, expected.isReference);
    EXPECT_EQ(actual.note, expected.note);
    EXPECT_EQ(actual.location.file, expected.location.file);
    EXPECT_EQ(actual.location.line, expected.location.line);
}

std::vector<std::string> messagesOf(const InputError& error) {
    std::vector<std::string> messages;
    for (const Diagnostic& diagnostic : error.diagnostics())
        messages.push_back(formatDiagnostic(diagnostic));
    return messages;
}

std::int64_t countRows(Store& store, const std::string& table) {
    sqlite::Statement query(store.connection(), "SELECT count(*) FROM " + table);
    query.step();
    return query.columnInt(0);
}

class StoreTest : public test::TempDirTest {
protected:
    Store openWithCatalogue(const fs::path& path = ":memory:") {
        Store store = Store::open(path);
        store.importCatalogue(m_catalogue);
        return store;
    }
    ImportOptions at(const std::string& time, bool replace = false) {
        ImportOptions options;
        options.importedAt = time;
        options.replace = replace;
        return options;
    }
    Catalogue m_catalogue = test::smallCatalogue();
};

TEST_F(StoreTest, CatalogueIsStoredWithItsMetadataAndCodeLists) {
    Store store = openWithCatalogue();
    sqlite::Statement indicator(
        store.connection(), "SELECT title, polarity, measure_type, multiplier, goalpost_lo, goalpost_hi, "
                            "minimum_standard, reference_rule, reference_group, defined_file, defined_line "
                            "FROM indicators WHERE id = ?1");
    indicator.bindText(1, "good_health");
    ASSERT_TRUE(indicator.step());
    EXPECT_EQ(indicator.columnText(0), "Title of good_health");
    EXPECT_EQ(indicator.columnText(1), "higher_is_better");
    EXPECT_EQ(indicator.columnText(2), "proportion");
    EXPECT_EQ(indicator.columnDouble(3), 100.0);
    EXPECT_EQ(indicator.columnDouble(4), 0.0);
    EXPECT_EQ(indicator.columnDouble(5), 100.0);
    EXPECT_EQ(indicator.columnOptionalDouble(6), std::optional<double>(60.0));
    EXPECT_EQ(indicator.columnText(7), "best_group");
    EXPECT_EQ(indicator.columnText(9), "indicators/health.ini");
    EXPECT_EQ(indicator.columnInt(10), 3);

    indicator.reset();
    indicator.bindText(1, "dignity_in_care");
    ASSERT_TRUE(indicator.step());
    EXPECT_EQ(indicator.columnText(1), "lower_is_better");
    EXPECT_EQ(indicator.columnOptionalDouble(6), std::nullopt);
    EXPECT_EQ(indicator.columnText(7), "named");
    EXPECT_EQ(indicator.columnText(8), "male");

    sqlite::Statement references(store.connection(), "SELECT reference FROM indicator_references WHERE "
                                                     "indicator_id = 'good_health' ORDER BY position");
    ASSERT_TRUE(references.step());
    EXPECT_EQ(references.columnText(0), "EMF 2011");
    ASSERT_TRUE(references.step());
    EXPECT_EQ(references.columnText(0), "ONS");

    sqlite::Statement groups(store.connection(), "SELECT code, sort_order FROM characteristic_groups WHERE "
                                                 "characteristic_id = 'age' ORDER BY sort_order");
    ASSERT_TRUE(groups.step());
    EXPECT_EQ(groups.columnText(0), "16-24");
    sqlite::Statement rollup(store.connection(), "SELECT to_code FROM rollup_mappings WHERE rollup_id = "
                                                 "'age_broad' AND from_code = '25-34'");
    ASSERT_TRUE(rollup.step());
    EXPECT_EQ(rollup.columnText(0), "young");
    EXPECT_EQ(countRows(store, "domains"), 2);
    EXPECT_EQ(countRows(store, "dimensions"), 3);
    EXPECT_EQ(countRows(store, "indicators"), 4);
}

TEST_F(StoreTest, ReimportingTheCatalogueUpdatesInPlace) {
    Store store = openWithCatalogue();
    std::vector<Indicator> indicators = m_catalogue.indicators();
    indicators[0].title = "Renamed";
    indicators[0].references = {"Only one"};
    store.importCatalogue(Catalogue("Test framework", m_catalogue.domains(), m_catalogue.dimensions(),
                                    m_catalogue.characteristics(), m_catalogue.rollups(), indicators));
    EXPECT_EQ(countRows(store, "indicators"), 4);
    EXPECT_EQ(countRows(store, "indicator_references"), 1);
    EXPECT_EQ(countRows(store, "characteristic_groups"), 4);
    sqlite::Statement title(store.connection(), "SELECT title FROM indicators WHERE id = 'good_health'");
    ASSERT_TRUE(title.step());
    EXPECT_EQ(title.columnText(0), "Renamed");
}

TEST_F(StoreTest, EvidenceReadsBackFieldByField) {
    Store store = openWithCatalogue();
    const EvidenceSet evidence = test::smallEvidence();
    const ImportResult result = store.importEvidence(evidence, kShaA, at("2024-05-01T09:30:00Z"));
    EXPECT_EQ(result.importId, 1);
    EXPECT_EQ(result.inserted, 4U);
    EXPECT_EQ(result.replaced, 0U);

    const std::vector<EvidenceRow> rows = store.loadEvidence();
    ASSERT_EQ(rows.size(), evidence.rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        expectSameRow(rows[i], evidence.rows[i]);

    const std::vector<ImportRecord> imports = store.imports();
    ASSERT_EQ(imports.size(), 1U);
    EXPECT_EQ(imports[0].fileName, "evidence.csv");
    EXPECT_EQ(imports[0].sha256, kShaA);
    EXPECT_EQ(imports[0].format, "capeq-long");
    EXPECT_EQ(imports[0].encoding, "utf-8");
    EXPECT_EQ(imports[0].importedAt, "2024-05-01T09:30:00Z");
    EXPECT_EQ(imports[0].rowCount, 4U);
    EXPECT_EQ(countRows(store, "import_unmapped"), 1);
}

TEST_F(StoreTest, FiltersSelectByServicePeriodIndicatorAndArea) {
    Store store = openWithCatalogue();
    store.importEvidence(test::smallEvidence(), kShaA);
    EXPECT_EQ(store.loadEvidence({ServiceId("adult_social_care"), {}, {}, {}}).size(), 3U);
    EXPECT_EQ(store.loadEvidence({ServiceId(""), {}, {}, {}}).size(), 1U); // rows without a service
    EXPECT_EQ(store.loadEvidence({ServiceId("libraries"), {}, {}, {}}).size(), 0U);
    EXPECT_EQ(store.loadEvidence({{}, "2023/24", {}, {}}).size(), 4U);
    EXPECT_EQ(store.loadEvidence({{}, "2022/23", {}, {}}).size(), 0U);
    EXPECT_EQ(store.loadEvidence({{}, {}, IndicatorId("dignity_in_care"), {}}).size(), 1U);
    EXPECT_EQ(store
                  .loadEvidence({ServiceId("adult_social_care"), "2023/24", IndicatorId("good_health"),
                                 AreaCode("E06000001")})
                  .size(),
              3U);
}

TEST_F(StoreTest, SameKeyAgainIsRejectedAndNothingIsWritten) {
    Store store = openWithCatalogue();
    store.importEvidence(test::smallEvidence(), kShaA, at("2024-05-01T09:30:00Z"));
    EvidenceSet again = test::smallEvidence();
    again.rows.erase(again.rows.begin() + 1, again.rows.end()); // only the whole-population row
    EvidenceRow fresh = test::makeRow("neet_rate", "all", "all", 7);
    again.rows.push_back(fresh);
    try {
        store.importEvidence(again, kShaA, at("2024-05-02T09:30:00Z"));
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        const std::vector<std::string> expected = {
            "evidence.csv: error: this file was already imported (import #1, 2024-05-01T09:30:00Z, identical "
            "sha256) (fix: nothing needs importing; use --replace to import it again)",
            "evidence.csv:2: error: an estimate for indicator 'good_health', area 'E06000001', service "
            "'adult_social_care', period '2023/24', all = all is already in the store (import #1 of "
            "evidence.csv line 2, 2024-05-01T09:30:00Z) (fix: re-import with --replace to overwrite stored "
            "estimates, or remove the row)"};
        EXPECT_EQ(messagesOf(error), expected);
    }
    EXPECT_EQ(countRows(store, "estimates"), 4);
    EXPECT_EQ(countRows(store, "imports"), 1);
    EXPECT_TRUE(store.loadEvidence({{}, {}, IndicatorId("neet_rate"), {}}).empty());
}

TEST_F(StoreTest, ReplaceOverwritesStoredEstimates) {
    Store store = openWithCatalogue();
    store.importEvidence(test::smallEvidence(), kShaA);
    EvidenceSet update = test::smallEvidence();
    update.rows.resize(1);
    update.rows[0].value = 72.0;
    update.rows[0].standardError.reset();
    update.rows.push_back(test::makeRow("neet_rate", "all", "all", 3));
    const ImportResult result = store.importEvidence(update, kShaB, at("2024-06-01T00:00:00Z", true));
    EXPECT_EQ(result.importId, 2);
    EXPECT_EQ(result.inserted, 1U);
    EXPECT_EQ(result.replaced, 1U);
    EXPECT_EQ(countRows(store, "estimates"), 5);

    const auto rows = store.loadEvidence({{}, {}, IndicatorId("good_health"), {}});
    ASSERT_EQ(rows.size(), 3U);
    const auto whole =
        std::find_if(rows.begin(), rows.end(), [](const EvidenceRow& r) { return r.isWholePopulation(); });
    ASSERT_NE(whole, rows.end());
    expectSameRow(*whole, update.rows[0]);
    EXPECT_EQ(store.imports().at(1).replacedCount, 1U);
}

TEST_F(StoreTest, DuplicateKeysWithinOneFileAreRejected) {
    Store store = openWithCatalogue();
    EvidenceSet evidence = test::smallEvidence();
    EvidenceRow copy = evidence.rows[2];
    copy.location.line = 11;
    evidence.rows.push_back(copy);
    try {
        store.importEvidence(evidence, kShaA,
                             at("t", true)); // --replace does not excuse a file's own duplicates
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        const std::vector<std::string> expected = {
            "evidence.csv:11: error: duplicate estimate: indicator 'good_health', area 'E06000001', service "
            "'adult_social_care', period '2023/24', sex = male is also on line 4 (fix: keep only one row for "
            "each indicator, area, service, period and group)"};
        EXPECT_EQ(messagesOf(error), expected);
    }
    EXPECT_EQ(countRows(store, "estimates"), 0);
    EXPECT_EQ(countRows(store, "imports"), 0);
}

TEST_F(StoreTest, UnknownIndicatorIsRejectedOncePerIndicator) {
    Store store = openWithCatalogue();
    EvidenceSet evidence = test::smallEvidence();
    evidence.rows.push_back(test::makeRow("made_up", "all", "all", 8));
    evidence.rows.push_back(test::makeRow("made_up", "sex", "male", 9));
    try {
        store.importEvidence(evidence, kShaA);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        const std::vector<std::string> expected = {
            "evidence.csv:8: error: indicator 'made_up' is not in the store's catalogue (fix: correct the "
            "indicator id, or import the catalogue that defines it first)"};
        EXPECT_EQ(messagesOf(error), expected);
    }
    EXPECT_EQ(countRows(store, "estimates"), 0);
    EXPECT_EQ(countRows(store, "services"), 0);
}

TEST_F(StoreTest, FailedImportLeavesTheFileByteForByteUnchanged) {
    const fs::path path = tempDir() / "store.db";
    {
        Store store = openWithCatalogue(path);
        store.importEvidence(test::smallEvidence(), kShaA);
        store.close();
    }
    const std::string before = sha256FileHex(path);

    // A changed catalogue written in the same transaction, then a duplicate: everything must roll back.
    std::vector<Indicator> indicators = m_catalogue.indicators();
    indicators[1].title = "Changed title";
    const Catalogue changed("Changed", m_catalogue.domains(), m_catalogue.dimensions(),
                            m_catalogue.characteristics(), m_catalogue.rollups(), indicators);
    EvidenceSet evidence = test::smallEvidence();
    evidence.rows[0].service = ServiceId("new_service"); // would add a service row first
    ImportOptions options;
    options.catalogue = &changed;
    {
        Store store = Store::open(path);
        EXPECT_THROW(store.importEvidence(evidence, kShaB, options), InputError);
        store.close();
    }
    EXPECT_EQ(sha256FileHex(path), before);
    EXPECT_FALSE(fs::exists(path.string() + "-journal"));
}

TEST_F(StoreTest, InjectionLookingTextIsStoredVerbatim) {
    const std::string hostile = "'); DROP TABLE estimates;--";
    std::vector<Indicator> indicators = m_catalogue.indicators();
    Indicator odd = test::makeIndicator("odd'id\";--", "health", "autonomy");
    odd.title = hostile;
    indicators.push_back(odd);
    Store store = Store::open(":memory:");
    store.importCatalogue(Catalogue("x'y", m_catalogue.domains(), m_catalogue.dimensions(),
                                    m_catalogue.characteristics(), m_catalogue.rollups(), indicators));

    EvidenceSet evidence;
    evidence.sourceFile = "it's; a \"file\".csv";
    EvidenceRow row = test::makeRow("odd'id\";--", "sex", "fe'male", 2);
    row.service = ServiceId(hostile);
    row.area = AreaCode("a\"; DELETE FROM imports; --");
    row.period = "2023'; --";
    row.note = "O'Brien said \"no\"; 100% -- really\n second line";
    row.location.file = evidence.sourceFile;
    evidence.rows = {row};
    store.importEvidence(evidence, kShaA);

    const std::vector<EvidenceRow> rows = store.loadEvidence({ServiceId(hostile), "2023'; --", {}, {}});
    ASSERT_EQ(rows.size(), 1U);
    expectSameRow(rows[0], row);
    EXPECT_EQ(countRows(store, "estimates"), 1);
    EXPECT_EQ(countRows(store, "imports"), 1);
    EXPECT_EQ(store.imports().at(0).fileName, evidence.sourceFile);
    sqlite::Statement title(store.connection(), "SELECT title FROM indicators WHERE id = ?1");
    title.bindText(1, "odd'id\";--");
    ASSERT_TRUE(title.step());
    EXPECT_EQ(title.columnText(0), hostile);
}

TEST_F(StoreTest, SummaryCountsWhatIsStored) {
    Store store = openWithCatalogue();
    store.importEvidence(test::smallEvidence(), kShaA);
    const StoreSummary summary = store.summary();
    EXPECT_EQ(summary.estimates, 4U);
    EXPECT_EQ(summary.imports, 1U);
    EXPECT_EQ(summary.indicatorsWithEvidence, 2U);
    EXPECT_EQ(summary.catalogueIndicators, 4U);
    EXPECT_EQ(summary.services, 1U);
    EXPECT_EQ(summary.areas, 1U);
    EXPECT_EQ(summary.periods, 1U);
    EXPECT_EQ(summary.characteristics, std::vector<std::string>{"sex"});
    ASSERT_EQ(summary.domains.size(), 2U);
    EXPECT_EQ(summary.domains[0].domain.str(), "health");
    EXPECT_EQ(summary.domains[0].catalogueIndicators, 2U);
    EXPECT_EQ(summary.domains[0].indicatorsWithEvidence, 2U);
    EXPECT_EQ(summary.domains[0].dimensionsCovered, 2U); // outcome and treatment
    EXPECT_EQ(summary.domains[1].domain.str(), "education");
    EXPECT_EQ(summary.domains[1].catalogueIndicators, 2U);
    EXPECT_EQ(summary.domains[1].indicatorsWithEvidence, 0U);
    EXPECT_EQ(summary.domainsCovered, 1U);
    EXPECT_EQ(summary.cellsCovered, 2U);
    EXPECT_EQ(summary.cellsTotal, 6U);
}

TEST_F(StoreTest, RunsAreRecordedWithTheirInputs) {
    Store store = Store::open(":memory:");
    RunRecord run;
    run.command = "audit";
    run.profile = "equal_weights";
    run.ruleSet = "nhs_eds_2022";
    run.options = R"({"jobs":2,"seed":42})";
    run.inputs = {{"evidence", "councils.csv", kShaA}, {"catalogue", "indicators", kShaB}};
    run.startedAt = "2024-05-01T10:00:00Z";
    run.finishedAt = "2024-05-01T10:05:00Z";
    EXPECT_EQ(store.recordRun(run), 1);
    RunRecord running;
    running.command = "score";
    running.status = "running";
    running.startedAt = "2024-05-02T10:00:00Z";
    EXPECT_EQ(store.recordRun(running), 2);

    const std::vector<RunRecord> runs = store.runs();
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0].command, "audit");
    EXPECT_EQ(runs[0].methodVersion, CAPEQ_METHOD_VERSION);
    EXPECT_EQ(runs[0].capeqVersion, CAPEQ_VERSION);
    EXPECT_EQ(runs[0].profile, "equal_weights");
    EXPECT_EQ(runs[0].ruleSet, "nhs_eds_2022");
    EXPECT_EQ(runs[0].options, R"({"jobs":2,"seed":42})");
    ASSERT_EQ(runs[0].inputs.size(), 2U);
    EXPECT_EQ(runs[0].inputs[1].role, "catalogue");
    EXPECT_EQ(runs[0].inputs[1].sha256, kShaB);
    EXPECT_EQ(runs[0].finishedAt, std::optional<std::string>("2024-05-01T10:05:00Z"));
    EXPECT_EQ(runs[1].status, "running");
    EXPECT_EQ(runs[1].finishedAt, std::nullopt);
}

TEST_F(StoreTest, MalformedShaIsAProgrammingError) {
    Store store = openWithCatalogue();
    EXPECT_THROW(store.importEvidence(test::smallEvidence(), "ABC"), std::invalid_argument);
}

TEST_F(StoreTest, ThousandsOfRowsImportInOneTransaction) {
    Store store = openWithCatalogue(tempDir() / "big.db");
    EvidenceSet evidence;
    evidence.sourceFile = "big.csv";
    for (int service = 0; service < 500; ++service) {
        for (const char* group : {"all", "female", "male"}) {
            EvidenceRow row =
                test::makeRow("good_health", group == std::string("all") ? "all" : "sex", group, 2);
            row.service = ServiceId("service_" + std::to_string(service));
            row.value = service * 0.1;
            evidence.rows.push_back(row);
        }
    }
    const ImportResult result = store.importEvidence(evidence, kShaA);
    EXPECT_EQ(result.inserted, 1500U);
    EXPECT_EQ(store.summary().services, 500U);
    const auto one = store.loadEvidence({ServiceId("service_321"), {}, {}, {}});
    ASSERT_EQ(one.size(), 3U);
    EXPECT_DOUBLE_EQ(*one[0].value, 32.1);
}

} // namespace
} // namespace capeq
