// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/compute/row_accumulator.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace capeq::compute {

/// A byte range of the data file starting at a record boundary.
struct ByteRange {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

/// A problem found in a range, located by line within the range (1 = the range's first line).
struct RangeProblem {
    std::uint64_t localLine = 0;
    RowProblem row;
};

/// What one scan found.
struct RangeOutcome {
    std::uint64_t lines = 0;             ///< line breaks in the range (physical lines, quoted ones included)
    bool sawQuote = false;               ///< some record used quotes
    bool endedInQuote = false;           ///< the range ended inside a quoted field: its split point was wrong
    bool stopped = false;                ///< stopped early on request
    std::optional<RangeProblem> problem; ///< the first unusable row; scanning stops there
};

/// Reads a range of an open file in large blocks with pread (no mapping, so resident memory stays the
/// block size), splits records and feeds them to the accumulator. Blank lines are skipped; a record with
/// the wrong number of fields is a problem. shouldStop is polled once per block.
RangeOutcome scanRange(int fd, ByteRange range, std::size_t blockBytes, RowAccumulator& accumulator,
                       const std::function<bool()>& shouldStop, std::atomic<std::uint64_t>& bytesDone);

/// Reads the header record at the start of the file (an optional UTF-8 BOM skipped). Returns the column
/// names, sets dataStart to the first byte after it and lines to the line breaks it spans (1 normally).
/// Throws std::runtime_error for an empty file or a header that never ends.
std::vector<std::string> readHeader(int fd, std::uint64_t fileSize, std::uint64_t& dataStart,
                                    std::uint64_t& lines);

/// The first record boundary at or after offset (one past a '\n'), or fileSize.
std::uint64_t nextRecordStart(int fd, std::uint64_t offset, std::uint64_t fileSize);

} // namespace capeq::compute
