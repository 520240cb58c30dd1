// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/run_record.hpp>

#include <nlohmann/json.hpp>

namespace capeq::audit {

namespace {

using Json = nlohmann::ordered_json;

Json optionsObject(const std::vector<std::pair<std::string, std::string>>& options) {
    Json out = Json::object();
    for (const auto& [key, value] : options)
        out[key] = value;
    return out;
}

} // namespace

std::string optionsJson(const std::vector<std::pair<std::string, std::string>>& options) {
    return optionsObject(options).dump();
}

std::string runJson(const AuditRunInfo& run) {
    Json document;
    document["command"] = "audit";
    document["status"] = run.status;
    document["exit_code"] = run.exitCode;
    if (!run.message.empty())
        document["message"] = run.message;
    document["started"] = run.startedAt;
    document["finished"] = run.finishedAt;
    document["capeq_version"] = CAPEQ_VERSION;
    document["method_version"] = CAPEQ_METHOD_VERSION;
    document["input_kind"] = run.inputKind;
    Json inputs = Json::array();
    for (const RunInput& input : run.inputs)
        inputs.push_back({{"role", input.role}, {"name", input.name}, {"sha256", input.sha256}});
    document["inputs"] = inputs;
    document["evidence_sha256"] = run.evidenceFingerprint;
    document["profile"] = run.profile;
    document["weights"] = run.weights;
    document["rules"] = run.rules;
    document["options"] = optionsObject(run.options);
    Json counts = Json::object();
    for (const auto& [key, n] : run.counts)
        counts[key] = n;
    document["counts"] = counts;
    return document.dump(2) + "\n";
}

} // namespace capeq::audit
