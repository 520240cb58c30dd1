// SPDX-License-Identifier: Apache-2.0
#pragma once

// The per-service report as HTML, shared by the self-contained HTML output (images as data: URIs) and the
// PDF (images as QTextDocument resources). Internal to capeq_report; call on the QApplication's thread.

#include <QImage>

#include <functional>
#include <report/service_report.hpp>
#include <sstream>
#include <string>

namespace capeq::report {

/// Turns a rendered chart into the value of an <img src>: a data: URI, or a resource name.
using ImageSource = std::function<std::string(const std::string& name, const QImage& image)>;

/// The report's complete HTML document with charts rendered at chartSize pixels. Every user-supplied text is
/// escaped; no external references.
std::string buildReportHtml(const ServiceReportInput& input, const ImageSource& imageSource, QSize chartSize);

/// The "Findings and action plan" section: per characteristic the impact, evidence and mitigation, and the
/// actions with owner, due date and status (report_findings.cpp). All text is escaped.
void findingsSection(std::ostringstream& out, const ServiceReportInput& input);

/// Text escaped for HTML element content and attribute values (& < > " ').
std::string escapeHtml(const std::string& text);

} // namespace capeq::report
