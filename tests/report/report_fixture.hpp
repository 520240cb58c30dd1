// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small catalogue and evidence set for the report tests: two domains, sex, disability and ethnicity
// breakdowns, one significant gap, one unclear gap, a group small enough to be suppressed and a hostile
// service title.

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/scoring/score_report.hpp>
#include <capeq/scoring/scorer.hpp>

#include <QImage>

#include <filesystem>
#include <report/service_report.hpp>
#include <string>
#include <vector>

namespace capeq::test {

Catalogue reportCatalogue();
/// Evidence of one service in one period; "black" on good_health has base 6, so it is suppressed.
std::vector<EvidenceRow> reportEvidence(const std::string& period, double shift = 0.0);
/// scoreService on reportEvidence(period) with default profile, weights, rules and disclosure.
ServiceScore reportScore(const Catalogue& catalogue, const std::string& period, double shift = 0.0);
/// A complete report input over three periods (two in history).
struct ReportCase {
    Catalogue catalogue = reportCatalogue();
    ServiceScore score;
    std::vector<ServiceScore> history;
    std::vector<EvidenceRow> rows;
};
ReportCase makeReportCase();
report::ServiceReportInput reportInput(const ReportCase& reportCase, const std::string& title);

/// Pixels that differ from the image's top-left (background) colour.
int nonBackgroundPixels(const QImage& image);
/// Saves image to the test temp dir and to $CAPEQ_KEEP_SCREENSHOTS when set; returns the temp path.
std::filesystem::path keepImage(const QImage& image, const std::filesystem::path& dir,
                                const std::string& name);

} // namespace capeq::test
