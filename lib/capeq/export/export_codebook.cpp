// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/codebook.hpp>
#include <capeq/export/export_codebook.hpp>

#include <ostream>
#include <set>
#include <sstream>

namespace capeq {

Catalogue catalogueForRows(const Catalogue& catalogue, const std::vector<EvidenceRow>& rows) {
    std::set<std::string> used;
    for (const EvidenceRow& row : rows)
        used.insert(row.indicator.str());
    std::vector<Indicator> indicators;
    for (const Indicator& indicator : catalogue.indicators())
        if (used.count(indicator.id.str()) != 0)
            indicators.push_back(indicator);
    return Catalogue(catalogue.frameworkName(), catalogue.domains(), catalogue.dimensions(),
                     catalogue.characteristics(), catalogue.rollups(), std::move(indicators));
}

void writeExportCodebookMarkdown(std::ostream& out, const Catalogue& catalogue,
                                 const ExportProvenance& provenance) {
    // A blockquote rather than YAML front matter: it renders as text everywhere and still reads as a header.
    out << "> **CapEq export codebook** — method version " << provenance.methodVersion << ", CapEq "
        << provenance.capeqVersion << ", exported " << provenance.exportedAt << ".\n>\n"
        << "> Disclosure rule: " << provenance.disclosureRule << ". Suppressed cells are empty with a reason "
        << "code, never 0.\n>\n"
        << "> Confidence intervals at " << provenance.ciLevel * 100.0 << "%; " << provenance.reliabilityRule
        << ".\n>\n";
    if (provenance.inputs.empty()) {
        out << "> Indicators: the whole catalogue (" << catalogue.indicators().size() << ").\n\n";
    } else {
        out << "> Indicators: the " << catalogue.indicators().size() << " in ";
        for (std::size_t i = 0; i < provenance.inputs.size(); ++i)
            out << (i == 0 ? "" : ", ") << "`" << provenance.inputs[i].name << "` (sha256 "
                << provenance.inputs[i].sha256 << ")";
        out << ".\n\n";
    }
    writeCodebookMarkdown(out, catalogue);
}

std::vector<std::string> codebookCsvColumns(const Catalogue& catalogue) {
    std::ostringstream text;
    writeCodebookCsv(text, catalogue);
    const std::string all = text.str();
    const std::string header = all.substr(0, all.find('\n'));
    std::vector<std::string> columns;
    std::istringstream in(header);
    std::string column;
    while (std::getline(in, column, ','))
        columns.push_back(column);
    return columns;
}

} // namespace capeq
