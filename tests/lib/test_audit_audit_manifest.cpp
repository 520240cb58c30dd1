// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/audit_input.hpp>
#include <capeq/audit/audit_manifest.hpp>
#include <capeq/audit/summary_writers.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq::audit {
namespace {

class AuditManifest : public test::TempDirTest {};

TEST_F(AuditManifest, EntriesResolveAgainstTheManifestDirectory) {
    const auto file = tempDir() / "m.csv";
    test::writeFile(
        file, "file,organisation,service,format\n# comment,,,\na.csv,ORG1,housing,\n/abs/b.csv,,,gpg\n");
    EXPECT_TRUE(isManifest(file));
    const Manifest manifest = readManifest(file);
    ASSERT_EQ(manifest.entries.size(), 2u);
    EXPECT_EQ(manifest.entries[0].path, tempDir() / "a.csv");
    EXPECT_EQ(manifest.entries[0].organisation, "ORG1");
    EXPECT_EQ(manifest.entries[0].service, "housing");
    EXPECT_EQ(manifest.entries[1].path, std::filesystem::path("/abs/b.csv"));
    EXPECT_EQ(manifest.entries[1].format, "gpg");
}

TEST_F(AuditManifest, EveryProblemIsReportedWithItsLine) {
    const auto file = tempDir() / "m.csv";
    test::writeFile(file, "file,organisation,colour\n,X,red\n");
    try {
        readManifest(file);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 2u);
        EXPECT_EQ(error.diagnostics()[0].message, "unknown manifest column 'colour'");
        EXPECT_EQ(error.diagnostics()[1].message, "no file name");
        EXPECT_EQ(error.diagnostics()[1].where.line, 2u);
    }
}

TEST_F(AuditManifest, ABenchmarkFileIsMarkedByItsRole) {
    const auto file = tempDir() / "m.csv";
    test::writeFile(file, "file,role\na.csv,\nb.csv,audited\nnational.csv,benchmark\n");
    const Manifest manifest = readManifest(file);
    ASSERT_EQ(manifest.entries.size(), 3u);
    EXPECT_FALSE(manifest.entries[0].benchmark);
    EXPECT_FALSE(manifest.entries[1].benchmark);
    EXPECT_TRUE(manifest.entries[2].benchmark);
    test::writeFile(file, "file,role\na.csv,national\n");
    try {
        readManifest(file);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.diagnostics().front().message, "unknown role 'national'");
        EXPECT_EQ(error.diagnostics().front().where.line, 2u);
        EXPECT_EQ(error.diagnostics().front().where.column, 2u);
    }
}

TEST_F(AuditManifest, AnEvidenceFileIsNotAManifest) {
    EXPECT_FALSE(isManifest(test::sourceDir() / "datasets" / "county_council" / "evidence.csv"));
}

TEST(AuditSummaryWriters, FileStemsAndEscaping) {
    EXPECT_EQ(unitFileStem(ServiceId{"adult_social_care"}, AreaCode{"E10999999"}),
              "services/adult_social_care/E10999999");
    EXPECT_EQ(unitFileStem(ServiceId{"a/b"}, AreaCode{"../x y"}), "services/a_b/_.._x_y");
    EXPECT_EQ(escapeHtml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
}

TEST(AuditSummaryWriters, AreasAreLabelledWithTheirNamesWhereKnown) {
    const std::map<AreaCode, std::string> names{{AreaCode{"15320"}, "1509 Group"}};
    EXPECT_EQ(areaLabel(names, AreaCode{"15320"}), "1509 Group (15320)");
    EXPECT_EQ(areaLabel(names, AreaCode{"485"}), "485");
}

} // namespace
} // namespace capeq::audit
