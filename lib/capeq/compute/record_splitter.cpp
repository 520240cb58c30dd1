// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/record_splitter.hpp>

#include <bit>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace capeq::compute {

namespace {

std::string_view withoutCarriageReturn(const char* first, const char* end) noexcept {
    if (end != first && end[-1] == '\r')
        --end;
    return {first, static_cast<std::size_t>(end - first)};
}

} // namespace

std::size_t splitPlainRecord(const char* first, const char* end,
                             std::vector<std::string_view>& fields) noexcept {
    const std::size_t capacity = fields.size();
    std::size_t count = 0;
    const char* fieldStart = first;
    const char* p = first;
#if defined(__SSE2__)
    // Sixteen bytes per step: a compare and a bit mask find every comma, so the loop runs per field rather
    // than per byte (x86-64 always has SSE2; other targets take the plain loop below).
    const __m128i comma = _mm_set1_epi8(',');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, comma)));
        while (mask != 0) {
            const char* at = p + std::countr_zero(mask);
            if (count < capacity)
                fields[count] = {fieldStart, static_cast<std::size_t>(at - fieldStart)};
            ++count;
            fieldStart = at + 1;
            mask &= mask - 1;
        }
    }
#endif
    for (; p != end; ++p) {
        if (*p == ',') {
            if (count < capacity)
                fields[count] = {fieldStart, static_cast<std::size_t>(p - fieldStart)};
            ++count;
            fieldStart = p + 1;
        }
    }
    if (count < capacity)
        fields[count] = withoutCarriageReturn(fieldStart, end);
    return count + 1;
}

SplitRecord splitQuotedRecord(const char* first, const char* limit, bool atEnd,
                              std::vector<std::string_view>& fields, SplitScratch& memory) {
    // Fields are recorded as pieces and turned into views at the end, because the unescaped text may
    // reallocate while the record is being read.
    std::string& scratch = memory.text;
    std::vector<SplitScratch::Piece>& pieces = memory.pieces;
    pieces.clear();
    scratch.clear();
    SplitRecord result;
    const char* p = first;
    while (true) {
        if (p != limit && *p == '"') {
            ++p;
            const std::size_t begin = scratch.size();
            while (true) {
                if (p == limit) {
                    result.status = atEnd ? SplitStatus::Unterminated : SplitStatus::Incomplete;
                    return result;
                }
                if (*p == '"') {
                    if (p + 1 == limit && !atEnd) {
                        result.status = SplitStatus::Incomplete;
                        return result;
                    }
                    if (p + 1 != limit && p[1] == '"') {
                        scratch += '"';
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
                if (*p == '\n')
                    ++result.newlines;
                scratch += *p;
                ++p;
            }
            // Text between the closing quote and the separator is kept, as most readers do.
            while (p != limit && *p != ',' && *p != '\n') {
                if (*p != '\r')
                    scratch += *p;
                ++p;
            }
            pieces.push_back({true, begin, scratch.size() - begin});
        } else {
            const char* fieldStart = p;
            while (p != limit && *p != ',' && *p != '\n')
                ++p;
            const std::string_view text = p != limit && *p == '\n'
                                              ? withoutCarriageReturn(fieldStart, p)
                                              : std::string_view(fieldStart, p - fieldStart);
            pieces.push_back({false, static_cast<std::size_t>(text.data() - first), text.size()});
        }
        if (p == limit && !atEnd) {
            result.status = SplitStatus::Incomplete;
            return result;
        }
        if (p != limit && *p == ',') {
            ++p;
            continue;
        }
        break;
    }
    if (p != limit) // at the record's '\n'
        ++result.newlines;
    result.recordEnd = p;
    result.fieldCount = pieces.size();
    for (std::size_t i = 0; i < pieces.size() && i < fields.size(); ++i) {
        const SplitScratch::Piece& piece = pieces[i];
        fields[i] = piece.inText ? std::string_view(scratch).substr(piece.offset, piece.length)
                                 : std::string_view(first + piece.offset, piece.length);
    }
    return result;
}

} // namespace capeq::compute
