// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `capeq catalogue`, running the real binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <support/test_support.hpp>

namespace capeq {

namespace fs = std::filesystem;

namespace {

const std::string kShipped = (test::sourceDir() / "indicators").string();

// Counts "[indicator " headers in the catalogue's files: an independent count to compare with the program's.
std::size_t countIndicatorHeaders(const fs::path& directory, const std::string& onlyFile = {}) {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.path().extension() != ".ini" || (!onlyFile.empty() && entry.path().filename() != onlyFile))
            continue;
        std::istringstream lines(test::readFile(entry.path()));
        for (std::string line; std::getline(lines, line);)
            count += line.rfind("[indicator ", 0) == 0 ? 1 : 0;
    }
    return count;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST(CliCatalogue, ValidateShippedCataloguePrintsOneLineSummary) {
    const auto result = test::runCapeq({"catalogue", "validate", kShipped});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const std::size_t indicators = countIndicatorHeaders(kShipped);
    EXPECT_EQ(result.out, "catalogue OK: 10 domains, 3 dimensions, 15 characteristics, " +
                              std::to_string(indicators) + " indicators, 30/30 cells covered\n");
}

TEST(CliCatalogue, ValidateSecondFrameworkCountsItsCellsAndWarnings) {
    const auto dir = (test::testDataDir() / "catalogue" / "ehrc2017").string();
    const auto result = test::runCapeq({"catalogue", "validate", dir});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out,
              "catalogue OK: 6 domains, 3 dimensions, 4 characteristics, 7 indicators, 7/18 cells "
              "covered, 18 warnings\n");
    EXPECT_EQ(splitLines(result.err).size(), 18u);
}

class CliCatalogueErrors : public test::TempDirTest {};

