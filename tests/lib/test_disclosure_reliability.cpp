// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/reliability.hpp>

#include <gtest/gtest.h>

namespace capeq {
namespace {

TEST(Reliability, ThresholdsAtFiftyAndTen) {
    EXPECT_EQ(classifyReliability(50.0), Reliability::Reliable);
    EXPECT_EQ(classifyReliability(49.0), Reliability::LowReliability);
    EXPECT_EQ(classifyReliability(10.0), Reliability::LowReliability);
    EXPECT_EQ(classifyReliability(9.0), Reliability::ExcludedFromScores);
    EXPECT_EQ(classifyReliability(std::nullopt), Reliability::BaseUnknown);
    EXPECT_EQ(classifyReliability(30.0, ReliabilityRule{100.0, 30.0}), Reliability::LowReliability);
}

TEST(Reliability, OnlyExcludedEstimatesStayOutOfScores) {
    EXPECT_TRUE(usableInScores(Reliability::LowReliability));
    EXPECT_TRUE(usableInScores(Reliability::BaseUnknown));
    EXPECT_FALSE(usableInScores(Reliability::ExcludedFromScores));
    EXPECT_EQ(reliabilityCode(Reliability::ExcludedFromScores), "excluded_small_base");
}

} // namespace
} // namespace capeq
