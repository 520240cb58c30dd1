// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace capeq::compute {

/// What splitting one record from a buffer gave.
enum class SplitStatus {
    Complete,    ///< a record; recordEnd points at its '\n' (or the buffer end at the end of the data)
    Incomplete,  ///< the buffer ends inside the record: read more and try again
    Unterminated ///< the data ends inside a quoted field
};

/// Result of one split: the fields (views into the buffer or into scratch), how many there were, where
/// the record ended and how many line breaks it spans.
struct SplitRecord {
    SplitStatus status = SplitStatus::Complete;
    std::size_t fieldCount = 0; ///< may exceed fields.size(); the extra ones are not stored
    const char* recordEnd = nullptr;
    std::size_t newlines = 0;
};

/// Splits a record with no quote character between first and end (end is at its '\n' or the data end):
/// the hot path, one pass over the bytes. A trailing '\r' is dropped from the last field.
std::size_t splitPlainRecord(const char* first, const char* end,
                             std::vector<std::string_view>& fields) noexcept;

/// Reusable memory of splitQuotedRecord: unescaped field text and where each field lies.
struct SplitScratch {
    struct Piece {
        bool inText = false; ///< in text (unescaped) rather than in the buffer
        std::size_t offset = 0;
        std::size_t length = 0;
    };
    std::string text;
    std::vector<Piece> pieces;
};

/// RFC 4180 split of the record starting at first, looking no further than limit: quoted fields with
/// commas, doubled quotes and line breaks. Unescaped field text goes to scratch (reused, so no per-field
/// allocation once it has grown); views stay valid until the next call. atEnd: limit is the data's end.
SplitRecord splitQuotedRecord(const char* first, const char* limit, bool atEnd,
                              std::vector<std::string_view>& fields, SplitScratch& scratch);

} // namespace capeq::compute
