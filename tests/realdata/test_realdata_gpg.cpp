// SPDX-License-Identifier: Apache-2.0
// capeq audit on the real UK gender pay gap returns 2021/22 (../shared/data/real/gpg_2021_2022.csv): every
// employer scored from figures without uncertainty, judged against the rule set's large_gap_threshold.
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <support/test_support.hpp>

namespace capeq {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class RealDataGpg : public test::TempDirTest {};

// Expected flags, computed from the file independently of CapEq with:
//   python3 -c "import csv;Q=['MaleLowerQuartile','FemaleLowerQuartile','MaleLowerMiddleQuartile',
//   'FemaleLowerMiddleQuartile','MaleUpperMiddleQuartile','FemaleUpperMiddleQuartile','MaleTopQuartile',
//   'FemaleTopQuartile'];ids={'19070','16879','15320','4035','10530','9834','12394','485'}
//   [print(x['EmployerId'],[c+('>' if float(x[c])>=10 else '<') for c in ('DiffMedianHourlyPercent',
//   'DiffMeanHourlyPercent') if -100<float(x[c])<100 and abs(float(x[c]))>=10],(lambda
//   q:2*(100*q[6]/sum(q[0::2]) -100*q[7]/sum(q[1::2])) if q else None)([float(x[c]) for c in Q] if all(x[c]
//   for c in Q) else None)) for x in csv.DictReader(open('gpg_2021_2022.csv',newline='',encoding='utf-8')) if
//   x['EmployerId'] in ids]"
// A filed gap g (percent of men's pay) flags women when g >= 10 and men when g <= -10 (goalposts 0-100, so
// the gap on the goalpost scale is g itself); a top-quartile gap flags at 10 points on goalposts 0-50, i.e. a
// 5-point difference in each sex's share in the top quartile. Gaps outside (-100, 100) are implausible.
//   19070 Aberystwyth University: median 3.7, mean 8.5 -> none; top quartile 16.96 -> women
//   16879 "Red Band" Chemical: -4.4, 0.6; top quartile -5.47 (men less often in it, under 10) -> none
//   15320 1509 Group (SicCodes with an embedded newline): 16.0, 18.0 -> women; top quartile 45.56 -> women
//   4035  Department of Health and Social Care: median exactly 10.0 -> women (at the threshold), mean 11.5
//         -> women; quartiles blank -> left out
//   10530 RLC (UK): median -121.5 implausible -> left out; mean -40.9 -> men
//   9834  Picturehouse Cinemas: -59.3, -68.7 -> men
//   12394 The Healthcare Management Trust: median 27 -> women, mean -15 -> men
//   485   Ankh Concepts: median -499.5 and mean -379.6 implausible, quartiles blank -> nothing scored, listed
const std::map<std::string, std::set<std::string>> kExpected{
    {"19070", {"gpg_top_quartile_share:female"}},
    {"16879", {}},
    {"15320",
     {"gpg_median_hourly_pay_relative:female", "gpg_mean_hourly_pay_relative:female",
      "gpg_top_quartile_share:female"}},
    {"4035", {"gpg_median_hourly_pay_relative:female", "gpg_mean_hourly_pay_relative:female"}},
    {"10530", {"gpg_mean_hourly_pay_relative:male"}},
    {"9834", {"gpg_median_hourly_pay_relative:male", "gpg_mean_hourly_pay_relative:male"}},
    {"12394", {"gpg_median_hourly_pay_relative:female", "gpg_mean_hourly_pay_relative:male"}},
};

TEST_F(RealDataGpg, EveryEmployerAuditedAndLargeGapsFlaggedWithoutSignificanceClaims) {
    const fs::path data = test::realDataDir() / "gpg_2021_2022.csv";
    if (!fs::exists(data))
        GTEST_SKIP() << "real data not present: " << data;
    test::writeFile(tempDir() / "manifest.csv", "file,format\n" + data.string() + ",gpg\n");
    const fs::path out = tempDir() / "out";
    const auto result = test::runCapeq({"audit", (tempDir() / "manifest.csv").string(), "--out", out.string(),
                                        "--no-reports", "--sensitivity-draws", "0", "--jobs", "2"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const json summary = json::parse(test::readFile(out / "summary.json"));
    EXPECT_EQ(summary["period"], "2021/22");
    ASSERT_EQ(summary["leagues"].size(), 1u);
    const json& entries = summary["leagues"][0]["entries"];
    // 10,498 returns; only employer 485 has no plausible figure at all.
    EXPECT_EQ(entries.size(), 10497u);
    EXPECT_EQ(summary["counts"]["scored"], 10497);

    std::map<std::string, json> byEmployer;
    for (const json& entry : entries)
        byEmployer[entry["area"]] = entry;
    EXPECT_EQ(byEmployer.count("485"), 0u);
    for (const auto& [employer, expected] : kExpected) {
        ASSERT_EQ(byEmployer.count(employer), 1u) << employer;
        const json& entry = byEmployer[employer];
        std::set<std::string> flagged;
        for (const json& flag : entry["flags"]) {
            EXPECT_EQ(flag["kind"], "large_gap_no_uncertainty") << employer;
            EXPECT_FALSE(flag["breach"].get<bool>());
            EXPECT_NE(flag["message"].get<std::string>().find("no significance is claimed"),
                      std::string::npos);
            flagged.insert(flag["indicator"].get<std::string>() + ":" + flag["group"].get<std::string>());
        }
        EXPECT_EQ(flagged, expected) << employer;
        // No standard errors anywhere: no interval, and it says why.
        EXPECT_TRUE(entry["interval"].is_null());
        EXPECT_EQ(entry["interval_unavailable"], "no figure carries a standard error, interval or counts");
    }
    // The implausible and incomplete figures are listed with their lines, never silently dropped.
    std::string leftOut;
    for (const json& line : summary["figures_left_out"])
        leftOut += line.get<std::string>() + "\n";
    EXPECT_NE(leftOut.find("employer 485: DiffMedianHourlyPercent = -499.5 is implausible"),
              std::string::npos);
    EXPECT_NE(leftOut.find("employer 4035: quartile shares blank"), std::string::npos);

    // Employers are named as filed (EmployerName), with their id; quotes and apostrophes stay escaped in
    // HTML.
    EXPECT_EQ(byEmployer["16879"]["area_name"], "\"RED BAND\" CHEMICAL COMPANY, LIMITED");
    EXPECT_EQ(byEmployer["19070"]["area_name"], "'PRIFYSGOL ABERYSTWYTH' AND 'ABERYSTWYTH UNIVERSITY'");
    const std::string html = test::readFile(out / "summary.html");
    EXPECT_NE(html.find("&quot;RED BAND&quot; CHEMICAL COMPANY, LIMITED (16879)"), std::string::npos);
    EXPECT_NE(html.find("&#39;PRIFYSGOL ABERYSTWYTH&#39; AND &#39;ABERYSTWYTH UNIVERSITY&#39; (19070)"),
              std::string::npos);
    EXPECT_EQ(html.find("\"RED BAND\""), std::string::npos);
    // summary.csv names them too (CSV quoting doubles the quotes).
    EXPECT_NE(test::readFile(out / "summary.csv").find("\"RED BAND\"\" CHEMICAL"), std::string::npos);
}

} // namespace
} // namespace capeq
