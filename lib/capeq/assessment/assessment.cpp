// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace capeq {

namespace {

template <typename Enum, std::size_t N>
std::string nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names)
        if (candidate == value)
            return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& names,
                            const std::string& text) {
    for (const auto& [candidate, name] : names)
        if (text == name)
            return candidate;
    return std::nullopt;
}

constexpr std::array<std::pair<AssessmentStatus, const char*>, 4> kStatusNames{{
    {AssessmentStatus::Draft, "draft"},
    {AssessmentStatus::InReview, "in_review"},
    {AssessmentStatus::Approved, "approved"},
    {AssessmentStatus::Published, "published"},
}};
constexpr std::array<std::pair<Impact, const char*>, 4> kImpactNames{{
    {Impact::Positive, "positive"},
    {Impact::Neutral, "neutral"},
    {Impact::Negative, "negative"},
    {Impact::Unknown, "unknown"},
}};
constexpr std::array<std::pair<ActionStatus, const char*>, 4> kActionNames{{
    {ActionStatus::Planned, "planned"},
    {ActionStatus::InProgress, "in_progress"},
    {ActionStatus::Done, "done"},
    {ActionStatus::Cancelled, "cancelled"},
}};

bool sameLocation(const SourceLocation& a, const SourceLocation& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column && a.field == b.field;
}

} // namespace

std::string toString(AssessmentStatus status) {
    return nameOf(kStatusNames, status);
}
std::string toString(Impact impact) {
    return nameOf(kImpactNames, impact);
}
std::string toString(ActionStatus status) {
    return nameOf(kActionNames, status);
}
std::optional<AssessmentStatus> parseAssessmentStatus(const std::string& text) {
    return valueOf(kStatusNames, text);
}
std::optional<Impact> parseImpact(const std::string& text) {
    return valueOf(kImpactNames, text);
}
std::optional<ActionStatus> parseActionStatus(const std::string& text) {
    return valueOf(kActionNames, text);
}

bool sameEvidence(const EvidenceRow& a, const EvidenceRow& b) {
    return a.indicator == b.indicator && a.area == b.area && a.service == b.service && a.period == b.period &&
           a.characteristic == b.characteristic && a.group == b.group && a.value == b.value &&
           a.standardError == b.standardError && a.lowerCi == b.lowerCi && a.upperCi == b.upperCi &&
           a.lowerCi998 == b.lowerCi998 && a.upperCi998 == b.upperCi998 && a.numerator == b.numerator &&
           a.denominator == b.denominator && a.populationShare == b.populationShare &&
           a.population == b.population && a.sampleSize == b.sampleSize &&
           a.subgroupOrder == b.subgroupOrder && a.isReference == b.isReference && a.note == b.note &&
           sameLocation(a.location, b.location);
}

bool operator==(const Assessment& a, const Assessment& b) {
    return a.metadata == b.metadata && a.scope == b.scope && a.findings == b.findings &&
           a.mitigations == b.mitigations && a.actions == b.actions && a.weights == b.weights &&
           a.notes == b.notes && a.evidence.size() == b.evidence.size() &&
           std::equal(a.evidence.begin(), a.evidence.end(), b.evidence.begin(), sameEvidence);
}

} // namespace capeq
