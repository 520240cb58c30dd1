// SPDX-License-Identifier: Apache-2.0
#include <cli/audit_reports.hpp>
#include <stdexcept>

#if CAPEQ_CLI_HAS_REPORTS
#include <report/service_report.hpp>
#endif

namespace capeq::cli {

#if CAPEQ_CLI_HAS_REPORTS

struct ReportRenderer::State {
    report::OffscreenGui gui;
};

namespace {

// A batch audit has no assessment, so its reports carry no findings or action plan (the report says so).
report::ServiceReportInput toReportInput(const UnitReport& report) {
    report::ServiceReportInput input(report.catalogue, report.score);
    input.history = report.history;
    input.rows = report.rows;
    input.provenance = report.provenance;
    input.disclosure = report.disclosure;
    input.title = report.title;
    return input;
}

} // namespace

ReportRenderer::ReportRenderer()
    : m_state(std::make_unique<State>()) {}

bool ReportRenderer::available() {
    return true;
}

std::string ReportRenderer::unavailableReason() {
    return {};
}

std::string ReportRenderer::html(const UnitReport& report) {
    return report::renderServiceReportHtml(toReportInput(report));
}

void ReportRenderer::pdf(const UnitReport& report, const std::filesystem::path& path) {
    report::writeServiceReportPdf(toReportInput(report), path);
}

#else

struct ReportRenderer::State {};

ReportRenderer::ReportRenderer() = default;

bool ReportRenderer::available() {
    return false;
}

std::string ReportRenderer::unavailableReason() {
#if CAPEQ_CLI_GUI_BUILD
    return "per-service HTML and PDF reports are not in this build yet (the report module has no renderer)";
#else
    return "per-service HTML and PDF reports need the GUI-enabled build (configure with "
           "-DCAPEQ_BUILD_GUI=ON)";
#endif
}

std::string ReportRenderer::html(const UnitReport&) {
    throw std::logic_error(unavailableReason());
}

void ReportRenderer::pdf(const UnitReport&, const std::filesystem::path&) {
    throw std::logic_error(unavailableReason());
}

#endif

ReportRenderer::~ReportRenderer() = default;

} // namespace capeq::cli
