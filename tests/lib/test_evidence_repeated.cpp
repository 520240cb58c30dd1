// SPDX-License-Identifier: Apache-2.0
#include <capeq/evidence/evidence_reader.hpp>

#include <gtest/gtest.h>

namespace capeq {
namespace {

EvidenceRow row(const std::string& group, double value, std::size_t line) {
    EvidenceRow r;
    r.indicator = IndicatorId{"victim_of_crime"};
    r.area = AreaCode{"E12000007"};
    r.period = "2019/20";
    r.characteristic = CharacteristicId{"ethnicity_5"};
    r.group = GroupCode{group};
    r.value = value;
    r.location.line = line;
    return r;
}

TEST(DropRepeatedRows, KeepsTheFirstOfIdenticalRepeatsOnly) {
    EvidenceSet set;
    set.rows = {row("white", 17.0, 2), row("white", 17.0, 3), row("black", 20.0, 4), row("black", 21.0, 5)};
    EXPECT_EQ(dropRepeatedRows(set), 1u);
    ASSERT_EQ(set.rows.size(), 3u);
    EXPECT_EQ(set.rows[0].location.line, 2u);
    EXPECT_EQ(set.rows[1].location.line, 4u);
    EXPECT_EQ(set.rows[2].location.line, 5u) << "a conflicting duplicate stays, for validation to reject";
}

} // namespace
} // namespace capeq
