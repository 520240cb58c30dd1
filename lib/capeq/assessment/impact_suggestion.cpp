// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/impact_suggestion.hpp>

#include <algorithm>

namespace capeq {

namespace {

// The finding lists at most this many flags; the analysis view shows them all.
constexpr std::size_t kEvidenceLines = 6;

} // namespace

ImpactSuggestion suggestImpact(const ServiceScore& score, const CharacteristicId& characteristic) {
    ImpactSuggestion suggestion;
    std::vector<std::string> lines;
    for (const Flag& flag : score.flags) {
        if (flag.characteristic != characteristic)
            continue;
        if (flag.breach || flag.kind == FlagKind::SignificantWorseGap) {
            suggestion.impact = Impact::Negative;
            lines.push_back(flag.indicator.str() + ": " + flag.message);
        }
    }
    if (suggestion.impact != Impact::Negative) {
        const auto& assessed = score.coverage.characteristicsAssessed;
        suggestion.impact = std::find(assessed.begin(), assessed.end(), characteristic) != assessed.end()
                                ? Impact::Neutral
                                : Impact::Unknown;
        suggestion.evidence = suggestion.impact == Impact::Neutral
                                  ? "No significant gap or breach for this characteristic in the evidence."
                                  : "No usable evidence for this characteristic.";
        return suggestion;
    }
    for (std::size_t i = 0; i < lines.size() && i < kEvidenceLines; ++i)
        suggestion.evidence += (i ? "\n" : "") + lines[i];
    if (lines.size() > kEvidenceLines)
        suggestion.evidence += "\n... and " + std::to_string(lines.size() - kEvidenceLines) + " more flags";
    return suggestion;
}

std::vector<std::string> findingCharacteristics(const Assessment& assessment, const ServiceScore& score) {
    if (!assessment.scope.characteristics.empty())
        return assessment.scope.characteristics;
    std::vector<std::string> ids;
    for (const CharacteristicId& id : score.coverage.characteristicsAssessed)
        ids.push_back(id.str());
    return ids;
}

std::vector<Finding> findingsWithSuggestions(const Assessment& assessment, const ServiceScore& score) {
    std::vector<Finding> findings;
    for (const std::string& id : findingCharacteristics(assessment, score)) {
        const auto existing = std::find_if(assessment.findings.begin(), assessment.findings.end(),
                                           [&id](const Finding& f) { return f.characteristic == id; });
        Finding finding = existing != assessment.findings.end() ? *existing : Finding{};
        finding.characteristic = id;
        const ImpactSuggestion suggestion = suggestImpact(score, CharacteristicId{id});
        finding.suggestedImpact = suggestion.impact;
        if (!finding.confirmed) {
            finding.impact = suggestion.impact;
            finding.evidence = suggestion.evidence;
        }
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace capeq
