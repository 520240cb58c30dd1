// SPDX-License-Identifier: Apache-2.0
#include "fuzz_targets.hpp"

#include <capeq/assessment/assessment_file.hpp>
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/core/sha256.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/io/csv_reader.hpp>

#if __has_include(<capeq/compute/compute_spec.hpp>)
#include <capeq/compute/compute_spec.hpp>
#define CAPEQ_FUZZ_COMPUTE_SPEC 1
#endif

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace capeq::fuzz {

namespace {

namespace fs = std::filesystem;

// A private scratch directory per process (fuzzers may run in parallel), removed at exit.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "capeq-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot create a scratch directory");
        m_path = pattern;
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const noexcept { return m_path; }

private:
    fs::path m_path;
};

const ScratchDir& scratch() {
    static const ScratchDir dir;
    return dir;
}

void writeBytes(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

fs::path sourceDir() {
    return CAPEQ_SOURCE_DIR;
}

// The shipped catalogue: the one every real evidence file is read against.
const Catalogue& shippedCatalogue() {
    static const Catalogue catalogue = loadCatalogue(sourceDir() / "indicators");
    return catalogue;
}

// Everything the reader saw, in a form two readings can be compared by.
std::string csvTranscript(std::string_view bytes, const CsvOptions& options) {
    std::istringstream in{std::string(bytes)};
    CsvReader reader(in, "fuzz.csv", options);
    std::string transcript;
    while (reader.next()) {
        transcript += std::to_string(reader.line()) + ':' + std::to_string(reader.recordHasErrors());
        for (std::string_view field : reader.fields()) {
            transcript += '|';
            transcript += field;
        }
        transcript += '\n';
    }
    for (const Diagnostic& diagnostic : reader.diagnostics())
        transcript += formatDiagnostic(diagnostic) + '\n';
    transcript += std::to_string(reader.errorCount()) + ' ' + std::string(toString(reader.encoding()));
    return transcript;
}

// The first byte picks the delimiter, the encoding and the chunk size; the same input read in tiny
// chunks and in one large chunk must give the same records and problems (refill boundaries are where a
// streaming reader goes wrong).
void runCsv(std::string_view bytes) {
    if (bytes.empty())
        return;
    const auto control = static_cast<unsigned char>(bytes.front());
    bytes.remove_prefix(1);
    CsvOptions options;
    constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};
    options.delimiter = kDelimiters[control % 3];
    switch ((control / 3) % 3) {
    case 1:
        options.encoding = TextEncoding::Utf8;
        break;
    case 2:
        options.encoding = TextEncoding::Windows1252;
        break;
    default:
        break;
    }
    options.maxRecordBytes = 512; // small, so the overlong-record path is reached
    options.maxDiagnostics = 50;
    CsvOptions small = options;
    small.chunkBytes = 1 + (control / 9) % 7;
    try {
        const std::string whole = csvTranscript(bytes, options);
        const std::string chunked = csvTranscript(bytes, small);
        if (whole != chunked) {
            std::fprintf(stderr, "chunk size %zu changes the result:\n--- whole\n%s\n--- chunked\n%s\n",
                         small.chunkBytes, whole.c_str(), chunked.c_str());
            std::abort();
        }
    } catch (const InputError&) {
    }
}

void runEvidence(std::string_view bytes, const char* format) {
    const fs::path file = scratch().path() / "evidence.csv";
    writeBytes(file, bytes);
    ReadOptions options;
    options.format = format;
    options.mappingDirectory = sourceDir() / "indicators" / "mappings";
    try {
        const EvidenceSet set = readEvidenceFile(file, shippedCatalogue(), options);
        (void)validateEvidence(set, shippedCatalogue());
    } catch (const InputError&) {
    }
}

void runIni(std::string_view bytes) {
    DiagnosticList diagnostics;
    (void)parseIni(std::string(bytes), "fuzz.ini", diagnostics);
}

// The first byte picks which file of the minimal catalogue the rest of the input replaces.
void runCatalogue(std::string_view bytes) {
    if (bytes.empty())
        return;
    constexpr std::array<const char*, 4> kFiles = {"framework.ini", "characteristics.ini", "health.ini",
                                                   "rollups.ini"};
    const char* target = kFiles[static_cast<unsigned char>(bytes.front()) % kFiles.size()];
    bytes.remove_prefix(1);
    const fs::path dir = scratch().path() / "catalogue";
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    fs::create_directories(dir);
    for (const char* name : kFiles)
        fs::copy_file(sourceDir() / "tests" / "data" / "catalogue" / "minimal" / name, dir / name);
    writeBytes(dir / target, bytes);
    (void)validateCatalogueDirectory(dir);
    try {
        (void)loadCatalogue(dir);
    } catch (const InputError&) {
    }
}

// An input starting with 'C' is a whole file; any other first byte means "the rest is the XML content":
// the harness seals it with a matching checksum and size, as a hostile author would, so mutations reach
// the archive parser instead of stopping at the checksum.
void runAssessment(std::string_view bytes) {
    std::string file;
    if (!bytes.empty() && bytes.front() != 'C') {
        const std::string_view content = bytes.substr(1);
        file = "CAPEQ-ASSESSMENT 1\nsha256 " + sha256Hex(content) + "\nbytes " +
               std::to_string(content.size()) + "\n";
        file += content;
        bytes = file;
    }
    try {
        const Assessment assessment = decodeAssessment(bytes, "fuzz.capeq");
        // Whatever opens must save and reopen unchanged.
        if (!(decodeAssessment(encodeAssessment(assessment), "again.capeq") == assessment)) {
            std::fprintf(stderr, "an opened assessment does not survive a save and reopen\n");
            std::abort();
        }
    } catch (const InputError&) {
    }
}

#ifdef CAPEQ_FUZZ_COMPUTE_SPEC
void runComputeSpec(std::string_view bytes) {
    try {
        (void)compute::parseComputeSpec(std::string(bytes), "fuzz.spec");
    } catch (const InputError&) {
    }
}
#endif

} // namespace

const std::vector<FuzzTarget>& fuzzTargets() {
    static const std::vector<FuzzTarget> targets = {
        {"csv", runCsv},
        {"evidence_long", [](std::string_view bytes) { runEvidence(bytes, "capeq-long"); }},
        {"evidence_heat", [](std::string_view bytes) { runEvidence(bytes, "heat-plus"); }},
        {"evidence_fingertips", [](std::string_view bytes) { runEvidence(bytes, "fingertips"); }},
        {"evidence_eff", [](std::string_view bytes) { runEvidence(bytes, "ethnicity-facts"); }},
        {"ini", runIni},
        {"catalogue", runCatalogue},
        {"assessment", runAssessment},
#ifdef CAPEQ_FUZZ_COMPUTE_SPEC
        {"compute_spec", runComputeSpec},
#endif
    };
    return targets;
}

const FuzzTarget* findFuzzTarget(std::string_view name) {
    for (const FuzzTarget& target : fuzzTargets())
        if (target.name == name)
            return &target;
    return nullptr;
}

} // namespace capeq::fuzz
