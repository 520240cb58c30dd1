// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace capeq {

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180); other text is unchanged.
std::string csvField(const std::string& text);

/// Writes one CSV record of fields, quoted as needed, terminated by "\n".
void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields);

} // namespace capeq
