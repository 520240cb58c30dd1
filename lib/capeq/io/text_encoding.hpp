// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace capeq {

/// The character encodings CapEq reads. Everything is converted to UTF-8 on the way in.
enum class TextEncoding { Utf8, Windows1252 };

/// "utf-8" or "windows-1252", the names used in options and outputs.
std::string_view toString(TextEncoding encoding);

/// Accepts "utf-8", "utf8", "windows-1252", "cp1252" (any case); std::nullopt for anything else.
std::optional<TextEncoding> parseTextEncoding(std::string_view name);

/// Length (1..4) of the well-formed UTF-8 sequence starting at bytes[0], 0 when it is malformed, and -1
/// when bytes ends before the sequence does (more input is needed to decide).
int utf8SequenceLength(std::string_view bytes) noexcept;

/// Appends the UTF-8 form of one Windows-1252 byte to out (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, which
/// Windows-1252 leaves undefined, become the C1 control of the same number, as Windows itself does).
void appendWindows1252AsUtf8(unsigned char byte, std::string& out);

} // namespace capeq
