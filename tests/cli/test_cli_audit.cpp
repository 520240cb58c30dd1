// SPDX-License-Identifier: Apache-2.0
// capeq audit end to end: the county council store, a manifest with a broken file, exit codes, byte-identical
// reruns and interruption.
#include <capeq/store/store.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sstream>
#include <support/test_support.hpp>
#include <sys/wait.h>
#include <thread>

extern char** environ;

namespace capeq {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kDatasets = test::sourceDir() / "datasets";

class CliAudit : public test::TempDirTest {
protected:
    fs::path demoStore() {
        const fs::path store = tempDir() / "northshire.sqlite";
        const auto imported = test::runCapeq(
            {"import", (kDatasets / "county_council" / "evidence.csv").string(), "--db", store.string()});
        EXPECT_EQ(imported.exitCode, 0) << imported.err;
        return store;
    }
};

// Every file under dir (relative path -> bytes), run.json aside: it alone holds times.
std::map<std::string, std::string> outputs(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() != "run.json")
            files[fs::relative(entry.path(), dir).string()] = test::readFile(entry.path());
    return files;
}

TEST_F(CliAudit, StoreAuditWritesReportsSummaryAndRunRecord) {
    const fs::path store = demoStore();
    const fs::path out = tempDir() / "audit";
    const auto result = test::runCapeq({"audit", store.string(), "--out", out.string(), "--jobs", "2",
                                        "--interval-draws", "40", "--sensitivity-draws", "20"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Audited 5 services for 2024/25 (compared with 2023/24): 5 scored"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("summary.html"), std::string::npos);
    for (const char* name :
         {"summary.html", "summary.csv", "summary.json", "run.json", "services/housing/E10999999.json"})
        EXPECT_TRUE(fs::exists(out / name)) << name;

    const json summary = json::parse(test::readFile(out / "summary.json"));
    EXPECT_EQ(summary["period"], "2024/25");
    EXPECT_EQ(summary["compared_with"], "2023/24");
    EXPECT_EQ(summary["counts"]["scored"], 5);
    EXPECT_EQ(summary["leagues"].size(), 5u);
    const json& entry = summary["leagues"][0]["entries"][0];
    ASSERT_TRUE(entry["interval"].is_array());
    EXPECT_LE(entry["interval"][0].get<double>(), entry["index"].get<double>());
    EXPECT_GE(entry["interval"][1].get<double>(), entry["index"].get<double>());
    EXPECT_FALSE(summary["flags_by_domain"].empty());

    const json run = json::parse(test::readFile(out / "run.json"));
    EXPECT_EQ(run["status"], "succeeded");
    EXPECT_EQ(run["input_kind"], "store");
    EXPECT_EQ(run["inputs"][0]["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(run["options"]["interval_draws"], "40");
    EXPECT_FALSE(run["started"].get<std::string>().empty());

    Store opened = Store::open(store);
    const auto runs = opened.runs();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].command, "audit");
    EXPECT_EQ(runs[0].status, "succeeded");
    EXPECT_EQ(runs[0].ruleSet, "default");
    EXPECT_NE(runs[0].options.find("\"interval_draws\":\"40\""), std::string::npos) << runs[0].options;

    const std::string html = test::readFile(out / "summary.html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST_F(CliAudit, SameInputsGiveByteIdenticalOutputsWhateverTheJobs) {
    const fs::path store = demoStore();
    const auto first = test::runCapeq({"audit", store.string(), "--out", (tempDir() / "a").string(), "--jobs",
                                       "1", "--interval-draws", "30", "--sensitivity-draws", "20"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    // The first run was recorded in the store, which changes the store file but not its evidence.
    const auto second =
        test::runCapeq({"audit", store.string(), "--out", (tempDir() / "b").string(), "--jobs", "2",
                        "--interval-draws", "30", "--sensitivity-draws", "20"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    const auto a = outputs(tempDir() / "a");
    const auto b = outputs(tempDir() / "b");
    EXPECT_GE(a.size(), 8u);
    EXPECT_TRUE(a == b);
}

TEST_F(CliAudit, FailOnBreachExitsOne) {
    const auto result = test::runCapeq({"audit", demoStore().string(), "--out", (tempDir() / "o").string(),
                                        "--no-reports", "--interval-draws", "0", "--fail-on", "breach"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
}

TEST_F(CliAudit, BadInputExitsTwo) {
    const auto missing =
        test::runCapeq({"audit", (tempDir() / "nope.sqlite").string(), "--out", (tempDir() / "o").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("cannot open the input file"), std::string::npos) << missing.err;
    const auto period = test::runCapeq(
        {"audit", demoStore().string(), "--out", (tempDir() / "o").string(), "--period", "1999"});
    EXPECT_EQ(period.exitCode, 2);
    EXPECT_NE(period.err.find("no evidence for period '1999'"), std::string::npos) << period.err;
}

TEST_F(CliAudit, ABrokenManifestEntryIsReportedAndTheRestAudited) {
    // Two organisations' files from the demo data, and one file that fails validation.
    const std::string demo = test::readFile(kDatasets / "county_council" / "evidence.csv");
    std::istringstream lines(demo);
    std::string header;
    std::getline(lines, header);
    std::string housing = header + "\n";
    std::string schools = header + "\n";
    for (std::string line; std::getline(lines, line);) {
        if (line.find(",housing,") != std::string::npos)
            housing += line + "\n";
        if (line.find(",schools,") != std::string::npos)
            schools += line + "\n";
    }
    test::writeFile(tempDir() / "in" / "housing.csv", housing);
    test::writeFile(tempDir() / "in" / "schools.csv", schools);
    test::writeFile(tempDir() / "in" / "broken.csv",
                    header + "\nnot_an_indicator,X1,parks,2024/25,all,all,5,,,,,,,,\n");
    test::writeFile(tempDir() / "in" / "manifest.csv",
                    "file,organisation,service\nhousing.csv,E10999999,housing\nschools.csv,,schools\nbroken."
                    "csv,X1,parks\n");
    const fs::path out = tempDir() / "out";
    const auto result = test::runCapeq({"audit", (tempDir() / "in" / "manifest.csv").string(), "--out",
                                        out.string(), "--no-reports", "--interval-draws", "10"});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    const json summary = json::parse(test::readFile(out / "summary.json"));
    EXPECT_EQ(summary["counts"]["scored"], 2);
    ASSERT_EQ(summary["inputs_failed"].size(), 1u);
    EXPECT_EQ(summary["inputs_failed"][0]["organisation"], "X1");
    EXPECT_NE(summary["inputs_failed"][0]["problems"][0].get<std::string>().find("not_an_indicator"),
              std::string::npos);
    EXPECT_NE(test::readFile(out / "summary.csv").find("parks,X1,2024/25,input_failed"), std::string::npos);
    const json run = json::parse(test::readFile(out / "run.json"));
    EXPECT_EQ(run["input_kind"], "manifest");
    EXPECT_EQ(run["inputs"].size(), 4u); // the manifest and its three files
}

// A manifest names the benchmark file (role benchmark): its area is the benchmark of every service, it is not
// audited, and a planted red-red case of the regulator data (D01: R010, social care dignity falls 15 points
// while NATIONAL holds) is flagged. A conflicting --benchmark-area is a usage error.
TEST_F(CliAudit, AManifestBenchmarkFileGivesRedRed) {
    std::ifstream in(kDatasets / "regulator" / "evidence.csv");
    std::string header;
    std::getline(in, header);
    std::string organisations = header + "\n";
    std::string national = header + "\n";
    for (std::string line; std::getline(in, line);) {
        if (line.find(",adult_social_care,") == std::string::npos)
            continue;
        if (line.find(",R010,") != std::string::npos || line.find(",R011,") != std::string::npos)
            organisations += line + "\n";
        else if (line.find(",NATIONAL,") != std::string::npos)
            national += line + "\n";
    }
    test::writeFile(tempDir() / "in" / "care.csv", organisations);
    test::writeFile(tempDir() / "in" / "national.csv", national);
    test::writeFile(tempDir() / "in" / "manifest.csv",
                    "file,organisation,service,format,mappings,role\ncare.csv,,adult_social_care,,,\n"
                    "national.csv,NATIONAL,adult_social_care,,,benchmark\n");
    const fs::path out = tempDir() / "out";
    const auto result = test::runCapeq({"audit", (tempDir() / "in" / "manifest.csv").string(), "--out",
                                        out.string(), "--no-reports", "--interval-draws", "0"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const json summary = json::parse(test::readFile(out / "summary.json"));
    EXPECT_EQ(summary["benchmark"]["area"], "NATIONAL");
    ASSERT_EQ(summary["leagues"][0]["entries"].size(), 2u); // R010 and R011, not NATIONAL
    std::map<std::string, int> redRed;
    for (const json& entry : summary["leagues"][0]["entries"])
        for (const json& flag : entry["flags"])
            redRed[entry["area"].get<std::string>() + " " + flag["indicator"].get<std::string>()] +=
                flag["kind"] == "red_red" ? 1 : 0;
    EXPECT_EQ(redRed["R010 social_care_dignity"], 1);
    EXPECT_EQ(redRed["R011 social_care_dignity"] + redRed["R011 control_over_daily_life"], 0);
    const json run = json::parse(test::readFile(out / "run.json"));
    EXPECT_EQ(run["options"]["benchmark_area"], "NATIONAL");

    const auto conflict = test::runCapeq({"audit", (tempDir() / "in" / "manifest.csv").string(), "--out",
                                          out.string(), "--no-reports", "--benchmark-area", "R011"});
    EXPECT_EQ(conflict.exitCode, 2);
    EXPECT_NE(conflict.err.find("the manifest's benchmark file is for area NATIONAL"), std::string::npos)
        << conflict.err;
}

// GPG returns carry the employer's name: reports and the league table show it with the id, escaped.
TEST_F(CliAudit, GpgEmployersAreNamedInReportsAndLeagueTables) {
    test::writeFile(
        tempDir() / "gpg.csv",
        "EmployerName,EmployerId,DiffMeanHourlyPercent,DiffMedianHourlyPercent,MaleLowerQuartile,"
        "FemaleLowerQuartile,MaleLowerMiddleQuartile,FemaleLowerMiddleQuartile,"
        "MaleUpperMiddleQuartile,FemaleUpperMiddleQuartile,MaleTopQuartile,FemaleTopQuartile,"
        "DueDate\n"
        "\"<b>\"\"Acme\"\" & Sons' Ltd</b>\",77,12.5,20,60,40,50,50,40,60,80,20,2022/04/05 00:00:00\n"
        "Plain Employer,78,1,2,50,50,50,50,50,50,50,50,2022/04/05 00:00:00\n");
    test::writeFile(tempDir() / "manifest.csv", "file,format\ngpg.csv,gpg\n");
    const fs::path out = tempDir() / "out";
    const auto result = test::runCapeq({"audit", (tempDir() / "manifest.csv").string(), "--out", out.string(),
                                        "--interval-draws", "0", "--sensitivity-draws", "0"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string escaped = "&lt;b&gt;&quot;Acme&quot; &amp; Sons&#39; Ltd&lt;/b&gt; (77)";
    const std::string html = test::readFile(out / "summary.html");
    EXPECT_NE(html.find(escaped), std::string::npos);
    EXPECT_NE(html.find("Plain Employer (78)"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    const json summary = json::parse(test::readFile(out / "summary.json"));
    std::map<std::string, std::string> names;
    for (const json& entry : summary["leagues"][0]["entries"])
        names[entry["area"]] = entry["area_name"];
    EXPECT_EQ(names["77"], "<b>\"Acme\" & Sons' Ltd</b>");
    EXPECT_EQ(names["78"], "Plain Employer");
    const fs::path report = out / "services" / "gender_pay_gap" / "77.html";
    if (!fs::exists(report))
        GTEST_SKIP() << "this build has no report module: " << result.err;
    EXPECT_NE(test::readFile(report).find("<title>gender_pay_gap — " + escaped + ", 2021/22</title>"),
              std::string::npos);
}

// A service whose only figure rests on 4 people (below the disclosure rule's base of 10) has no usable
// evidence: it is listed with the reason in every summary file, never skipped, and is no failure (exit 0).
TEST_F(CliAudit, ServicesWithNoUsableEvidenceAreListed) {
    test::writeFile(
        tempDir() / "in.csv",
        "indicator_id,area_code,service_id,period,characteristic,group,value,numerator,denominator\n"
        "overcrowding,X1,housing,2024/25,all,all,6.0,60,1000\n"
        "overcrowding,X2,housing,2024/25,all,all,25.0,1,4\n");
    const fs::path out = tempDir() / "out";
    const auto result = test::runCapeq({"audit", (tempDir() / "in.csv").string(), "--out", out.string(),
                                        "--no-reports", "--interval-draws", "0"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("1 scored, 0 breached, 1 with no usable evidence, 0 failed"), std::string::npos)
        << result.out;
    const json summary = json::parse(test::readFile(out / "summary.json"));
    ASSERT_EQ(summary["not_scored"].size(), 1u);
    EXPECT_EQ(summary["not_scored"][0]["area"], "X2");
    EXPECT_EQ(summary["not_scored"][0]["status"], "no_usable_evidence");
    EXPECT_FALSE(summary["not_scored"][0]["problem"].get<std::string>().empty());
    EXPECT_NE(test::readFile(out / "summary.csv").find("housing,X2,2024/25,no_usable_evidence"),
              std::string::npos);
    EXPECT_NE(test::readFile(out / "summary.html").find("<td>X2</td><td>no_usable_evidence</td>"),
              std::string::npos);
}

TEST_F(CliAudit, InterruptLeavesCompleteFilesAndSaysSo) {
    const fs::path out = tempDir() / "out";
    const std::vector<std::string> arguments{CAPEQ_CLI_BINARY,
                                             "audit",
                                             (kDatasets / "regulator" / "evidence.csv").string(),
                                             "--out",
                                             out.string(),
                                             "--no-reports",
                                             "--interval-draws",
                                             "400"};
    std::vector<char*> argv;
    for (const std::string& a : arguments)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, CAPEQ_CLI_BINARY, nullptr, nullptr, argv.data(), environ), 0);
    // Wait until some services are written, then interrupt.
    for (int i = 0; i < 1200 && !fs::exists(out / "services" / "adult_social_care" / "R002.json"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_EQ(kill(pid, SIGINT), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    const json run = json::parse(test::readFile(out / "run.json"));
    EXPECT_EQ(run["status"], "interrupted");
    EXPECT_EQ(run["exit_code"], 130);
    EXPECT_FALSE(fs::exists(out / "summary.json"));
    int written = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
        if (entry.path().extension() == ".json" && entry.path().filename() != "run.json") {
            ++written;
            EXPECT_FALSE(json::parse(test::readFile(entry.path())).is_null()) << entry.path();
        }
    }
    EXPECT_GE(written, 2);
    EXPECT_EQ(run["counts"]["units_done"].get<int>(), written);
}

} // namespace
} // namespace capeq
