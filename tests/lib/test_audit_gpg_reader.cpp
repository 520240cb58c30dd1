// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/gpg_reader.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/evidence/evidence_reader.hpp>

#include <gtest/gtest.h>
#include <support/test_support.hpp>

namespace capeq::audit {
namespace {

constexpr const char* kHeader =
    "\"EmployerName\",\"EmployerId\",\"SicCodes\",\"DiffMeanHourlyPercent\",\"DiffMedianHourlyPercent\","
    "\"MaleLowerQuartile\",\"FemaleLowerQuartile\",\"MaleLowerMiddleQuartile\",\"FemaleLowerMiddleQuartile\","
    "\"MaleUpperMiddleQuartile\",\"FemaleUpperMiddleQuartile\",\"MaleTopQuartile\",\"FemaleTopQuartile\","
    "\"DueDate\"\n";

class AuditGpgReader : public test::TempDirTest {
protected:
    Catalogue catalogue = loadCatalogue(test::sourceDir() / "indicators");
    GpgMapping mapping = loadGpgMapping(test::sourceDir() / "indicators" / "mappings" / "gpg.ini", catalogue);

    const EvidenceRow* find(const EvidenceSet& set, const std::string& indicator, const std::string& area,
                            const std::string& group) {
        for (const EvidenceRow& row : set.rows)
            if (row.indicator.str() == indicator && row.area.str() == area && row.group.str() == group)
                return &row;
        return nullptr;
    }
};

TEST_F(AuditGpgReader, ReturnsBecomeRowsAndOddFiguresAreListed) {
    const auto file = tempDir() / "gpg.csv";
    test::writeFile(file,
                    std::string(kHeader) +
                        // Quartiles F 40, 50, 60, 20 (sum 170) and M 60, 50, 40, 80 (sum 230):
                        // female share 170/400 = 0.425; women in top = 100*20/170, men 100*80/230.
                        "\"A, \"\"quoted\"\" Ltd\",\"11\",\"85200,\n85310\",\"12.5\",\"20\",\"60\",\"40\","
                        "\"50\",\"50\",\"40\",\"60\",\"80\",\"20\",\"2022/04/05 00:00:00\"\n"
                        // Blank quartiles, implausible median gap, plausible negative mean gap.
                        "\"B\",\"12\",\"\",\"-30\",\"-499.5\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
                        "\"2022/04/05 00:00:00\"\n");
    std::map<AreaCode, std::string> names;
    const EvidenceSet set = readGpgFile(file, mapping, &names);
    // Names as filed (CSV quoting undone), for titles and league tables.
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[AreaCode{"11"}], "A, \"quoted\" Ltd");
    EXPECT_EQ(names[AreaCode{"12"}], "B");
    const Catalogue extended = withIndicators(catalogue, mapping.indicators);
    EXPECT_FALSE(validateEvidence(set, extended).hasErrors());

    const EvidenceRow* women = find(set, "gpg_median_hourly_pay_relative", "11", "female");
    ASSERT_NE(women, nullptr);
    EXPECT_EQ(women->period, "2021/22");
    EXPECT_EQ(women->service.str(), "gender_pay_gap");
    EXPECT_DOUBLE_EQ(*women->value, 80.0);
    EXPECT_DOUBLE_EQ(*find(set, "gpg_median_hourly_pay_relative", "11", "male")->value, 100.0);
    // 0.425 * 80 + 0.575 * 100 = 91.5
    EXPECT_NEAR(*find(set, "gpg_median_hourly_pay_relative", "11", "all")->value, 91.5, 1e-12);
    EXPECT_NEAR(*find(set, "gpg_top_quartile_share", "11", "female")->value, 2000.0 / 170.0, 1e-12);
    EXPECT_NEAR(*find(set, "gpg_top_quartile_share", "11", "male")->value, 8000.0 / 230.0, 1e-12);
    EXPECT_DOUBLE_EQ(*find(set, "gpg_top_quartile_share", "11", "all")->value, 25.0);

    // Employer 12: mean gap kept (women 130), median gap implausible, quartiles blank: both listed.
    EXPECT_DOUBLE_EQ(*find(set, "gpg_mean_hourly_pay_relative", "12", "female")->value, 130.0);
    EXPECT_EQ(find(set, "gpg_median_hourly_pay_relative", "12", "female"), nullptr);
    EXPECT_EQ(find(set, "gpg_top_quartile_share", "12", "all"), nullptr);
    ASSERT_EQ(set.warnings.size(), 2u);
    EXPECT_NE(set.warnings[0].message.find("DiffMedianHourlyPercent = -499.5 is implausible"),
              std::string::npos)
        << set.warnings[0].message;
    EXPECT_EQ(set.warnings[0].where.line, 4u); // the embedded newline counts
    EXPECT_NE(set.warnings[1].message.find("quartile shares blank"), std::string::npos);
}

TEST_F(AuditGpgReader, MissingColumnIsAnInputError) {
    const auto file = tempDir() / "bad.csv";
    test::writeFile(file, "\"EmployerId\",\"DueDate\"\n\"1\",\"2022/04/05\"\n");
    try {
        readGpgFile(file, mapping);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.diagnostics().front().message, "column 'DiffMeanHourlyPercent' is missing");
    }
}

TEST_F(AuditGpgReader, MappingIndicatorsMustBeNew) {
    EXPECT_THROW(withIndicators(withIndicators(catalogue, mapping.indicators), mapping.indicators),
                 InputError);
}

} // namespace
} // namespace capeq::audit
