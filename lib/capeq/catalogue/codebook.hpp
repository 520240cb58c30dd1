// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/io/csv_writer.hpp>

#include <iosfwd>
#include <string>

namespace capeq {

/// Writes every indicator's metadata as a Markdown codebook: a heading per domain, a section per indicator
/// with every field, then the characteristics and their code lists. Deterministic for a given catalogue.
void writeCodebookMarkdown(std::ostream& out, const Catalogue& catalogue);

/// Writes one CSV row per indicator (RFC 4180 quoting, header row first) with every field; characteristics
/// are joined with ", " and references with "; ".
void writeCodebookCsv(std::ostream& out, const Catalogue& catalogue);

/// The goalposts / minimum standard / reference rule of an indicator as display text,
/// e.g. "70 to 90", "" (no standard), "named:white".
std::string goalpostsText(const Indicator& indicator);
std::string minimumStandardText(const Indicator& indicator);
std::string referenceText(const Indicator& indicator);

} // namespace capeq
