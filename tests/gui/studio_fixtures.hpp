// SPDX-License-Identifier: Apache-2.0
// Shared set-up for the studio's model, worker and end-to-end tests: the shipped catalogue and the
// county council demo evidence for one service.
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

/// Processes events until done() holds or timeoutMs passes; returns done().
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace capeq::gui::test
