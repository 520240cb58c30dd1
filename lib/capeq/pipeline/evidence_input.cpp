// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment_file.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/pipeline/evidence_input.hpp>
#include <capeq/store/store.hpp>

#include <algorithm>
#include <fstream>
#include <set>

namespace capeq {

namespace fs = std::filesystem;

InputKind detectInputKind(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path))
        throw InputError(Diagnostic{Severity::Error,
                                    {path.string(), 0, 0, ""},
                                    "cannot open the input file",
                                    "check the file name and permissions"});
    std::string head(16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head == std::string("SQLite format 3\0", 16))
        return InputKind::Store;
    if (head.rfind("CAPEQ-ASSESSMENT", 0) == 0)
        return InputKind::Assessment;
    return InputKind::EvidenceFile;
}

EvidenceInput loadEvidenceInput(const fs::path& path, const Catalogue& catalogue,
                                const ReadOptions& readOptions) {
    EvidenceInput input;
    input.kind = detectInputKind(path);
    input.path = path;
    input.sha256 = sha256FileHex(path);
    switch (input.kind) {
    case InputKind::Store: {
        Store store = Store::open(path);
        input.rows = store.loadEvidence();
        break;
    }
    case InputKind::Assessment:
        input.assessment = loadAssessment(path);
        input.rows = input.assessment->evidence;
        break;
    case InputKind::EvidenceFile: {
        EvidenceSet evidence = readEvidenceFile(path, catalogue, readOptions);
        validateEvidence(evidence, catalogue).throwIfErrors();
        dropRepeatedRows(evidence);
        input.rows = std::move(evidence.rows);
        input.unmapped = std::move(evidence.unmapped);
        break;
    }
    }
    return input;
}

std::vector<ServiceId> servicesIn(const std::vector<EvidenceRow>& rows) {
    std::set<ServiceId> services;
    for (const EvidenceRow& row : rows)
        services.insert(row.service);
    return {services.begin(), services.end()};
}

std::vector<AreaCode> areasOf(const std::vector<EvidenceRow>& rows, const ServiceId& service) {
    std::set<AreaCode> areas;
    for (const EvidenceRow& row : rows)
        if (row.service == service)
            areas.insert(row.area);
    return {areas.begin(), areas.end()};
}

std::vector<std::string> periodsOf(const std::vector<EvidenceRow>& rows, const ServiceId& service) {
    std::set<std::string> periods;
    for (const EvidenceRow& row : rows)
        if (row.service == service)
            periods.insert(row.period);
    return {periods.begin(), periods.end()};
}

} // namespace capeq
