// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/compute_spec.hpp>
#include <capeq/compute/domain_sums.hpp>
#include <capeq/core/diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace capeq::compute {

/// How to run the engine.
struct ComputeOptions {
    unsigned jobs = 0;                           ///< worker threads; 0 = one per core
    std::size_t blockBytes = 4U << 20;           ///< read size per worker
    std::size_t cellBudgetBytes = 128U << 20;    ///< per-worker cell table cap (reserved, touched as used)
    std::uint64_t minimumBytesPerJob = 4U << 20; ///< smaller files use fewer threads
    /// Called from the calling thread about ten times a second with bytes done and the file size.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

/// One group's sufficient statistics, one per spec indicator (n == 0 where the group had no values).
struct GroupSums {
    std::string group;
    std::vector<DomainSums> indicators;
};

/// One breakdown ("all", a characteristic, or "a*b") with its groups in output order: a characteristic's
/// declared group order, or sorted text for characteristics without group lines.
struct TableSums {
    std::string characteristic;
    std::vector<GroupSums> groups;
};

/// Everything the engine learnt from one file.
struct ComputeSums {
    std::uint64_t designRows = 0; ///< data rows in the file: the N of the design
    std::vector<TableSums> tables;
    std::vector<Diagnostic> warnings; ///< unmapped characteristic values, with count and first line
    unsigned jobsUsed = 1;
    bool reranSerially = false; ///< quoted line breaks made the parallel split unsafe
};

/// Streams a microdata CSV once and returns every indicator x table x group's sums; memory does not grow
/// with the number of rows. Throws InputError for a missing column (at the spec's line) or the first
/// unusable row (file, line, column and field); std::runtime_error for an unreadable file.
ComputeSums computeSums(const std::filesystem::path& data, const ComputeSpec& spec,
                        const ComputeOptions& options = {});

/// The warning for a value of characteristic number `characteristic` that no group maps, left out of that
/// breakdown in `rows` rows; one wording for the in-process engine and the SQL engines.
Diagnostic unmappedValueWarning(const ComputeSpec& spec, std::size_t characteristic, const std::string& value,
                                std::uint64_t rows, SourceLocation where);

} // namespace capeq::compute
