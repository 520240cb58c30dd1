// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace capeq {

/// Where in a user's input something was found. line and column are 1-based; 0 means "not applicable"
/// (a whole-file problem has line 0). field is the column header or key name, empty when unknown.
struct SourceLocation {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string field;
};

enum class Severity { Error, Warning, Note };

/// One problem in a user's input: where it is, what is wrong, and how to fix it.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message; ///< what is wrong, one sentence, no trailing full stop
    std::string hint;    ///< how to fix it, one sentence; may be empty
};

/// Formats a diagnostic as `file:line:column: error: message [field] (fix: hint)`; the single format used
/// by the CLI, the GUI and the tests' exact-message assertions.
std::string formatDiagnostic(const Diagnostic& diagnostic);

/// Thrown when input cannot be used. Carries every problem found, not only the first.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    explicit InputError(Diagnostic diagnostic);
    const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

/// Collects diagnostics while a reader or validator keeps going, so a user sees every problem at once.
class DiagnosticList {
public:
    void add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }
    void error(SourceLocation where, std::string message, std::string hint = {});
    void warning(SourceLocation where, std::string message, std::string hint = {});
    bool hasErrors() const noexcept;
    std::size_t errorCount() const noexcept;
    const std::vector<Diagnostic>& items() const noexcept { return m_items; }
    /// Throws InputError with every collected diagnostic when any is an error.
    void throwIfErrors() const;
    void append(const DiagnosticList& other);

private:
    std::vector<Diagnostic> m_items;
};

} // namespace capeq
