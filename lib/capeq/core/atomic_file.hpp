// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string_view>

namespace capeq {

/// Replaces path with bytes so that, whatever happens (crash, kill, full disk), the file holds either its
/// old complete content or the new: writes a temp file in the same directory, fsyncs it, renames it over
/// path and fsyncs the directory. An existing file's permissions are kept; a new file is owner-only.
/// Throws std::runtime_error naming the file and the system error.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace capeq
