// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>

#include <cstddef>
#include <iosfwd>
#include <vector>

namespace capeq::cli {

/// Prints diagnostics one per line (formatDiagnostic). Every error is printed; warnings of one kind (same
/// fix) beyond the first `warningsPerKind` are summarised in one line, so a published table with hundreds
/// of the same harmless quirk does not bury the errors.
void printDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics,
                      std::size_t warningsPerKind = 5);

} // namespace capeq::cli
