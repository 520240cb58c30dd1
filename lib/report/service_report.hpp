// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/scoring/score_report.hpp>
#include <capeq/scoring/scores.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace capeq::report {

/// The officer's judgement recorded in an equality assessment (the `.capeq` document): a finding per
/// characteristic, the mitigations, and the dated, owned actions of the action plan.
struct ReportFindings {
    std::vector<Finding> findings;
    std::vector<Mitigation> mitigations;
    std::vector<Action> actions;
};

/// Everything a per-service report shows. rows are the service's evidence for the scored period (the
/// report applies disclosure control itself: suppressed figures are never drawn or printed); history holds
/// the same service's scores for earlier periods, oldest first, for the trend chart. Construct it with the
/// catalogue and score, then assign the other members by name (they all have defaults).
struct ServiceReportInput {
    ServiceReportInput(const Catalogue& reportCatalogue, const ServiceScore& reportScore)
        : catalogue(reportCatalogue)
        , score(reportScore) {}

    const Catalogue& catalogue;
    const ServiceScore& score;
    std::vector<ServiceScore> history;
    std::vector<EvidenceRow> rows;
    ScoreProvenance provenance;
    DisclosurePolicy disclosure;
    std::string title; ///< e.g. "Northshire County Council — Adult social care, 2024/25"
    /// The assessment's findings and action plan; absent when the report is made without an assessment
    /// (e.g. a batch audit), which the report then says.
    std::optional<ReportFindings> assessment;
};

/// A self-contained HTML report (charts inline, no external files or network references): the index and
/// coverage, capability wheel, heat map, gap charts with CIs, trend, flags, the findings and action plan
/// per characteristic, the method and disclosure rule stated. Needs a QGuiApplication (see OffscreenGui).
/// Deterministic: same input, same bytes.
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
