// SPDX-License-Identifier: Apache-2.0
// End-to-end reliability of the real binary: `capeq import` killed (SIGKILL) at random moments leaves the
// store intact with the old or old+new estimates, or no store or a whole new one, without a pile of staged
// files; hostile names and codes go through import, the store, every export format and `capeq score
// --format json` and come back intact, escaped and never executed.
#include <capeq/io/csv_reader.hpp>
#include <capeq/store/sqlite.hpp>
#include <capeq/store/store.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <support/test_support.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace capeq {
namespace {

namespace fs = std::filesystem;

// Starts capeq with arguments, output discarded; returns its process id.
pid_t startCapeq(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv = {CAPEQ_CLI_BINARY};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const pid_t child = ::fork();
    if (child == 0) {
        const int devNull = ::open("/dev/null", O_WRONLY);
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(devNull, STDERR_FILENO);
        std::vector<char*> pointers;
        for (std::string& argument : argv)
            pointers.push_back(argument.data());
        pointers.push_back(nullptr);
        ::execv(pointers[0], pointers.data());
        ::_exit(127);
    }
    return child;
}

std::string integrityOf(const fs::path& db) {
    sqlite::Connection connection(db, sqlite::OpenMode::ReadOnly);
    sqlite::Statement check(connection, "PRAGMA integrity_check");
    std::string result;
    while (check.step())
        result += check.columnText(0);
    return result;
}

class CliReliability : public test::TempDirTest {};

TEST_F(CliReliability, ImportKilledAtRandomMomentsLeavesTheOldOrOldPlusNewEstimates) {
    const std::string oldFile = (test::testDataDir() / "store" / "council_2023.csv").string();
    const std::string newFile = (test::sourceDir() / "datasets" / "county_council" / "evidence.csv").string();
    const fs::path base = tempDir() / "base.db";
    ASSERT_EQ(test::runCapeq({"import", oldFile, "--db", base.string()}).exitCode, 0);
    const std::size_t oldCount = Store::open(base).loadEvidence().size();

    // One uninterrupted import: how long it takes and what it adds.
    const fs::path full = tempDir() / "full.db";
    fs::copy_file(base, full);
    const auto start = std::chrono::steady_clock::now();
    const auto completed = test::runCapeq({"import", newFile, "--db", full.string()});
    const auto importMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
            .count();
    ASSERT_EQ(completed.exitCode, 0) << completed.err;
    const std::size_t newCount = Store::open(full).loadEvidence().size();
    ASSERT_GT(newCount, oldCount + 1000);

    std::mt19937 random(20241122);
    std::uniform_int_distribution<long> delay(0, importMicros * 6 / 5);
    const fs::path work = tempDir() / "work.db";
    int sawOld = 0;
    int sawNew = 0;
    for (int kill = 0; kill < 30; ++kill) {
        fs::copy_file(base, work, fs::copy_options::overwrite_existing);
        fs::remove(tempDir() / "work.db-journal");
        const pid_t child = startCapeq({"import", newFile, "--db", work.string()});
        ASSERT_GT(child, 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        // Opening rolls back a hot journal left by the killed import.
        const std::size_t count = Store::open(work).loadEvidence().size();
        EXPECT_EQ(integrityOf(work), "ok") << "kill " << kill;
        if (count == oldCount)
            ++sawOld;
        else if (count == newCount)
            ++sawNew;
        else
            ADD_FAILURE() << "kill " << kill << ": the store holds " << count << " estimates, neither "
                          << oldCount << " nor " << newCount;
    }
    EXPECT_EQ(sawOld + sawNew, 30);
    RecordProperty("killed_before_commit", sawOld);
    RecordProperty("killed_after_commit", sawNew);
}

TEST_F(CliReliability,
       ImportCreatingAStoreKilledAtRandomMomentsLeavesNoStoreOrAWholeOneAndNoPileOfTemporaries) {
    const std::string evidence =
        (test::sourceDir() / "datasets" / "county_council" / "evidence.csv").string();
    const fs::path store = tempDir() / "new.db";
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(test::runCapeq({"import", evidence, "--db", store.string()}).exitCode, 0);
    const auto importMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
            .count();
    const std::size_t fullCount = Store::open(store).loadEvidence().size();
    // The staged store (.new.db.new-XXXXXX) and its journal, as a killed import leaves them.
    const auto staged = [&] {
        int files = 0;
        for (const auto& entry : fs::directory_iterator(tempDir()))
            files += entry.path().filename().string().rfind(".new.db.new-", 0) == 0 ? 1 : 0;
        return files;
    };
    std::mt19937 random(20241123);
    std::uniform_int_distribution<long> delay(0, importMicros * 6 / 5);
    int created = 0;
    int leftBehind = 0;
    for (int kill = 0; kill < 20; ++kill) {
        fs::remove(store);
        const pid_t child = startCapeq({"import", evidence, "--db", store.string()});
        ASSERT_GT(child, 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (fs::exists(store)) {
            ++created;
            EXPECT_EQ(integrityOf(store), "ok") << "kill " << kill;
            EXPECT_EQ(Store::open(store).loadEvidence().size(), fullCount) << "kill " << kill;
        }
        // Each import removes what the earlier killed ones left: only this one's file and journal remain.
        const int now = staged();
        EXPECT_LE(now, 2) << "kill " << kill;
        leftBehind += now > 0 ? 1 : 0;
    }
    RecordProperty("kills_after_the_store_was_created", created);
    RecordProperty("kills_that_left_a_staged_store", leftBehind);
    fs::remove(store);
    ASSERT_EQ(test::runCapeq({"import", evidence, "--db", store.string()}).exitCode, 0);
    EXPECT_EQ(staged(), 0);
}

// Names and codes a hostile or careless file may hold: SQL, HTML/JS, CSV/formula injection, shell
// metacharacters, quotes, semicolons, a tab, a long string.
const std::vector<std::string> kHostile = {
    "x'); DROP TABLE estimates;--",
    "<script>alert('pwned')</script>",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "$(touch /tmp/capeq_pwned_marker); `id`",
    "semi;colon, comma \"double\" 'single'",
    "tab\there",
    std::string(3000, 'L'),
};

std::string csvField(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

// Every field of every record of CSV text, read with CapEq's own reader.
std::vector<std::vector<std::string>> csvRecords(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in, "export.csv");
    std::vector<std::vector<std::string>> records;
    while (reader.next())
        records.emplace_back(reader.fields().begin(), reader.fields().end());
    EXPECT_EQ(reader.errorCount(), 0u) << "the export is not well-formed CSV";
    return records;
}

// Every string in a JSON document.
void collectStrings(const nlohmann::json& value, std::vector<std::string>& out) {
    if (value.is_string())
        out.push_back(value.get<std::string>());
    for (const auto& item : value)
        if (value.is_structured())
            collectStrings(item, out);
}

bool hasText(const std::vector<std::string>& values, const std::string& text) {
    return std::find(values.begin(), values.end(), text) != values.end();
}

TEST_F(CliReliability, HostileNamesAndCodesRoundTripThroughStoreExportsAndScores) {
    const fs::path marker = "/tmp/capeq_pwned_marker";
    fs::remove(marker);
    // One service per hostile string (service ids are free text), each with a complete breakdown, and
    // the hostile string as note and period too.
    std::string csv = "indicator_id,area_code,service_id,period,characteristic,group,value,standard_error,"
                      "lower_ci,upper_ci,numerator,denominator,population_share,note\n";
    for (const std::string& hostile : kHostile) {
        const std::string key =
            "good_general_health,E10000001," + csvField(hostile) + "," + csvField(hostile);
        csv += key + ",all,all,72.5,1.2,,,150,200,1," + csvField(hostile) + "\n";
        csv += key + ",sex,female,70.1,1.6,,,80,110,0.55," + csvField(hostile) + "\n";
        csv += key + ",sex,male,75.0,1.7,,,70,90,0.45," + csvField(hostile) + "\n";
    }
    const fs::path input = tempDir() / "hostile.csv";
    test::writeFile(input, csv);
    const fs::path db = tempDir() / "hostile.db";
    const auto imported = test::runCapeq({"import", input.string(), "--db", db.string()});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;

    // The store: every table still there, every string stored verbatim.
    {
        Store store = Store::open(db);
        const std::vector<EvidenceRow> rows = store.loadEvidence();
        ASSERT_EQ(rows.size(), 3 * kHostile.size());
        for (const std::string& hostile : kHostile) {
            const auto found = store.loadEvidence({ServiceId(hostile), hostile, {}, {}});
            ASSERT_EQ(found.size(), 3u) << hostile;
            EXPECT_EQ(found[0].note, hostile);
        }
        EXPECT_EQ(integrityOf(db), "ok");
    }

    // Tidy CSV and SDMX-CSV: well-formed CSV whose fields read back exactly.
    for (const std::string format : {"tidy-csv", "sdmx-csv"}) {
        const auto exported = test::runCapeq({"export", db.string(), "--format", format});
        ASSERT_EQ(exported.exitCode, 0) << format << ": " << exported.err;
        std::vector<std::string> fields;
        for (const auto& record : csvRecords(exported.out))
            fields.insert(fields.end(), record.begin(), record.end());
        for (const std::string& hostile : kHostile)
            EXPECT_TRUE(hasText(fields, hostile)) << format << " lost " << hostile.substr(0, 40);
    }
    // JSON export and scores: valid JSON whose strings read back exactly.
    const auto json = test::runCapeq({"export", db.string(), "--format", "json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    std::vector<std::string> strings;
    collectStrings(nlohmann::json::parse(json.out), strings);
    for (const std::string& hostile : kHostile)
        EXPECT_TRUE(hasText(strings, hostile)) << "json lost " << hostile.substr(0, 40);
    for (const std::string& hostile : kHostile) {
        const auto scored = test::runCapeq({"score", db.string(), "--service", hostile, "--format", "json"});
        ASSERT_LE(scored.exitCode, 1) << hostile.substr(0, 40) << ": " << scored.err;
        std::vector<std::string> scoreStrings;
        collectStrings(nlohmann::json::parse(scored.out), scoreStrings);
        EXPECT_TRUE(hasText(scoreStrings, hostile)) << "score json lost " << hostile.substr(0, 40);
    }
    // The audit's HTML (the summary, and per-service reports where the report module is built): every
    // hostile string is escaped, none appears raw.
    const fs::path out = tempDir() / "audit";
    const auto audited = test::runCapeq(
        {"audit", db.string(), "--out", out.string(), "--interval-draws", "0", "--sensitivity-draws", "0"});
    ASSERT_LE(audited.exitCode, 1) << audited.err;
    std::size_t htmlFiles = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (entry.path().extension() != ".html")
            continue;
        ++htmlFiles;
        const std::string html = test::readFile(entry.path());
        EXPECT_EQ(html.find("<script>alert("), std::string::npos) << entry.path() << " has a raw <script>";
        EXPECT_EQ(html.find("x'); DROP"), std::string::npos) << entry.path() << " has an unescaped quote";
    }
    EXPECT_GE(htmlFiles, 1u) << "the audit wrote no HTML summary";
    EXPECT_FALSE(fs::exists(marker)) << "a shell command in the data was executed";
    EXPECT_EQ(integrityOf(db), "ok");
}

TEST_F(CliReliability, ControlCharactersInCodesAreRefusedOrKeptVerbatim) {
    const std::string hostile = std::string("bell\a esc\x1b[31m nul-free \x01\x7f");
    const std::string csv =
        "indicator_id,area_code,service_id,period,characteristic,group,value,standard_error,lower_ci,"
        "upper_ci,numerator,denominator,population_share,note\n"
        "good_general_health,E10000001," +
        csvField(hostile) + ",2024,all,all,72.5,1.2,,,150,200,1,\n";
    const fs::path input = tempDir() / "control.csv";
    test::writeFile(input, csv);
    const fs::path db = tempDir() / "control.db";
    const auto imported = test::runCapeq({"import", input.string(), "--db", db.string()});
    if (imported.exitCode == 0) {
        Store store = Store::open(db);
        ASSERT_EQ(store.loadEvidence().size(), 1u);
        EXPECT_EQ(store.loadEvidence().front().service.str(), hostile);
        const auto json = test::runCapeq({"export", db.string(), "--format", "json"});
        ASSERT_EQ(json.exitCode, 0) << json.err;
        EXPECT_EQ(json.out.find('\x1b'), std::string::npos) << "raw escape sequence in JSON output";
        std::vector<std::string> strings;
        collectStrings(nlohmann::json::parse(json.out), strings);
        EXPECT_TRUE(hasText(strings, hostile));
    } else {
        EXPECT_EQ(imported.exitCode, 2);
        EXPECT_NE(imported.err.find(input.string() + ":2:"), std::string::npos) << imported.err;
    }
}

} // namespace
} // namespace capeq
