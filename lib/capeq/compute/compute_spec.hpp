// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/condition.hpp>
#include <capeq/core/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capeq::compute {

/// proportion: share of the population meeting a condition (output in percent, 0-100);
/// mean: weighted mean of a numeric column on its own scale.
enum class IndicatorKind { Proportion, Mean };

/// One indicator to estimate from the microdata.
struct IndicatorSpec {
    std::string id;     ///< output indicator_id (a catalogue id or a free id)
    std::string column; ///< the variable's column in the data
    IndicatorKind kind = IndicatorKind::Mean;
    std::optional<Condition> numerator; ///< proportions: which values count as "yes"
    std::optional<RowFilter> filter;    ///< denominator filter; rows failing it are outside the domain
    std::vector<std::string> missing;   ///< extra missing-value codes for this column
    std::size_t line = 0;               ///< the [indicator] header's line in the spec
};

/// A source value (or several) and the group code it becomes.
struct GroupMapping {
    std::string code;
    std::vector<std::string> sources;
};

/// A characteristic to break estimates down by. Without group lines every distinct non-missing value is
/// its own group; with them, values not listed are reported as unmapped and left out of its breakdown.
struct CharacteristicSpec {
    std::string id;
    std::string column;
    std::vector<GroupMapping> groups; ///< in output order; empty means "each value is a group"
    std::size_t line = 0;
};

/// Two characteristics crossed, written "a*b"; groups are "groupA*groupB".
struct IntersectionSpec {
    std::size_t first = 0; ///< index into ComputeSpec::characteristics
    std::size_t second = 0;
    std::size_t line = 0;
};

/// A parsed compute spec (format in docs/COMPUTE.md): what to estimate from one microdata file.
struct ComputeSpec {
    std::string file; ///< path as given, for diagnostics
    std::string weightColumn;
    std::size_t weightLine = 0;
    std::vector<std::string> missing; ///< missing-value codes for every column (an empty cell always is)
    std::string area;                 ///< labels written on every output row; may be empty
    std::string service;
    std::string period;
    std::vector<IndicatorSpec> indicators;
    std::vector<CharacteristicSpec> characteristics;
    std::vector<IntersectionSpec> intersections;

    /// "a*b" for an intersection.
    std::string intersectionId(const IntersectionSpec& intersection) const;
};

/// Parses spec text. Throws InputError listing every problem with file and line (unknown keys or
/// sections, missing weight/column/kind, malformed conditions, duplicate ids, unknown characteristics in
/// an intersection).
ComputeSpec parseComputeSpec(const std::string& text, const std::string& fileName);
/// Reads and parses a spec file; an unreadable file is an InputError too.
ComputeSpec readComputeSpec(const std::filesystem::path& path);

} // namespace capeq::compute
