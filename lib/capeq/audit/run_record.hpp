// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/store/store.hpp>

#include <string>
#include <utility>
#include <vector>

namespace capeq::audit {

/// What run.json records about one audit run: enough to reproduce it. Times appear here and nowhere
/// else in the audit's output, so every other file is byte-identical for the same inputs.
struct AuditRunInfo {
    std::string status = "succeeded"; ///< "succeeded", "failed", "interrupted"
    std::string startedAt;            ///< ISO 8601 UTC
    std::string finishedAt;
    std::string inputKind; ///< "store", "manifest", "evidence_file", "assessment"
    std::vector<RunInput> inputs;
    std::string evidenceFingerprint;
    std::string profile;
    std::string weights;
    std::string rules;
    std::vector<std::pair<std::string, std::string>> options; ///< every option that affects results
    std::vector<std::pair<std::string, long long>> counts;    ///< units scored, failed, files written...
    int exitCode = 0;
    std::string message; ///< why the run did not succeed, when it did not
};

/// run.json (2-space indented JSON).
std::string runJson(const AuditRunInfo& run);

/// The options as one compact JSON object, for the store's runs table.
std::string optionsJson(const std::vector<std::pair<std::string, std::string>>& options);

} // namespace capeq::audit
