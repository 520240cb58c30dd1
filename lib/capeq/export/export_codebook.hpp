// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>
#include <capeq/export/export_provenance.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace capeq {

/// The catalogue cut down to the indicators that occur in rows (same domains, dimensions and
/// characteristics, indicators in catalogue order), so a data set's codebook documents exactly its data.
Catalogue catalogueForRows(const Catalogue& catalogue, const std::vector<EvidenceRow>& rows);

/// Writes the Markdown codebook of the catalogue (writeCodebookMarkdown) after a header stating the
/// method version, CapEq version, disclosure rule, confidence level and inputs of the export.
void writeExportCodebookMarkdown(std::ostream& out, const Catalogue& catalogue,
                                 const ExportProvenance& provenance);

/// The header row of writeCodebookCsv, split into column names (for the sidecar schema).
std::vector<std::string> codebookCsvColumns(const Catalogue& catalogue);

} // namespace capeq
