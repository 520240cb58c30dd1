// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/csv_reader.hpp>

#include <algorithm>
#include <cstdio>

namespace capeq {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

const char* const kStrayQuoteHint =
    "enclose the whole field in double quotes and write each quote inside it twice (\"\")";
const char* const kAfterQuoteHint =
    "enclose the whole field in double quotes, and write a quote that is part of the text twice (\"\")";

std::string hexByte(unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
    return text;
}

} // namespace

CsvReader::CsvReader(const std::filesystem::path& file, CsvOptions options)
    : m_name(file.string())
    , m_options(options) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw InputError(Diagnostic{Severity::Error,
                                    {m_name, 0, 0, {}},
                                    "this is a directory, not a file",
                                    "give the path of a CSV file"});
    m_file.open(file, std::ios::binary);
    if (!m_file)
        throw InputError(Diagnostic{Severity::Error,
                                    {m_name, 0, 0, {}},
                                    "cannot open the file",
                                    "check the path and that you may read the file"});
    m_input = &m_file;
    if (m_options.encoding) {
        m_encoding = *m_options.encoding;
        m_encodingDecided = true;
    }
}

CsvReader::CsvReader(std::istream& input, std::string displayName, CsvOptions options)
    : m_input(&input)
    , m_name(std::move(displayName))
    , m_options(options) {
    if (m_options.encoding) {
        m_encoding = *m_options.encoding;
        m_encodingDecided = true;
    }
}

