// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace capeq {

/// Statistical disclosure control rules (SPEC section 5). On by default; every output states describe().
struct DisclosurePolicy {
    bool enabled = true;
    double minimumBase = 10.0;  ///< suppress a cell whose unweighted base is below this
    double smallCountLow = 1.0; ///< suppress a count in [smallCountLow, smallCountHigh]; true zeros stay
    double smallCountHigh = 4.0;
    bool secondary = true; ///< hide further cells so no suppressed one can be recovered by subtraction

    /// One line for reports and file headers, e.g. "primary: base < 10 or count 1-4; secondary: on".
    std::string describe() const;
};

/// Loads `[disclosure ID]` with minimum_base, small_count_low, small_count_high and secondary (yes/no) from
/// an INI file (indicators/disclosure/*.ini); missing keys keep the defaults. A policy file cannot switch
/// control off. Throws InputError listing every problem with file and line.
DisclosurePolicy loadDisclosurePolicy(const std::filesystem::path& file);

/// Why a cell is not published. Stable codes appear in exports: "" (published), "P-base", "P-count",
/// "S" (secondary) and "S-table" (whole table withheld).
enum class SuppressionReason { Published, SmallBase, SmallCount, Secondary, WholeTable };

/// The stable reason code written in outputs ("" for a published cell).
std::string reasonCode(SuppressionReason reason);
/// Plain words for reports and tooltips.
std::string reasonText(SuppressionReason reason);

/// Primary rule for one cell: its unweighted base (sample size or denominator) and count (numerator),
/// either possibly unknown. A cell with neither is published (nothing to judge it by).
SuppressionReason primarySuppression(const DisclosurePolicy& policy, std::optional<double> base,
                                     std::optional<double> count);

} // namespace capeq
