// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/core/diagnostic.hpp>

#include <filesystem>

namespace capeq {

/// Loads and validates the framework (domains, dimensions), characteristics with their code lists and
/// roll-ups, and every indicator file in directory. Throws InputError listing every problem found, each
/// with file and line (unknown domain, duplicate id, lo >= hi, missing polarity, ...).
Catalogue loadCatalogue(const std::filesystem::path& directory);

/// Reads what it can and reports every diagnostic (errors and warnings) to diagnostics instead of
/// throwing; the catalogue returned is only trustworthy when diagnostics has no errors.
Catalogue readCatalogue(const std::filesystem::path& directory, DiagnosticList& diagnostics);

/// Like loadCatalogue but never throws for content problems: returns every diagnostic (errors and
/// warnings) so `capeq catalogue validate` can print them all.
DiagnosticList validateCatalogueDirectory(const std::filesystem::path& directory);

} // namespace capeq