bool CsvReader::fill() {
    if (m_pos > 0) {
        m_raw.erase(0, m_pos);
        m_pos = 0;
    }
    if (m_eof)
        return false;
    // Reading at least as much as is buffered keeps re-parsing of a very long record linear overall.
    const std::size_t want = std::max(m_options.chunkBytes, m_raw.size());
    const std::size_t old = m_raw.size();
    m_raw.resize(old + want);
    m_input->read(m_raw.data() + old, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(m_input->gcount());
    m_raw.resize(old + got);
    if (got < want) {
        if (m_input->bad())
            throw InputError(Diagnostic{Severity::Error,
                                        {m_name, m_line, 0, {}},
                                        "reading the file failed",
                                        "check that the file is complete and readable"});
        m_eof = true;
    }
    return got > 0;
}

void CsvReader::addProblem(std::vector<Diagnostic>& pending, std::size_t line, std::size_t column,
                           std::string message, std::string hint) const {
    pending.push_back({Severity::Error, {m_name, line, column, {}}, std::move(message), std::move(hint)});
}

bool CsvReader::appendCharacter(std::size_t& pos, std::size_t line, std::size_t column, bool& needMore) {
    const auto byte = static_cast<unsigned char>(m_raw[pos]);
    if (byte < 0x80) {
        m_text.push_back(static_cast<char>(byte));
        ++pos;
        return true;
    }
    if (m_encodingDecided && m_encoding == TextEncoding::Windows1252) {
        appendWindows1252AsUtf8(byte, m_text);
        ++pos;
        return true;
    }
    int length = utf8SequenceLength(std::string_view(m_raw).substr(pos));
    if (length < 0) {
        if (!m_eof) {
            needMore = true;
            return false;
        }
        length = 0; // cut off by the end of the file
    }
    if (!m_encodingDecided) {
        // The first non-ASCII byte decides: before it, both encodings read the same.
        m_encodingDecided = true;
        m_encoding = length > 0 ? TextEncoding::Utf8 : TextEncoding::Windows1252;
        if (m_encoding == TextEncoding::Windows1252) {
            appendWindows1252AsUtf8(byte, m_text);
            ++pos;
            return true;
        }
    }
    if (length == 0) {
        addProblem(m_pending, line, column, "text is not valid UTF-8 (byte " + hexByte(byte) + ")",
                   "save the file as UTF-8, or read it as Windows-1252 (--encoding windows-1252)");
        m_text.append(kReplacement);
        ++pos;
        return true;
    }
    m_text.append(m_raw, pos, static_cast<std::size_t>(length));
    pos += static_cast<std::size_t>(length);
    return true;
}

CsvReader::Parse CsvReader::parseRecord() {
    const std::size_t end = m_raw.size();
    if (m_atStart) {
        if (end - m_pos < kBom.size() && !m_eof)
            return Parse::NeedMore;
        if (std::string_view(m_raw).substr(m_pos, kBom.size()) == kBom) {
            m_pos += kBom.size();
            if (!m_encodingDecided) {
                m_encodingDecided = true;
                m_encoding = TextEncoding::Utf8;
            }
        }
        m_atStart = false;
    }
    // Skip wholly empty lines, committing progress so a refill does not count them twice.
    while (m_pos < end && (m_raw[m_pos] == '\n' || m_raw[m_pos] == '\r')) {
        if (m_raw[m_pos] == '\r') {
            if (m_pos + 1 >= end && !m_eof)
                return Parse::NeedMore;
            m_pos += (m_pos + 1 < end && m_raw[m_pos + 1] == '\n') ? 2 : 1;
        } else {
            ++m_pos;
        }
        ++m_line;
    }
    if (m_pos >= end)
        return m_eof ? Parse::End : Parse::NeedMore;

    m_text.clear();
    m_bounds.clear();
    m_pending.clear();
    std::size_t pos = m_pos;
    std::size_t line = m_line;
    std::size_t column = 1;
    const char delimiter = m_options.delimiter;
    for (;;) {
        const std::size_t begin = m_text.size();
        bool strayReported = false;
        if (pos < end && m_raw[pos] == '"') {
            const std::size_t openLine = line;
            const std::size_t openColumn = column;
            ++pos;
            ++column;
            for (;;) {
                if (pos >= end) {
                    if (!m_eof)
                        return Parse::NeedMore;
                    addProblem(m_pending, openLine, openColumn, "quoted field is never closed",
                               "add the closing double quote at the end of the field");
                    break;
                }
                const char c = m_raw[pos];
                if (c == '"') {
                    if (pos + 1 >= end && !m_eof)
                        return Parse::NeedMore;
                    ++pos;
                    ++column;
                    if (pos < end && m_raw[pos] == '"') {
                        m_text.push_back('"');
                        ++pos;
                        ++column;
                        continue;
                    }
                    break;
                }
                if (c == '\r' || c == '\n') {
                    if (c == '\r' && pos + 1 >= end && !m_eof)
                        return Parse::NeedMore;
                    const bool crlf = c == '\r' && pos + 1 < end && m_raw[pos + 1] == '\n';
                    m_text.append(m_raw, pos, crlf ? 2 : 1);
                    pos += crlf ? 2 : 1;
                    ++line;
                    column = 1;
                    continue;
                }
                bool needMore = false;
                if (!appendCharacter(pos, line, column, needMore))
                    return Parse::NeedMore;
                ++column;
            }
            if (pos < end && m_raw[pos] != delimiter && m_raw[pos] != '\r' && m_raw[pos] != '\n') {
                addProblem(m_pending, line, column, "text after the closing quote of a quoted field",
                           kAfterQuoteHint);
                strayReported = true;
            }
        }
        // Unquoted text (or the rest of a malformed quoted field, kept rather than lost).
        for (;;) {
            if (pos >= end) {
                if (!m_eof)
                    return Parse::NeedMore;
                break;
            }
            const char c = m_raw[pos];
            if (c == delimiter || c == '\r' || c == '\n')
                break;
            if (c == '"' && !strayReported) {
                addProblem(m_pending, line, column, "stray quote in an unquoted field", kStrayQuoteHint);
                strayReported = true;
            }
            if (static_cast<unsigned char>(c) < 0x80) {
                m_text.push_back(c);
                ++pos;
            } else {
                bool needMore = false;
                if (!appendCharacter(pos, line, column, needMore))
                    return Parse::NeedMore;
            }
            ++column;
        }
        m_bounds.emplace_back(begin, m_text.size());
        if (pos >= end)
            break;
        if (m_raw[pos] == delimiter) {
            ++pos;
            ++column;
            continue;
        }
        if (m_raw[pos] == '\r') {
            if (pos + 1 >= end && !m_eof)
                return Parse::NeedMore;
            pos += (pos + 1 < end && m_raw[pos + 1] == '\n') ? 2 : 1;
        } else {
            ++pos;
        }
        ++line;
        break;
    }
    m_recordLine = m_line;
    // The limit holds whether or not the whole record happened to fit in the buffer, so the outcome
    // never depends on chunk boundaries.
    const bool overlong = pos - m_pos > m_options.maxRecordBytes;
    m_pos = pos;
    m_line = line;
    m_fields.clear();
    if (overlong) {
        m_pending.assign(1, overlongRecord(m_recordLine));
        m_text.clear();
        return Parse::Overlong;
    }
    for (const auto& [first, last] : m_bounds)
        m_fields.emplace_back(m_text.data() + first, last - first);
    return Parse::Record;
}

bool CsvReader::next() {
    // An overlong record is skipped, possibly before all of it was decoded, so it must not decide the
    // encoding either way: what it saw is forgotten.
    const bool encodingDecided = m_encodingDecided;
    const TextEncoding encoding = m_encoding;
    for (;;) {
        const Parse result = parseRecord();
        if (result == Parse::End) {
            m_fields.clear();
            return false;
        }
        if (result == Parse::Record)
            break;
        if (result == Parse::Overlong) {
            m_encodingDecided = encodingDecided;
            m_encoding = encoding;
            ++m_recordNumber;
            report(std::move(m_pending.front()));
            m_pending.clear();
            continue;
        }
        // Everything from m_pos belongs to the unfinished record, so this test is exact.
        if (m_raw.size() - m_pos > m_options.maxRecordBytes) {
            m_recordLine = m_line;
            m_encodingDecided = encodingDecided;
            m_encoding = encoding;
            skipOverlongRecord();
            ++m_recordNumber;
            report(overlongRecord(m_recordLine));
            continue;
        }
        fill();
    }
    ++m_recordNumber;
    m_recordHasErrors = !m_pending.empty();
    for (Diagnostic& diagnostic : m_pending)
        report(std::move(diagnostic));
    m_pending.clear();
    return true;
}

Diagnostic CsvReader::overlongRecord(std::size_t line) const {
    return {Severity::Error,
            {m_name, line, 0, {}},
            "row is longer than " + std::to_string(m_options.maxRecordBytes) +
                " bytes, the most CapEq reads in one row; it was skipped",
            "check that this is a CSV file and that every quoted field is closed (an unclosed quote runs on "
            "to the end of the file); shorten very long text"};
}

// Finds the end of the record starting at m_pos with the same quoting rules as parseRecord, keeping only
// the current chunk in memory, and leaves m_pos and m_line after it.
void CsvReader::skipOverlongRecord() {
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen };
    State state = State::FieldStart;
    const char delimiter = m_options.delimiter;
    for (;;) {
        if (m_pos >= m_raw.size() && !fill())
            return;
        const char c = m_raw[m_pos++];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && m_pos >= m_raw.size())
                fill();
            if (c == '\r' && m_pos < m_raw.size() && m_raw[m_pos] == '\n')
                ++m_pos;
            ++m_line;
            if (state != State::Quoted)
                return;
            continue;
        }
        if (state == State::Quoted) {
            if (c == '"')
                state = State::QuoteSeen;
            continue;
        }
        if (state == State::QuoteSeen && c == '"')
            state = State::Quoted;
        else if (c == delimiter)
            state = State::FieldStart;
        else if (state == State::FieldStart && c == '"')
            state = State::Quoted;
        else
            state = State::Unquoted;
    }
}

bool CsvReader::checkFieldCount(std::size_t expected) {
    if (m_fields.size() == expected)
        return true;
    report({Severity::Error,
            {m_name, m_recordLine, 0, {}},
            "row has " + std::to_string(m_fields.size()) + " fields but the header has " +
                std::to_string(expected),
            "a comma is missing or extra; enclose any field that contains a comma in double quotes"});
    return false;
}

void CsvReader::report(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::Error)
        ++m_errorCount;
    if (m_diagnostics.size() < m_options.maxDiagnostics)
        m_diagnostics.push_back(std::move(diagnostic));
    else
        ++m_dropped;
}

} // namespace capeq
