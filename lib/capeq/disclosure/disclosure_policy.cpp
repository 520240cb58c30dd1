// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>

#include <charconv>
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

DisclosurePolicy loadDisclosurePolicy(const std::filesystem::path& file) {
    DiagnosticList diagnostics;
    const IniDocument document = readIniFile(file, diagnostics);
    diagnostics.throwIfErrors();
    DisclosurePolicy policy;
    const IniSection* main = nullptr;
    for (const IniSection& section : document.sections) {
        if (section.type == "disclosure" && main == nullptr) {
            main = &section;
            continue;
        }
        diagnostics.error({document.file, section.line, 1, ""}, "unexpected section [" + section.type + "]",
                          "keep one [disclosure ID] section per file");
    }
    if (main == nullptr)
        diagnostics.error({document.file, 0, 0, ""}, "no [disclosure ID] section",
                          "start the file with a line such as [disclosure strict]");
    for (const IniEntry& entry : main ? main->entries : std::vector<IniEntry>{}) {
        const SourceLocation where{document.file, entry.line, entry.valueColumn, entry.key};
        if (entry.key == "secondary") {
            if (entry.value != "yes" && entry.value != "no")
                diagnostics.error(where, "'" + entry.value + "' is not yes or no", "write secondary = yes");
            policy.secondary = entry.value == "yes";
            continue;
        }
        double* target = entry.key == "minimum_base"       ? &policy.minimumBase
                         : entry.key == "small_count_low"  ? &policy.smallCountLow
                         : entry.key == "small_count_high" ? &policy.smallCountHigh
                                                           : nullptr;
        if (target == nullptr) {
            if (entry.key != "name" && entry.key != "description" && entry.key != "source")
                diagnostics.error({document.file, entry.line, entry.keyColumn, entry.key},
                                  "unknown key '" + entry.key + "'",
                                  "use minimum_base, small_count_low, small_count_high or secondary");
            continue;
        }
        double value = 0.0;
        const char* end = entry.value.data() + entry.value.size();
        const auto [ptr, error] = std::from_chars(entry.value.data(), end, value);
        if (error != std::errc() || ptr != end || value < 0.0)
            diagnostics.error(where, "'" + entry.value + "' is not a number >= 0",
                              "write a count such as 10");
        else
            *target = value;
    }
    if (policy.smallCountLow > policy.smallCountHigh)
        diagnostics.error({document.file, main ? main->line : 0, 0, ""},
                          "small_count_low is above small_count_high",
                          "give the small counts as low <= high");
    diagnostics.throwIfErrors();
    return policy;
}

} // namespace capeq
