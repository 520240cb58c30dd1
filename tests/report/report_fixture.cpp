// SPDX-License-Identifier: Apache-2.0
#include "report_fixture.hpp"

#include <QColor>

#include <cstdlib>

namespace capeq::test {

namespace {

Indicator indicator(const std::string& id, const std::string& title, const std::string& domain,
                    const std::string& dimension, Polarity polarity, double lo, double hi) {
    Indicator result;
    result.id = IndicatorId{id};
    result.title = title;
    result.domain = DomainId{domain};
    result.dimension = DimensionId{dimension};
    result.polarity = polarity;
    result.measureType = MeasureType::Proportion;
    result.multiplier = 100.0;
    result.unit = "%";
    result.goalposts = {lo, hi};
    return result;
}

Characteristic characteristic(const std::string& id, const std::string& name,
                              const std::vector<std::pair<std::string, std::string>>& groups) {
    Characteristic result;
    result.id = CharacteristicId{id};
    result.name = name;
    int order = 1;
    for (const auto& [code, label] : groups)
        result.groups.push_back({GroupCode{code}, label, order++});
    return result;
}

EvidenceRow row(const std::string& period, const std::string& indicatorId,
                const std::string& characteristicId, const std::string& group, double value, double se,
                double n) {
    EvidenceRow r;
    r.indicator = IndicatorId{indicatorId};
    r.area = AreaCode{"E10000001"};
    r.service = ServiceId{"adult_social_care"};
    r.period = period;
    r.characteristic = CharacteristicId{characteristicId};
    r.group = GroupCode{group};
    r.value = value;
    r.standardError = se;
    r.sampleSize = n;
    return r;
}

} // namespace

Catalogue reportCatalogue() {
    std::vector<Domain> domains = {
        {DomainId{"health"}, "Health", "", 1, {}},
        {DomainId{"standard_of_living"}, "Standard of living", "", 2, {}},
        {DomainId{"participation_voice"}, "Participation, influence and voice", "", 3, {}}};
    std::vector<Dimension> dimensions = {{DimensionId{"outcome"}, "Outcomes", "", 1, {}},
                                         {DimensionId{"treatment"}, "Treatment", "", 2, {}},
                                         {DimensionId{"autonomy"}, "Autonomy", "", 3, {}}};
    std::vector<Characteristic> characteristics = {
        characteristic("sex", "Sex", {{"female", "Female"}, {"male", "Male"}}),
        characteristic("disability", "Disability",
                       {{"disabled", "Disabled"}, {"not_disabled", "Not disabled"}}),
        characteristic("ethnicity_5", "Ethnicity (5 groups)",
                       {{"asian", "Asian"}, {"black", "Black"}, {"mixed", "Mixed"}, {"white", "White"}}),
    };
    Indicator health =
        indicator("good_health", "Good health", "health", "outcome", Polarity::HigherIsBetter, 50, 100);
    health.minimumStandard = 65.0;
    std::vector<Indicator> indicators = {
        health,
        indicator("dignity", "Treated with dignity", "health", "treatment", Polarity::HigherIsBetter, 40,
                  100),
        indicator("control", "Control over daily life", "standard_of_living", "autonomy",
                  Polarity::HigherIsBetter, 30, 100),
        indicator("overcrowding", "Overcrowded housing", "standard_of_living", "outcome",
                  Polarity::LowerIsBetter, 0, 30),
    };
    return Catalogue("report test", domains, dimensions, characteristics, {}, indicators);
}

std::vector<EvidenceRow> reportEvidence(const std::string& period, double shift) {
    return {
        row(period, "good_health", "all", "all", 74 + shift, 1.0, 2000),
        row(period, "good_health", "disability", "disabled", 58 + shift, 2.5, 300),
        row(period, "good_health", "disability", "not_disabled", 77 + shift, 1.2, 1700),
        row(period, "good_health", "ethnicity_5", "asian", 66 + shift, 2.0, 200),
        row(period, "good_health", "ethnicity_5", "black", 60 + shift, 9.0, 6),
        row(period, "good_health", "ethnicity_5", "mixed", 73 + shift, 3.0, 80),
        row(period, "good_health", "ethnicity_5", "white", 75 + shift, 1.1, 1714),
        row(period, "dignity", "all", "all", 85 + shift, 1.0, 900),
        row(period, "dignity", "sex", "female", 86 + shift, 2.0, 450),
        row(period, "dignity", "sex", "male", 84 + shift, 2.0, 450),
        row(period, "control", "all", "all", 70 + shift, 1.5, 600),
        row(period, "control", "disability", "disabled", 61 + shift, 2.5, 250),
        row(period, "control", "disability", "not_disabled", 74 + shift, 1.8, 350),
        row(period, "overcrowding", "all", "all", 8 - shift / 4, 0.5, 1500),
        row(period, "overcrowding", "sex", "female", 7.5 - shift / 4, 0.7, 760),
        row(period, "overcrowding", "sex", "male", 8.5 - shift / 4, 0.7, 740),
    };
}

ServiceScore reportScore(const Catalogue& catalogue, const std::string& period, double shift) {
    ScoreInput input{catalogue,
                     ServiceId{"adult_social_care"},
                     AreaCode{"E10000001"},
                     period,
                     reportEvidence(period, shift),
                     {},
                     {},
                     ScoringProfile{},
                     WeightProfile{},
                     RuleSet{},
                     DisclosurePolicy{}};
    return scoreService(input);
}

ReportCase makeReportCase() {
    ReportCase result;
    result.history = {reportScore(result.catalogue, "2022/23", -4.0),
                      reportScore(result.catalogue, "2023/24", -2.0)};
    result.score = reportScore(result.catalogue, "2024/25");
    result.rows = reportEvidence("2024/25");
    return result;
}

report::ServiceReportInput reportInput(const ReportCase& reportCase, const std::string& title) {
    ScoreProvenance provenance;
    provenance.disclosureRule = DisclosurePolicy{}.describe();
    provenance.inputHashes = {{"evidence.csv", "0123abcd"}};
    report::ServiceReportInput input(reportCase.catalogue, reportCase.score);
    input.history = reportCase.history;
    input.rows = reportCase.rows;
    input.provenance = provenance;
    input.disclosure = DisclosurePolicy{};
    input.title = title;
    return input;
}

int nonBackgroundPixels(const QImage& image) {
    const QRgb background = image.pixel(0, 0);
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) != background ? 1 : 0;
    return count;
}

std::filesystem::path keepImage(const QImage& image, const std::filesystem::path& dir,
                                const std::string& name) {
    const std::filesystem::path path = dir / (name + ".png");
    image.save(QString::fromStdString(path.string()), "PNG");
    if (const char* keep = std::getenv("CAPEQ_KEEP_SCREENSHOTS"); keep != nullptr && *keep != '\0') {
        std::filesystem::create_directories(keep);
        image.save(QString::fromStdString((std::filesystem::path(keep) / (name + ".png")).string()), "PNG");
    }
    return path;
}

} // namespace capeq::test
