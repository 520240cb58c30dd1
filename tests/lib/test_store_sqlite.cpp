// SPDX-License-Identifier: Apache-2.0
#include <capeq/store/sqlite.hpp>

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace capeq::sqlite {
namespace {

class SqliteWrapper : public ::testing::Test {
protected:
    void SetUp() override { m_db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, d REAL, s TEXT)"); }
    std::int64_t count() {
        Statement query(m_db, "SELECT count(*) FROM t");
        query.step();
        return query.columnInt(0);
    }
    Connection m_db{":memory:"};
};

TEST_F(SqliteWrapper, TypedBindsRoundTrip) {
    Statement insert(m_db, "INSERT INTO t (i, d, s) VALUES (?1, ?2, ?3)");
    insert.bindInt(1, std::int64_t{-9007199254740993}).bindDouble(2, 0.1).bindText(3, "caf\xc3\xa9").run();
    EXPECT_EQ(m_db.lastInsertRowId(), 1);
    EXPECT_EQ(m_db.changes(), 1);

    Statement select(m_db, "SELECT i, d, s FROM t");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnInt(0), -9007199254740993);
    EXPECT_EQ(select.columnDouble(1), 0.1); // REAL is an IEEE double: bit-exact
    EXPECT_EQ(select.columnText(2), "caf\xc3\xa9");
    EXPECT_FALSE(select.step());
}

TEST_F(SqliteWrapper, NulloptBindsNullAndReadsBackAsNullopt) {
    Statement insert(m_db, "INSERT INTO t (i, d, s) VALUES (?1, ?2, ?3)");
    insert.bindInt(1, std::optional<std::int64_t>{})
        .bindDouble(2, std::optional<double>{})
        .bindOptionalText(3, std::nullopt)
        .run();
    insert.bindInt(1, std::optional<std::int64_t>{0})
        .bindDouble(2, std::optional<double>{0.0})
        .bindText(3, "")
        .run();

    Statement select(m_db, "SELECT i, d, s, s IS NULL FROM t ORDER BY id");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnOptionalInt(0), std::nullopt);
    EXPECT_EQ(select.columnOptionalDouble(1), std::nullopt);
    EXPECT_TRUE(select.isNull(2));
    EXPECT_EQ(select.columnInt(3), 1);
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnOptionalInt(0), std::optional<std::int64_t>(0));
    EXPECT_EQ(select.columnOptionalDouble(1), std::optional<double>(0.0));
    EXPECT_FALSE(select.isNull(2)); // "" is not NULL
    EXPECT_EQ(select.columnInt(3), 0);
}

TEST_F(SqliteWrapper, TextOrNullMapsEmptyToNull) {
    Statement insert(m_db, "INSERT INTO t (s) VALUES (?1)");
    insert.bindTextOrNull(1, "").run();
    insert.bindTextOrNull(1, "x").run();
    Statement select(m_db, "SELECT s IS NULL FROM t ORDER BY id");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnInt(0), 1);
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnInt(0), 0);
}

TEST_F(SqliteWrapper, NanIsRefusedRatherThanStoredAsNull) {
    Statement insert(m_db, "INSERT INTO t (d) VALUES (?1)");
    EXPECT_THROW(insert.bindDouble(1, std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
    insert.bindDouble(1, std::numeric_limits<double>::infinity()).run();
    Statement select(m_db, "SELECT d FROM t");
    ASSERT_TRUE(select.step());
    EXPECT_TRUE(std::isinf(select.columnDouble(0)));
}

TEST_F(SqliteWrapper, TextWithEmbeddedNulAndQuotesIsKeptWhole) {
    const std::string text("a'b\"c;\0d", 8);
    Statement insert(m_db, "INSERT INTO t (s) VALUES (?1)");
    insert.bindText(1, text).run();
    Statement select(m_db, "SELECT s, length(CAST(s AS BLOB)) FROM t");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnText(0), text);
    EXPECT_EQ(select.columnInt(1), 8);
}

TEST_F(SqliteWrapper, StatementIsReusableAfterReset) {
    Statement insert(m_db, "INSERT INTO t (i) VALUES (?1)");
    for (std::int64_t i = 1; i <= 3; ++i)
        insert.bindInt(1, i).run();
    Statement sum(m_db, "SELECT sum(i) FROM t WHERE i >= ?1");
    sum.bindInt(1, 2);
    ASSERT_TRUE(sum.step());
    EXPECT_EQ(sum.columnInt(0), 5);
    sum.reset();
    ASSERT_TRUE(sum.step()); // bindings were cleared: i >= NULL matches nothing
    EXPECT_TRUE(sum.isNull(0));
}

TEST_F(SqliteWrapper, TransactionRollsBackUnlessCommitted) {
    {
        Transaction transaction(m_db);
        Statement(m_db, "INSERT INTO t (i) VALUES (1)").run();
        EXPECT_TRUE(m_db.inTransaction());
    }
    EXPECT_FALSE(m_db.inTransaction());
    EXPECT_EQ(count(), 0);
    {
        Transaction transaction(m_db);
        Statement(m_db, "INSERT INTO t (i) VALUES (1)").run();
        transaction.commit();
    }
    EXPECT_EQ(count(), 1);
}

TEST_F(SqliteWrapper, TransactionRollsBackWhenAnExceptionLeavesTheScope) {
    try {
        Transaction transaction(m_db);
        Statement(m_db, "INSERT INTO t (i) VALUES (1)").run();
        throw std::runtime_error("stop");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(count(), 0);
}

TEST_F(SqliteWrapper, ErrorsCarryTheStatementAndCode) {
    try {
        Statement bad(m_db, "SELECT * FROM missing_table");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("no such table: missing_table"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("SELECT * FROM missing_table"), std::string::npos);
        EXPECT_EQ(error.code(), 1); // SQLITE_ERROR
    }
    m_db.exec("CREATE TABLE u (x INTEGER NOT NULL)");
    Statement insert(m_db, "INSERT INTO u (x) VALUES (?1)");
    insert.bindNull(1);
    EXPECT_THROW(insert.run(), Error);
    insert.bindInt(1, std::int64_t{1}).run(); // usable again after the failed step
}

TEST(SqliteConnection, OpeningAMissingFileReadOnlyFails) {
    EXPECT_THROW(Connection("/nonexistent-dir/x.db", OpenMode::ReadWrite), Error);
}

} // namespace
} // namespace capeq::sqlite