TEST_F(CliCatalogueErrors, ValidateReportsEveryDiagnosticAndExitsTwo) {
    for (const auto& entry : fs::directory_iterator(test::testDataDir() / "catalogue" / "minimal"))
        fs::copy_file(entry.path(), tempDir() / entry.path().filename());
    fs::copy_file(test::testDataDir() / "errors" / "catalogue_bad_polarity" / "health.ini",
                  tempDir() / "health.ini", fs::copy_options::overwrite_existing);
    const auto result = test::runCapeq({"catalogue", "--catalogue", tempDir().string(), "validate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err,
              (tempDir() / "health.ini").string() +
                  ":9:12: error: unknown polarity 'higher' [polarity] (fix: use higher_is_better, "
                  "lower_is_better or no_judgement)\ncatalogue has 1 error and 0 warnings\n");
}

TEST_F(CliCatalogueErrors, ListOnABrokenCatalogueFailsWithTheDiagnostics) {
    const auto result =
        test::runCapeq({"catalogue", "list", "--catalogue", (tempDir() / "missing").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, (tempDir() / "missing").string() +
                              ": error: catalogue directory does not exist (fix: pass a directory holding "
                              "framework.ini, characteristics.ini and indicator files)\n");
}

TEST(CliCatalogue, ListFiltersByDomainAndDimensionAsCsv) {
    const auto result = test::runCapeq({"catalogue", "list", "--domain", "health", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = splitLines(result.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "id,domain,dimension,polarity,measure,unit,title");
    EXPECT_EQ(lines.size(), countIndicatorHeaders(kShipped, "health.ini") + 1);
    EXPECT_EQ(lines[1],
              "good_general_health,health,outcome,higher_is_better,proportion,%,Good or very good general "
              "health");

    const auto autonomy = test::runCapeq(
        {"catalogue", "list", "--domain", "life", "--dimension", "autonomy", "--format", "csv"});
    EXPECT_EQ(
        splitLines(autonomy.out),
        (std::vector<std::string>{
            "id,domain,dimension,polarity,measure,unit,title",
            "died_in_preferred_place,life,autonomy,higher_is_better,proportion,%,Died in their preferred "
            "place",
            "end_of_life_involved_decisions,life,autonomy,higher_is_better,proportion,%,Involved in "
            "decisions "
            "about end-of-life care",
            "dnacpr_discussed,life,autonomy,higher_is_better,proportion,%,Resuscitation decisions discussed "
            "with the person"}));
}

TEST(CliCatalogue, ListTableIsPlainWhenPiped) {
    const auto result =
        test::runCapeq({"catalogue", "list", "--domain", "education", "--dimension", "treatment"});
    ASSERT_EQ(result.exitCode, 0);
    const auto lines = splitLines(result.out);
    ASSERT_EQ(lines.size(), 4u); // header and three indicators, no count footer when piped
    EXPECT_TRUE(std::regex_match(lines[0], std::regex("ID +DOMAIN +DIMENSION +POLARITY +MEASURE +TITLE")));
    EXPECT_TRUE(std::regex_match(lines[1],
                                 std::regex("permanent_exclusion_rate +education +treatment +lower_is_better "
                                            "+rate +Permanent exclusion from school")));
    EXPECT_EQ(result.out.find('\x1b'), std::string::npos);
}

TEST(CliCatalogue, ListAsJsonCarriesEveryField) {
    const auto result = test::runCapeq({"catalogue", "list", "--format", "json"});
    ASSERT_EQ(result.exitCode, 0);
    const auto json = nlohmann::json::parse(result.out);
    ASSERT_EQ(json.size(), countIndicatorHeaders(kShipped));
    const auto& first = json.at(0);
    EXPECT_EQ(first.at("id"), "life_expectancy_birth");
    EXPECT_EQ(first.at("goalposts"), nlohmann::json::array({70.0, 90.0}));
    EXPECT_EQ(first.at("measure"), "mean");
    EXPECT_TRUE(first.at("minimum_standard").is_null());
    for (const char* key :
         {"title", "description", "plain_language", "domain", "dimension", "polarity", "unit", "numerator",
          "denominator", "population", "reference", "source", "characteristics", "references"})
        EXPECT_TRUE(first.contains(key)) << key;
}

TEST(CliCatalogue, ListRejectsUnknownDomainWithSuggestion) {
    const auto result = test::runCapeq({"catalogue", "list", "--domain", "helth"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "error: unknown domain 'helth' (fix: did you mean 'health'?)\n");
}

TEST(CliCatalogue, ShowPrintsEveryFieldAligned) {
    const auto result = test::runCapeq({"catalogue", "show", "stop_search_rate"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = splitLines(result.out);
    // Labels are padded to the longest ("minimum standard", 16 characters) plus two spaces.
    const auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    EXPECT_TRUE(has("id                stop_search_rate"));
    EXPECT_TRUE(has("polarity          lower_is_better"));
    EXPECT_TRUE(has("measure           rate (multiplier 1000)"));
    EXPECT_TRUE(has("goalposts         0 to 50"));
    EXPECT_TRUE(has("minimum standard  none"));
    EXPECT_TRUE(has("reference group   named:white"));
    EXPECT_TRUE(has("domain            Legal security (legal_security)"));
    EXPECT_TRUE(has("characteristics   ethnicity_5, ethnicity, sex, age, area"));
}

TEST(CliCatalogue, ShowUnknownIdSuggestsTheClosest) {
    const auto result = test::runCapeq({"catalogue", "show", "stop_serch_rate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "error: unknown indicator 'stop_serch_rate' (fix: did you mean 'stop_search_rate'?)\n");
}

TEST(CliCatalogue, SearchIsCaseInsensitiveOverTitlesAndText) {
    const auto result = test::runCapeq({"catalogue", "search", "LONELY", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0);
    EXPECT_EQ(splitLines(result.out),
              (std::vector<std::string>{
                  "id,domain,dimension,polarity,measure,unit,title",
                  "lonely_often_always,family_social_life,outcome,lower_is_better,proportion,%,"
                  "Feels lonely often or always"}));
    const auto none = test::runCapeq({"catalogue", "search", "zzzz-no-such-thing"});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(none.out, "");
    EXPECT_EQ(none.err, "no indicator matches 'zzzz-no-such-thing'\n");
}

class CliCatalogueCodebook : public test::TempDirTest {};

TEST_F(CliCatalogueCodebook, WritesCsvToFileAtomically) {
    const fs::path out = tempDir() / "codebook.csv";
    const auto result = test::runCapeq({"catalogue", "codebook", "--format", "csv", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, ""); // quiet when piped
    EXPECT_FALSE(fs::exists(tempDir() / "codebook.csv.tmp"));
    const auto lines = splitLines(test::readFile(out));
    ASSERT_EQ(lines.size(), countIndicatorHeaders(kShipped) + 1);
    EXPECT_EQ(lines[0],
              "id,title,description,plain_language,domain,dimension,polarity,measure,multiplier,scale,unit,"
              "numerator,denominator,population,goalpost_lo,goalpost_hi,minimum_standard,reference,source,"
              "characteristics,references");
    EXPECT_EQ(lines[1].rfind("life_expectancy_birth,Life expectancy at birth,", 0), 0u);
}

TEST_F(CliCatalogueCodebook, WritesMarkdownWithDomainsIndicatorsAndCodeLists) {
    const auto result = test::runCapeq({"catalogue", "codebook", "--format", "md"});
    ASSERT_EQ(result.exitCode, 0);
    const std::string& md = result.out;
    EXPECT_EQ(md.rfind("# Codebook: CapEq capability framework", 0), 0u);
    EXPECT_NE(md.find("## Life (`life`)\n\nThe freedom to be alive; avoid premature death.\n"),
              std::string::npos);
    EXPECT_NE(md.find("### `life_expectancy_birth` Life expectancy at birth\n"), std::string::npos);
    EXPECT_NE(md.find("| goalposts | 70 to 90 |"), std::string::npos);
    EXPECT_NE(md.find("| 3 | `white_gypsy_irish_traveller` | White: Gypsy or Irish Traveller |"),
              std::string::npos);
}

TEST(CliCatalogue, RejectsUnknownFormat) {
    const auto result = test::runCapeq({"catalogue", "list", "--format", "xml"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("xml"), std::string::npos);
}

} // namespace capeq
