// SPDX-License-Identifier: Apache-2.0
#include <cli/diagnostics_output.hpp>
#include <map>
#include <ostream>
#include <string>

namespace capeq::cli {

void printDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics,
                      std::size_t warningsPerKind) {
    // A warning's kind is its fix (hints are fixed text per check), else its message.
    std::map<std::string, std::size_t> seen;
    std::map<std::string, const Diagnostic*> example;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            err << formatDiagnostic(diagnostic) << '\n';
            continue;
        }
        const std::string kind = diagnostic.hint.empty() ? diagnostic.message : diagnostic.hint;
        if (++seen[kind] <= warningsPerKind)
            err << formatDiagnostic(diagnostic) << '\n';
        else
            example.emplace(kind, &diagnostic);
    }
    for (const auto& [kind, diagnostic] : example) {
        const std::size_t more = seen[kind] - warningsPerKind;
        err << diagnostic->where.file << ": note: " << more << " more warning" << (more == 1 ? "" : "s")
            << " of this kind not shown (fix: " << kind << ")\n";
    }
}

} // namespace capeq::cli
