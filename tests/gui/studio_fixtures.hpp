// SPDX-License-Identifier: Apache-2.0
// Shared set-up for the studio's model, worker and end-to-end tests: the shipped catalogue, the county
// council demo evidence for one service, other areas' evidence from the regulator batch, and synthetic
// crossed (intersection) rows.
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <functional>
#include <gui/workers/import_worker.hpp>
#include <memory>
#include <support/test_support.hpp>

namespace capeq::gui::test {

inline std::shared_ptr<const Catalogue> shippedCatalogue() {
    return std::make_shared<const Catalogue>(loadCatalogue(capeq::test::sourceDir() / "indicators"));
}

inline QString demoEvidencePath() {
    return QString::fromStdString(
        (capeq::test::sourceDir() / "datasets/county_council/evidence.csv").string());
}

/// The demo evidence of one service, read and validated as the studio's import does.
inline std::vector<EvidenceRow> demoRows(const Catalogue& catalogue,
                                         const std::string& service = "adult_social_care") {
    ImportResult result = importEvidence(demoEvidencePath(), catalogue);
    std::vector<EvidenceRow> rows;
    for (EvidenceRow& row : result.rows)
        if (row.service.str() == service)
            rows.push_back(std::move(row));
    return rows;
}

inline Assessment demoAssessment(const Catalogue& catalogue) {
    Assessment assessment;
    assessment.metadata.title = "Adult social care equality assessment";
    assessment.metadata.organisation = "Northshire County Council";
    assessment.metadata.service = "adult_social_care";
    assessment.metadata.area = "E10999999";
    assessment.metadata.period = "2024/25";
    assessment.metadata.purpose = "Annual review of adult social care";
    assessment.scope.characteristics = {"sex", "age", "disability", "ethnicity_5"};
    assessment.evidence = demoRows(catalogue);
    return assessment;
}

/// The regulator batch's evidence of one service in one period (datasets/regulator: 320 invented
/// organisations), read as the studio's import does: the other areas a spine chart and a funnel plot
/// compare the demo service with.
inline std::vector<EvidenceRow> regulatorRows(const Catalogue& catalogue,
                                              const std::string& service = "adult_social_care",
                                              const std::string& period = "2024/25") {
    const QString path =
        QString::fromStdString((capeq::test::sourceDir() / "datasets/regulator/evidence.csv").string());
    ImportResult result = importEvidence(path, catalogue);
    std::vector<EvidenceRow> rows;
    for (EvidenceRow& row : result.rows)
        // NATIONAL is the batch's total of all organisations: a benchmark, not another area to compare with.
        if (row.service.str() == service && row.period == period && row.area.str() != "NATIONAL")
            rows.push_back(std::move(row));
    return rows;
}

/// SYNTHETIC crossed rows for the demo service (control over daily life by sex x ethnic group, 2024/25),
/// made up for the intersection view's tests: the counts split the demo's ethnic-group rows between women
/// and men so that both margins add up to the demo's own sex and ethnic-group counts. Men of "other"
/// ethnic group number 7, below the disclosure rule's base of 10, so that cell is suppressed.
inline std::vector<EvidenceRow> syntheticIntersectionRows() {
    struct Cell {
        const char* group;
        double numerator;
        double denominator;
    };
    // female column sums: 50+16+12+505+17 = 600 of 60+20+24+704+20 = 828 (the demo's female row);
    // male: 28+9+12+349+4 = 402 of 40+13+16+475+7 = 551 (the demo's male row).
    const std::vector<Cell> cells = {{"female*asian", 50, 60},   {"male*asian", 28, 40},
                                     {"female*black", 16, 20},   {"male*black", 9, 13},
                                     {"female*mixed", 12, 24},   {"male*mixed", 12, 16},
                                     {"female*white", 505, 704}, {"male*white", 349, 475},
                                     {"female*other", 17, 20},   {"male*other", 4, 7}};
    std::vector<EvidenceRow> rows;
    for (const Cell& cell : cells) {
        EvidenceRow row;
        row.indicator = IndicatorId{"control_over_daily_life"};
        row.area = AreaCode{"E10999999"};
        row.service = ServiceId{"adult_social_care"};
        row.period = "2024/25";
        row.characteristic = CharacteristicId{"sex*ethnicity_5"};
        row.group = GroupCode{cell.group};
        row.numerator = cell.numerator;
        row.denominator = cell.denominator;
        row.sampleSize = cell.denominator;
        row.value = cell.numerator / cell.denominator * 100.0;
        rows.push_back(row);
    }
    return rows;
}

/// Processes events until done() holds or timeoutMs passes; returns done().
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace capeq::gui::test
