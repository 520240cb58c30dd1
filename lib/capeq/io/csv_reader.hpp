// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>
#include <capeq/io/text_encoding.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capeq {

/// The default limit on one record: far above any real evidence row, far below what could exhaust memory.
inline constexpr std::size_t kDefaultMaxCsvRecordBytes = std::size_t{4} << 20;

/// How CsvReader treats its input.
struct CsvOptions {
    /// std::nullopt detects: UTF-8 unless the first non-ASCII bytes are not valid UTF-8, then Windows-1252.
    std::optional<TextEncoding> encoding;
    char delimiter = ',';
    std::size_t chunkBytes = std::size_t{1} << 16; ///< bytes read at a time; memory stays near this size
    std::size_t maxDiagnostics = 200;              ///< problems kept in full; further ones are only counted
    /// A record (raw bytes, line end included) longer than this is reported and skipped without being
    /// held in memory, so a hostile or broken file (a 100 MB field, an unclosed quote) cannot exhaust it.
    std::size_t maxRecordBytes = kDefaultMaxCsvRecordBytes;
};

/// A streaming RFC 4180 reader. Reads the input in chunks, so memory depends on the longest record, not on
/// the file. Handles quoted fields, doubled quotes, newlines inside quotes, a UTF-8 byte order mark,
/// CRLF/LF/CR line ends and Windows-1252 input (converted to UTF-8). Wholly empty lines are skipped.
/// Syntax problems (stray quote, text after a closing quote, unclosed quote, invalid UTF-8) do not stop
/// reading: the reader recovers, marks the record, and records a Diagnostic with line and column. A record
/// longer than CsvOptions::maxRecordBytes is skipped (never returned) with a Diagnostic at its first line.
class CsvReader {
public:
    /// Opens file; throws InputError (whole-file diagnostic) when it cannot be read.
    explicit CsvReader(const std::filesystem::path& file, CsvOptions options = {});
    /// Reads from a stream the caller keeps alive; displayName is used in diagnostics.
    CsvReader(std::istream& input, std::string displayName, CsvOptions options = {});

    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// Advances to the next record; false at the end of the input. Throws InputError on a read failure.
    bool next();

    /// The current record's fields, as UTF-8 views valid until the next call to next().
    const std::vector<std::string_view>& fields() const noexcept { return m_fields; }
    std::size_t size() const noexcept { return m_fields.size(); }
    std::string_view operator[](std::size_t index) const { return m_fields[index]; }
    /// Physical line (1-based) where the current record starts; quoted newlines are counted.
    std::size_t line() const noexcept { return m_recordLine; }
    /// 1-based number of the current record (the header is record 1).
    std::size_t recordNumber() const noexcept { return m_recordNumber; }
    /// True when a syntax problem was found in the current record.
    bool recordHasErrors() const noexcept { return m_recordHasErrors; }

    /// Records a ragged-row error unless the current record has expected fields; returns whether it had.
    bool checkFieldCount(std::size_t expected);
    /// Records a diagnostic about the current record (kept, like syntax errors, up to maxDiagnostics).
    void report(Diagnostic diagnostic);

    /// Every problem recorded so far (the first maxDiagnostics of them).
    const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }
    /// How many errors were found, including those beyond maxDiagnostics.
    std::size_t errorCount() const noexcept { return m_errorCount; }
    /// Whether there were more problems than were kept.
    std::size_t droppedDiagnostics() const noexcept { return m_dropped; }

    /// The encoding in use (final once a non-ASCII byte was seen; UTF-8 for pure ASCII input).
    TextEncoding encoding() const noexcept { return m_encoding; }
    const std::string& fileName() const noexcept { return m_name; }

private:
    enum class Parse { Record, Overlong, NeedMore, End };
    Parse parseRecord();
    void skipOverlongRecord();
    Diagnostic overlongRecord(std::size_t line) const;
    bool fill();
    bool appendCharacter(std::size_t& pos, std::size_t line, std::size_t column, bool& needMore);
    void addProblem(std::vector<Diagnostic>& pending, std::size_t line, std::size_t column,
                    std::string message, std::string hint) const;

    std::ifstream m_file;
    std::istream* m_input = nullptr;
    std::string m_name;
    CsvOptions m_options;
    TextEncoding m_encoding = TextEncoding::Utf8;
    bool m_encodingDecided = false;

    std::string m_raw; // undecoded bytes; m_raw[m_pos..] is not yet parsed
    std::size_t m_pos = 0;
    bool m_eof = false;
    bool m_atStart = true;  // a byte order mark may still follow
    std::size_t m_line = 1; // physical line at m_pos

    std::string m_text; // decoded, unescaped text of the current record
    std::vector<std::pair<std::size_t, std::size_t>> m_bounds;
    std::vector<std::string_view> m_fields;
    std::vector<Diagnostic> m_pending;
    std::size_t m_recordLine = 0;
    std::size_t m_recordNumber = 0;
    bool m_recordHasErrors = false;

    std::vector<Diagnostic> m_diagnostics;
    std::size_t m_errorCount = 0;
    std::size_t m_dropped = 0;
};

} // namespace capeq
