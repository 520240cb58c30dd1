// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/paths.hpp>

#include <cstdlib>
#include <system_error>

namespace capeq {

namespace fs = std::filesystem;

fs::path dataDirectory() {
    if (const char* fromEnv = std::getenv("CAPEQ_DATA_DIR"); fromEnv != nullptr && *fromEnv != '\0')
        return fs::path(fromEnv);
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = executable.parent_path().parent_path() / "share" / "capeq";
        if (fs::is_directory(installed / "indicators", error))
            return installed;
    }
    if (fs::is_directory(fs::path(CAPEQ_INSTALL_DATA_DIR) / "indicators", error))
        return fs::path(CAPEQ_INSTALL_DATA_DIR);
    return fs::path(CAPEQ_SOURCE_DATA_DIR);
}

fs::path defaultCatalogueDirectory() { return dataDirectory() / "indicators"; }

} // namespace capeq
