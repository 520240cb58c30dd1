// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/core/diagnostic.hpp>

#include <string>
#include <vector>

// The pieces loadCatalogue() is built from, one per kind of file. Each reports every problem it finds
// to diagnostics and returns what it could read, so validation sees all problems in one pass.
namespace capeq {

/// The contents of framework.ini: the framework's name, its domains and its dimensions in display order.
struct FrameworkPart {
    std::string name;
    std::vector<Domain> domains;
    std::vector<Dimension> dimensions;
};

/// Reads [framework], [domain id] and [dimension id] sections; sorts domains and dimensions by `order`.
FrameworkPart readFramework(const IniDocument& document, DiagnosticList& diagnostics);

/// Reads [characteristic id] sections with their `group = code | label` lists.
std::vector<Characteristic> readCharacteristics(const IniDocument& document, DiagnosticList& diagnostics);

/// Reads [rollup id] sections; checks that every code of the detailed characteristic maps to exactly one
/// code of the target characteristic.
std::vector<Rollup> readRollups(const IniDocument& document,
                                const std::vector<Characteristic>& characteristics,
                                DiagnosticList& diagnostics);

/// Reads the [indicator id] sections of one indicator file and checks them against the framework and the
/// characteristics (ids across files are checked by the caller).
std::vector<Indicator> readIndicators(const IniDocument& document, const FrameworkPart& framework,
                                      const std::vector<Characteristic>& characteristics,
                                      DiagnosticList& diagnostics);

/// True for lower_snake_case identifiers: a letter, then letters, digits or '_'.
bool isSnakeCaseId(const std::string& id);

/// Reports every section whose type is not one of allowedTypes (hint says where such sections belong).
void checkSectionTypes(const IniDocument& document, const std::vector<std::string>& allowedTypes,
                       DiagnosticList& diagnostics);

} // namespace capeq
