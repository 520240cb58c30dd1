// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/paths.hpp>

#include <cli/evidence_arguments.hpp>

namespace capeq::cli {

std::filesystem::path EvidenceFileArguments::catalogue() const {
    return catalogueDirectory.empty() ? defaultCatalogueDirectory()
                                      : std::filesystem::path(catalogueDirectory);
}

ReadOptions EvidenceFileArguments::readOptions() const {
    ReadOptions read;
    read.encoding = encoding;
    if (!format.empty())
        read.format = format;
    read.ignoreColumns = ignoreColumns;
    read.mappingDirectory =
        mappingDirectory.empty() ? catalogue() / "mappings" : std::filesystem::path(mappingDirectory);
    return read;
}

} // namespace capeq::cli
