// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/linear_table.hpp>

#include <Eigen/Dense>
#include <gtest/gtest.h>
#include <random>

namespace capeq {
namespace {

// Independent test of derivability: x_s is recoverable iff adding the row e_s to the restricted relation
// matrix does not raise its rank (rank by column-pivoting QR, a different factorisation from the code's).
bool recoverableByRank(const LinearTable& table, const std::vector<bool>& hidden, std::size_t cell) {
    std::vector<std::size_t> columns;
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i])
            columns.push_back(i);
    const auto rows = static_cast<Eigen::Index>(table.constraints().size());
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(rows + 1, static_cast<Eigen::Index>(columns.size()));
    for (Eigen::Index r = 0; r < rows; ++r)
        for (const auto& [index, coefficient] : table.constraints()[static_cast<std::size_t>(r)])
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (columns[c] == index)
                    a(r, static_cast<Eigen::Index>(c)) += coefficient;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c] == cell)
            a(rows, static_cast<Eigen::Index>(c)) = 1.0;
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> with(a);
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> without(a.topRows(rows));
    with.setThreshold(1e-10);
    without.setThreshold(1e-10);
    return with.rank() == without.rank();
}

TEST(LinearTable, OneSuppressedGroupIsRecoveredFromTheTotal) {
    // cells: 0 = total, 1 = female, 2 = male; total = female + male.
    LinearTable table(3);
    table.addSum(0, {1, 2});
    EXPECT_EQ(table.determinedCells({false, true, false}), (std::vector<std::size_t>{1}));
    EXPECT_TRUE(table.determinedCells({false, true, true}).empty());
    EXPECT_TRUE(table.determinedCells({false, false, false}).empty());
}

TEST(LinearTable, AllHiddenBehindOneRelationStayHidden) {
    LinearTable table(4);
    table.addSum(0, {1, 2, 3});
    EXPECT_TRUE(table.determinedCells({true, true, true, true}).empty());
}

TEST(LinearTable, CombinationOfRelationsPinsACell) {
    // x0 + x1 = p, x1 + x2 = q, x0 + x2 = r: three independent equations pin all three unknowns.
    LinearTable table(6);
    table.addConstraint({{0, 1}, {1, 1}, {3, -1}});
    table.addConstraint({{1, 1}, {2, 1}, {4, -1}});
    table.addConstraint({{0, 1}, {2, 1}, {5, -1}});
    EXPECT_EQ(table.determinedCells({true, true, true, false, false, false}),
              (std::vector<std::size_t>{0, 1, 2}));
}

TEST(LinearTable, TwoByTwoWithMarginsNeedsFourCellsHidden) {
    // Cells 0..3 = a11 a12 a21 a22; rows r1=4, r2=5; columns c1=6, c2=7; total=8.
    LinearTable table(9);
    table.addSum(4, {0, 1});
    table.addSum(5, {2, 3});
    table.addSum(6, {0, 2});
    table.addSum(7, {1, 3});
    table.addSum(8, {4, 5});
    std::vector<bool> hidden(9, false);
    hidden[0] = true;
    EXPECT_EQ(table.determinedCells(hidden), (std::vector<std::size_t>{0}));
    hidden[1] = true; // row hidden pair: still pinned by the columns
    EXPECT_EQ(table.determinedCells(hidden).size(), 2u);
    hidden[2] = true;
    hidden[3] = true; // the classic rectangle: all four free
    EXPECT_TRUE(table.determinedCells(hidden).empty());
}

TEST(LinearTable, SecondarySuppressionPicksTheSmallestPartner) {
    LinearTable table(4);
    table.addSum(0, {1, 2, 3});
    std::vector<bool> suppressed{false, true, false, false};
    bool pinned = true;
    const auto added = secondarySuppression({{table, {false, false, false, false}}}, suppressed,
                                            {1000.0, 3.0, 40.0, 25.0}, pinned);
    EXPECT_FALSE(pinned);
    EXPECT_EQ(added, (std::vector<std::size_t>{3}));
}

TEST(LinearTable, PropertyNoSuppressedCellIsRecoverableInRandomTables) {
    std::mt19937_64 random(20261122);
    for (int trial = 0; trial < 300; ++trial) {
        // A random r x c table of counts with row, column and grand totals.
        const std::size_t nr = 2 + random() % 4;
        const std::size_t nc = 2 + random() % 4;
        const std::size_t inner = nr * nc;
        const std::size_t cells = inner + nr + nc + 1;
        LinearTable table(cells);
        for (std::size_t r = 0; r < nr; ++r) {
            std::vector<std::size_t> parts;
            for (std::size_t c = 0; c < nc; ++c)
                parts.push_back(r * nc + c);
            table.addSum(inner + r, parts);
        }
        for (std::size_t c = 0; c < nc; ++c) {
            std::vector<std::size_t> parts;
            for (std::size_t r = 0; r < nr; ++r)
                parts.push_back(r * nc + c);
            table.addSum(inner + nr + c, parts);
        }
        std::vector<std::size_t> rowTotals;
        for (std::size_t r = 0; r < nr; ++r)
            rowTotals.push_back(inner + r);
        table.addSum(cells - 1, rowTotals);

        std::vector<double> weights(cells);
        std::vector<bool> suppressed(cells, false);
        for (std::size_t i = 0; i < inner; ++i) {
            weights[i] = static_cast<double>(random() % 60);
            suppressed[i] = weights[i] < 10.0;
        }
        for (std::size_t i = inner; i < cells; ++i)
            weights[i] = 1e9;
        const std::vector<bool> primary = suppressed;
        bool pinned = false;
        secondarySuppression({{table, std::vector<bool>(cells, false)}}, suppressed, weights, pinned);
        ASSERT_FALSE(pinned) << "trial " << trial;
        for (std::size_t i = 0; i < cells; ++i) {
            if (primary[i]) {
                ASSERT_TRUE(suppressed[i]) << "a primary cell was published again";
            }
            if (suppressed[i]) {
                ASSERT_FALSE(recoverableByRank(table, suppressed, i)) << "trial " << trial << " cell " << i;
            }
        }
    }
}

} // namespace
} // namespace capeq
