// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_policy.hpp>

#include <cmath>
#include <sstream>

namespace capeq {

namespace {
std::string number(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}
} // namespace

std::string DisclosurePolicy::describe() const {
    if (!enabled)
        return "disclosure control off (data must not leave the data owner)";
    return "primary: unweighted base < " + number(minimumBase) + " or count " + number(smallCountLow) + "-" +
           number(smallCountHigh) + "; secondary: " + (secondary ? "on (checked by linear algebra)" : "off");
}

std::string reasonCode(SuppressionReason reason) {
    switch (reason) {
    case SuppressionReason::Published:
        return "";
    case SuppressionReason::SmallBase:
        return "P-base";
    case SuppressionReason::SmallCount:
        return "P-count";
    case SuppressionReason::Secondary:
        return "S";
    case SuppressionReason::WholeTable:
        return "S-table";
    }
    return "S";
}

std::string reasonText(SuppressionReason reason) {
    switch (reason) {
    case SuppressionReason::Published:
        return "published";
    case SuppressionReason::SmallBase:
        return "suppressed: too few people in the group";
    case SuppressionReason::SmallCount:
        return "suppressed: a count of fewer than five people";
    case SuppressionReason::Secondary:
        return "suppressed so that another suppressed figure cannot be worked out";
    case SuppressionReason::WholeTable:
        return "table withheld: its small figures could otherwise be worked out";
    }
    return "suppressed";
}

SuppressionReason primarySuppression(const DisclosurePolicy& policy, std::optional<double> base,
                                     std::optional<double> count) {
    if (!policy.enabled)
        return SuppressionReason::Published;
    if (base && std::isfinite(*base) && *base < policy.minimumBase)
        return SuppressionReason::SmallBase;
    if (count && std::isfinite(*count) && *count >= policy.smallCountLow && *count <= policy.smallCountHigh)
        return SuppressionReason::SmallCount;
    return SuppressionReason::Published;
}

} // namespace capeq
