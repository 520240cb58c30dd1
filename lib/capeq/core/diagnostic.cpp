// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>

#include <algorithm>

namespace capeq {

namespace {
const char* severityName(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

std::string summarise(const std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty())
        return "invalid input";
    std::string text = formatDiagnostic(diagnostics.front());
    if (diagnostics.size() > 1)
        text += " (and " + std::to_string(diagnostics.size() - 1) + " more)";
    return text;
}
} // namespace

std::string formatDiagnostic(const Diagnostic& diagnostic) {
    std::string text;
    const SourceLocation& where = diagnostic.where;
    if (!where.file.empty()) {
        text += where.file;
        if (where.line > 0) {
            text += ':' + std::to_string(where.line);
            if (where.column > 0)
                text += ':' + std::to_string(where.column);
        }
        text += ": ";
    }
    text += severityName(diagnostic.severity);
    text += ": ";
    text += diagnostic.message;
    if (!where.field.empty())
        text += " [" + where.field + "]";
    if (!diagnostic.hint.empty())
        text += " (fix: " + diagnostic.hint + ")";
    return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics))
    , m_diagnostics(std::move(diagnostics)) {}

InputError::InputError(Diagnostic diagnostic)
    : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

void DiagnosticList::error(SourceLocation where, std::string message, std::string hint) {
    m_items.push_back({Severity::Error, std::move(where), std::move(message), std::move(hint)});
}

void DiagnosticList::warning(SourceLocation where, std::string message, std::string hint) {
    m_items.push_back({Severity::Warning, std::move(where), std::move(message), std::move(hint)});
}

bool DiagnosticList::hasErrors() const noexcept { return errorCount() > 0; }

std::size_t DiagnosticList::errorCount() const noexcept {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

void DiagnosticList::throwIfErrors() const {
    if (hasErrors())
        throw InputError(m_items);
}

void DiagnosticList::append(const DiagnosticList& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

} // namespace capeq
