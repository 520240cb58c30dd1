// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>

namespace capeq {

/// The directory holding `indicators/` and `datasets/`: $CAPEQ_DATA_DIR if set, else the installed
/// share/capeq beside the running executable, else the source tree this build came from.
std::filesystem::path dataDirectory();

/// The shipped indicator catalogue directory (dataDirectory()/indicators).
std::filesystem::path defaultCatalogueDirectory();

} // namespace capeq
