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

namespace capeq::cli {

/// What one per-service report shows (mirrors report::ServiceReportInput, which this adapter keeps out of
/// the rest of the CLI so the CLI builds, and audits, without the Qt report module).
struct UnitReport {
    const Catalogue& catalogue;
    const ServiceScore& score;
    std::vector<ServiceScore> history;
    std::vector<EvidenceRow> rows;
    ScoreProvenance provenance;
    DisclosurePolicy disclosure;
    std::string title;
};

/// Renders per-service HTML and PDF reports with capeq_report when this build has it. Create it on the
/// thread that renders (the main thread): it owns the offscreen QApplication for as long as it lives.
class ReportRenderer {
public:
    ReportRenderer();
    ~ReportRenderer();
    ReportRenderer(const ReportRenderer&) = delete;
    ReportRenderer& operator=(const ReportRenderer&) = delete;

    /// True when this build can render reports.
    static bool available();
    /// Why reports are unavailable, in words for the user (empty when available).
    static std::string unavailableReason();

    std::string html(const UnitReport& report);
    /// Writes the PDF atomically to path.
    void pdf(const UnitReport& report, const std::filesystem::path& path);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace capeq::cli
