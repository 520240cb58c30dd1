// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/evidence/evidence.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capeq {

enum class AssessmentStatus { Draft, InReview, Approved, Published };
/// The impact of the service on people with a characteristic, as the officer judges it.
enum class Impact { Positive, Neutral, Negative, Unknown };
enum class ActionStatus { Planned, InProgress, Done, Cancelled };

/// Stable text forms used in files, exports and the GUI ("draft", "negative", "in_progress", ...).
std::string toString(AssessmentStatus status);
std::string toString(Impact impact);
std::string toString(ActionStatus status);
std::optional<AssessmentStatus> parseAssessmentStatus(const std::string& text);
std::optional<Impact> parseImpact(const std::string& text);
std::optional<ActionStatus> parseActionStatus(const std::string& text);

/// Who assessed which service, when, and why.
struct AssessmentMetadata {
    std::string title;
    std::string organisation;
    std::string service; ///< service id as in the evidence (e.g. "adult_social_care")
    std::string area;    ///< area code
    std::string period;  ///< e.g. "2024/25"
    std::string author;
    std::string purpose; ///< the policy or service change being assessed
    AssessmentStatus status = AssessmentStatus::Draft;
    std::string created;  ///< ISO 8601 date-time
    std::string modified; ///< ISO 8601 date-time

    bool operator==(const AssessmentMetadata&) const = default;
};

/// What the assessment covers.
struct AssessmentScope {
    std::vector<std::string> characteristics; ///< characteristic ids in scope
    std::vector<std::string> indicators;      ///< indicator ids chosen; empty = all with evidence
    std::vector<std::string> comparePeriods;  ///< earlier periods to compare with

    bool operator==(const AssessmentScope&) const = default;
};

/// The finding for one characteristic: suggested from significant gaps, confirmed or changed by the officer.
struct Finding {
    std::string characteristic;
    Impact suggestedImpact = Impact::Unknown;
    Impact impact = Impact::Unknown;
    bool confirmed = false;
    std::string evidence;  ///< which figures support it
    std::string narrative; ///< the officer's reasoning in their own words

    bool operator==(const Finding&) const = default;
};

/// A step to remove or reduce a negative impact.
struct Mitigation {
    std::string characteristic;
    std::string description;

    bool operator==(const Mitigation&) const = default;
};

/// A dated, owned action of the action plan.
struct Action {
    std::string title;
    std::string characteristic;
    std::string owner;
    std::string dueDate; ///< ISO 8601 date
    ActionStatus status = ActionStatus::Planned;
    std::string notes;

    bool operator==(const Action&) const = default;
};

/// Relative weights of domains and dimensions (missing ids weigh 1).
struct WeightProfile {
    std::string name = "equal";
    std::map<std::string, double> domainWeights;
    std::map<std::string, double> dimensionWeights;

    bool operator==(const WeightProfile&) const = default;
};

/// An equality impact assessment of one service: the content of a `.capeq` file (SPEC section 6).
struct Assessment {
    AssessmentMetadata metadata;
    AssessmentScope scope;
    std::vector<EvidenceRow> evidence;
    std::vector<Finding> findings;
    std::vector<Mitigation> mitigations;
    std::vector<Action> actions;
    WeightProfile weights;
    std::string notes;
};

/// Field-by-field equality of evidence rows, source location included.
bool sameEvidence(const EvidenceRow& a, const EvidenceRow& b);
bool operator==(const Assessment&, const Assessment&);

} // namespace capeq
