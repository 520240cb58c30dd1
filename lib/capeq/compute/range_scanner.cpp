// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/range_scanner.hpp>
#include <capeq/compute/record_splitter.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace capeq::compute {

namespace {

std::size_t readAt(int fd, char* into, std::size_t bytes, std::uint64_t offset) {
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t got = ::pread(fd, into + done, bytes - done, static_cast<off_t>(offset + done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw std::system_error(errno, std::generic_category(), "cannot read the data file");
        }
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    return done;
}

bool isBlank(const char* first, const char* end) noexcept {
    return first == end || (end - first == 1 && *first == '\r');
}

class Scanner {
public:
    Scanner(RowAccumulator& accumulator, std::size_t columns)
        : m_accumulator(accumulator)
        , m_fields(columns) {}

    // Handles one complete record; false when it is unusable (outcome.problem is set).
    bool record(std::size_t fieldCount, std::uint64_t line, RangeOutcome& outcome) {
        if (fieldCount != m_fields.size()) {
            outcome.problem = RangeProblem{
                line,
                RowProblem{std::min(fieldCount, m_fields.size()) + 1, "",
                           "the row has " + std::to_string(fieldCount) + " fields, the header has " +
                               std::to_string(m_fields.size()),
                           "give every row one field per header column (quote fields that contain commas)"}};
            return false;
        }
        if (!m_accumulator.addRow(m_fields.data(), line, m_problem)) {
            outcome.problem = RangeProblem{line, m_problem};
            return false;
        }
        return true;
    }

    std::vector<std::string_view>& fields() { return m_fields; }
    SplitScratch& scratch() { return m_scratch; }

private:
    RowAccumulator& m_accumulator;
    std::vector<std::string_view> m_fields;
    SplitScratch m_scratch;
    RowProblem m_problem;
};

} // namespace

RangeOutcome scanRange(int fd, ByteRange range, std::size_t blockBytes, RowAccumulator& accumulator,
                       const std::function<bool()>& shouldStop, std::atomic<std::uint64_t>& bytesDone) {
    RangeOutcome outcome;
    Scanner scanner(accumulator, accumulator.columnCount());
    std::vector<char> buffer(std::max<std::size_t>(blockBytes, 4096));
    std::uint64_t position = range.begin;
    std::size_t have = 0;
    std::uint64_t line = 1;
    while (true) {
        const std::size_t want =
            static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size() - have, range.end - position));
        const std::size_t got = readAt(fd, buffer.data() + have, want, position);
        position += got;
        have += got;
        const bool atEnd = position >= range.end || got < want;
        const char* const base = buffer.data();
        const char* const limit = base + have;
        const bool hasQuote = std::memchr(base, '"', have) != nullptr;
        outcome.sawQuote = outcome.sawQuote || hasQuote;
        const char* p = base;
        while (p != limit) {
            const char* newline =
                static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(limit - p)));
            if (newline == nullptr && !atEnd)
                break;
            std::size_t fieldCount = 0;
            const char* recordEnd = newline != nullptr ? newline : limit;
            std::size_t newlines = newline != nullptr ? 1 : 0;
            if (isBlank(p, recordEnd)) {
                fieldCount = 0; // blank lines are skipped
            } else if (!hasQuote || std::memchr(p, '"', static_cast<std::size_t>(recordEnd - p)) == nullptr) {
                fieldCount = splitPlainRecord(p, recordEnd, scanner.fields());
            } else {
                const SplitRecord split =
                    splitQuotedRecord(p, limit, atEnd, scanner.fields(), scanner.scratch());
                if (split.status == SplitStatus::Incomplete)
                    break;
                if (split.status == SplitStatus::Unterminated) {
                    outcome.endedInQuote = true;
                    outcome.problem =
                        RangeProblem{line, RowProblem{0, "", "a quoted field is never closed",
                                                      "close the quote with '\"' (write a "
                                                      "quote inside a quoted field as '\"\"')"}};
                    return outcome;
                }
                recordEnd = split.recordEnd;
                newlines = split.newlines;
                fieldCount = split.fieldCount;
            }
            if (fieldCount != 0 && !scanner.record(fieldCount, line, outcome)) {
                outcome.lines += line - 1;
                return outcome;
            }
            line += newlines;
            p = recordEnd == limit ? limit : recordEnd + 1;
        }
        const std::size_t consumed = static_cast<std::size_t>(p - base);
        bytesDone.fetch_add(consumed, std::memory_order_relaxed);
        if (atEnd && p == limit)
            break;
        std::memmove(buffer.data(), buffer.data() + consumed, have - consumed);
        have -= consumed;
        if (have == buffer.size()) // one record longer than a block: make room for it
            buffer.resize(buffer.size() * 2);
        if (shouldStop()) {
            outcome.stopped = true;
            break;
        }
    }
    outcome.lines = line - 1;
    return outcome;
}

std::vector<std::string> readHeader(int fd, std::uint64_t fileSize, std::uint64_t& dataStart,
                                    std::uint64_t& lines) {
    std::vector<char> buffer(std::min<std::uint64_t>(fileSize, 1 << 16));
    while (true) {
        const std::size_t got = readAt(fd, buffer.data(), buffer.size(), 0);
        const bool atEnd = got >= fileSize;
        const std::size_t skip = got >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        std::vector<std::string_view> fields(4096);
        SplitScratch scratch;
        const SplitRecord split =
            splitQuotedRecord(buffer.data() + skip, buffer.data() + got, atEnd, fields, scratch);
        if (split.status == SplitStatus::Complete) {
            if (split.fieldCount > fields.size())
                throw std::runtime_error("the header has more than 4096 columns");
            std::vector<std::string> header;
            for (std::size_t i = 0; i < split.fieldCount; ++i)
                header.emplace_back(fields[i]);
            dataStart =
                static_cast<std::uint64_t>(split.recordEnd - buffer.data()) + (split.newlines > 0 ? 1 : 0);
            lines = split.newlines;
            if (header.size() == 1 && header.front().empty())
                throw std::runtime_error("the data file has no header row");
            return header;
        }
        if (atEnd)
            throw std::runtime_error("the header row never ends (an unclosed quote?)");
        buffer.resize(std::min<std::uint64_t>(fileSize, buffer.size() * 4));
    }
}

std::uint64_t nextRecordStart(int fd, std::uint64_t offset, std::uint64_t fileSize) {
    std::vector<char> buffer(1 << 16);
    while (offset < fileSize) {
        const std::size_t got = readAt(fd, buffer.data(), buffer.size(), offset);
        if (got == 0)
            break;
        const void* newline = std::memchr(buffer.data(), '\n', got);
        if (newline != nullptr)
            return offset + static_cast<std::uint64_t>(static_cast<const char*>(newline) - buffer.data()) + 1;
        offset += got;
    }
    return fileSize;
}

} // namespace capeq::compute
