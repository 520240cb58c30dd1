// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace capeq {

/// The newest `.capeq` envelope version this build writes; files with a higher version are refused.
inline constexpr int kAssessmentFileVersion = 1;
/// Larger files are refused before parsing (a hostile file cannot exhaust memory).
inline constexpr std::size_t kMaxAssessmentFileBytes = 512u * 1024u * 1024u;

/// Encodes an assessment as `.capeq` bytes: a short text envelope (format name, version, SHA-256 and size
/// of the content) followed by a class-versioned Boost.Serialization XML archive. Non-finite numbers are
/// written as absent.
std::string encodeAssessment(const Assessment& assessment);

/// Decodes `.capeq` bytes. fileName is used in messages only. Throws InputError with a clear message for
/// anything that is not a complete, intact assessment written by this or an earlier version (wrong type of
/// file, truncated, damaged, written by a newer CapEq, hostile sizes); never crashes or hangs.
Assessment decodeAssessment(std::string_view bytes, const std::string& fileName);

/// Saves atomically (temp file, fsync, rename): the file holds the old or the new assessment, never a mix.
void saveAssessment(const std::filesystem::path& path, const Assessment& assessment);

/// Opens a `.capeq` file; throws InputError as decodeAssessment does, or when the file cannot be read.
Assessment loadAssessment(const std::filesystem::path& path);

} // namespace capeq
