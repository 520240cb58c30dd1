// SPDX-License-Identifier: Apache-2.0
// `capeq measures` on a WHO HEAT Plus table; expected values worked out by hand below.
#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <support/test_support.hpp>

namespace capeq {
namespace {

const std::string kHeat = (test::testDataDir() / "stats" / "heat_plus_sample.csv").string();
constexpr double kZ95 = 1.959963984540054;

nlohmann::json measure(const nlohmann::json& rows, const std::string& characteristic, const std::string& name,
                       double level) {
    for (const auto& row : rows)
        if (row["kind"] != "group" && row["characteristic"] == characteristic && row["name"] == name &&
            std::fabs(row["level"].get<double>() - level) < 1e-12)
            return row;
    throw std::runtime_error("no measure " + name + " for " + characteristic);
}

class CliMeasures : public ::testing::Test {
protected:
    void SetUp() override {
        const auto result = test::runCapeq({"measures", kHeat, "--format", "json"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        m_rows = nlohmann::json::parse(result.out);
    }
    nlohmann::json m_rows;
};

TEST_F(CliMeasures, DifferenceAndRatioAgainstTheFlaggedReference) {
    // Male (reference_subgroup = 1) 73.0 (SE 1.0) against female 69.5 (SE 1.1): D = 3.5,
    // SE = sqrt(1.0^2 + 1.1^2) = sqrt(2.21); R = 73 / 69.5.
    const auto d = measure(m_rows, "sex", "D", 0.95);
    EXPECT_NEAR(d["value"].get<double>(), 3.5, 1e-12);
    EXPECT_NEAR(d["lower"].get<double>(), 3.5 - kZ95 * std::sqrt(2.21), 1e-9);
    EXPECT_NEAR(d["upper"].get<double>(), 3.5 + kZ95 * std::sqrt(2.21), 1e-9);
    EXPECT_NEAR(measure(m_rows, "sex", "R", 0.95)["value"].get<double>(), 73.0 / 69.5, 1e-12);
    // PAF with the male reference: mean = (52000 x 69.5 + 50000 x 73) / 102000 = 7264000 / 102000.
    const double mean = 7264000.0 / 102000.0;
    EXPECT_NEAR(measure(m_rows, "sex", "PAF", 0.95)["value"].get<double>(), 100.0 * (73.0 - mean) / mean,
                1e-9);
}

TEST_F(CliMeasures, OrderedQuintilesGetTheSlopeIndex) {
    // D = most advantaged (quintile 5, 79.0, SE 1.1) - most disadvantaged (quintile 1, 62.0, SE 1.6).
    const auto d = measure(m_rows, "imd_quintile", "D", 0.95);
    EXPECT_NEAR(d["value"].get<double>(), 17.0, 1e-12);
    EXPECT_NEAR(d["upper"].get<double>() - d["lower"].get<double>(), 2 * kZ95 * std::sqrt(1.21 + 2.56), 1e-9);
    // SII: weighted least squares of y on the ridit X_j = sum_{k<j} p_k + p_j/2 with weights p_j.
    const double population[] = {21000, 20500, 20000, 20500, 20000};
    const double value[] = {62.0, 67.5, 71.0, 75.5, 79.0};
    double total = 0;
    for (const double n : population)
        total += n;
    double cumulative = 0, meanX = 0, meanY = 0;
    double ridit[5];
    for (int j = 0; j < 5; ++j) {
        const double p = population[j] / total;
        ridit[j] = cumulative + p / 2;
        cumulative += p;
        meanX += p * ridit[j];
        meanY += p * value[j];
    }
    double sxy = 0, sxx = 0;
    for (int j = 0; j < 5; ++j) {
        const double p = population[j] / total;
        sxy += p * (ridit[j] - meanX) * (value[j] - meanY);
        sxx += p * (ridit[j] - meanX) * (ridit[j] - meanX);
    }
    EXPECT_NEAR(measure(m_rows, "imd_quintile", "SII", 0.95)["value"].get<double>(), sxy / sxx, 1e-9);
    // 99.8% limits are printed too, and are wider.
    const auto d998 = measure(m_rows, "imd_quintile", "D", 0.998);
    EXPECT_GT(d998["upper"].get<double>() - d998["lower"].get<double>(),
              d["upper"].get<double>() - d["lower"].get<double>());
}

TEST(CliMeasuresErrors, MissingFileIsAClearError) {
    const auto result = test::runCapeq({"measures", "/nonexistent/heat.csv"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("/nonexistent/heat.csv"), std::string::npos) << result.err;
}

} // namespace
} // namespace capeq
