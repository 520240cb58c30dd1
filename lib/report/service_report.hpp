// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/scoring/score_report.hpp>
#include <capeq/scoring/scores.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace capeq::report {

/// Everything a per-service report shows. rows are the service's evidence for the scored period (the
/// report applies disclosure control itself: suppressed figures are never drawn or printed); history holds
/// the same service's scores for earlier periods, oldest first, for the trend chart.
struct ServiceReportInput {
    const Catalogue& catalogue;
    const ServiceScore& score;
    std::vector<ServiceScore> history;
    std::vector<EvidenceRow> rows;
    ScoreProvenance provenance;
    DisclosurePolicy disclosure;
    std::string title; ///< e.g. "Northshire County Council — Adult social care, 2024/25"
};

/// A self-contained HTML report (charts inline, no external files or network references): the index and
/// coverage, capability wheel, heat map, gap charts with CIs, trend, flags, the method and disclosure rule
/// stated. Needs a QGuiApplication (see OffscreenGui). Deterministic: same input, same bytes.
std::string renderServiceReportHtml(const ServiceReportInput& input);

/// The same report as a PDF, written atomically to path. Needs a QGuiApplication.
void writeServiceReportPdf(const ServiceReportInput& input, const std::filesystem::path& path);

/// Makes sure a QApplication exists for offscreen rendering in command-line tools: creates one with the
/// offscreen platform when none exists (and destroys it on destruction); does nothing inside the studio.
class OffscreenGui {
public:
    OffscreenGui();
    ~OffscreenGui();
    OffscreenGui(const OffscreenGui&) = delete;
    OffscreenGui& operator=(const OffscreenGui&) = delete;

private:
    struct State; ///< defined in the .cpp, keeping Qt headers out of this one
    std::unique_ptr<State> m_state;
};

} // namespace capeq::report
