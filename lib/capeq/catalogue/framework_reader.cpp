// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_parts.hpp>
#include <capeq/catalogue/field_reader.hpp>

#include <algorithm>
#include <map>

namespace capeq {

namespace {

std::string homeOf(const std::string& type) {
    if (type == "framework" || type == "domain" || type == "dimension")
        return "framework.ini";
    if (type == "characteristic")
        return "characteristics.ini";
    if (type == "rollup")
        return "rollups.ini";
    if (type == "indicator")
        return "an indicator file such as health.ini";
    return "";
}

bool isGroupCode(const std::string& code) {
    if (code.empty())
        return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
    });
}

// Checks the section's id and that it is not a duplicate; returns false when it must be skipped.
bool checkId(const IniSection& section, const std::string& file, std::map<std::string, std::size_t>& seen,
             DiagnosticList& diagnostics) {
    const SourceLocation where{file, section.line, section.nameColumn, ""};
    if (section.name.empty() || !isSnakeCaseId(section.name)) {
        diagnostics.error(
            where, "[" + section.type + "] needs a lower_snake_case id, e.g. [" + section.type + " my_id]",
            "write the header as [" + section.type + " id] using a-z, 0-9 and '_'");
        return false;
    }
    const auto [it, inserted] = seen.emplace(section.name, section.line);
    if (!inserted) {
        diagnostics.error(where,
                          "duplicate " + section.type + " id '" + section.name + "' (first defined at line " +
                              std::to_string(it->second) + ")",
                          "give each " + section.type + " a unique id");
        return false;
    }
    return true;
}

int readOrder(FieldReader& fields, int fallback) {
    if (const IniEntry* entry = fields.find("order"))
        if (const auto value = fields.number(*entry))
            return static_cast<int>(*value);
    return fallback;
}

} // namespace

bool isSnakeCaseId(const std::string& id) {
    if (id.empty() || id[0] < 'a' || id[0] > 'z')
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void checkSectionTypes(const IniDocument& document, const std::vector<std::string>& allowedTypes,
                       DiagnosticList& diagnostics) {
    for (const IniSection& section : document.sections) {
        if (std::find(allowedTypes.begin(), allowedTypes.end(), section.type) != allowedTypes.end())
            continue;
        const std::string home = homeOf(section.type);
        diagnostics.error({document.file, section.line, 2, ""},
                          "section type [" + section.type + "] does not belong in this file",
                          home.empty() ? suggestion(section.type, allowedTypes) : "move it to " + home);
    }
}

FrameworkPart readFramework(const IniDocument& document, DiagnosticList& diagnostics) {
    checkSectionTypes(document, {"framework", "domain", "dimension"}, diagnostics);
    FrameworkPart part;
    std::map<std::string, std::size_t> seenDomains;
    std::map<std::string, std::size_t> seenDimensions;
    bool haveFramework = false;
    for (const IniSection& section : document.sections) {
        if (section.type == "framework") {
            FieldReader fields(section, document.file, {"id", "name", "description"}, {}, diagnostics);
            if (haveFramework)
                fields.error(fields.header(), "framework.ini has more than one [framework] section",
                             "keep a single [framework] section");
            haveFramework = true;
            if (const IniEntry* name = fields.require("name", "add 'name = <framework name>'"))
                part.name = name->value;
        } else if (section.type == "domain") {
            FieldReader fields(section, document.file, {"name", "capability", "order"}, {}, diagnostics);
            if (!checkId(section, document.file, seenDomains, diagnostics))
                continue;
            Domain domain;
            domain.id = DomainId(section.name);
            domain.definedAt = fields.header();
            if (const IniEntry* e = fields.require("name", "add 'name = <name as displayed>'"))
                domain.name = e->value;
            if (const IniEntry* e = fields.require("capability", "add 'capability = <the freedom to ...>'"))
                domain.capability = e->value;
            domain.order = readOrder(fields, static_cast<int>(part.domains.size()) + 1);
            part.domains.push_back(std::move(domain));
        } else if (section.type == "dimension") {
            FieldReader fields(section, document.file, {"name", "description", "order"}, {}, diagnostics);
            if (!checkId(section, document.file, seenDimensions, diagnostics))
                continue;
            Dimension dimension;
            dimension.id = DimensionId(section.name);
            dimension.definedAt = fields.header();
            if (const IniEntry* e = fields.require("name", "add 'name = <name as displayed>'"))
                dimension.name = e->value;
            if (const IniEntry* e = fields.require("description", "add 'description = <what it measures>'"))
                dimension.description = e->value;
            dimension.order = readOrder(fields, static_cast<int>(part.dimensions.size()) + 1);
            part.dimensions.push_back(std::move(dimension));
        }
    }
    if (!haveFramework)
        diagnostics.error({document.file, 0, 0, ""}, "no [framework] section",
                          "add a [framework] section with 'name = ...'");
    if (part.domains.empty())
        diagnostics.error({document.file, 0, 0, ""}, "no [domain] sections", "add at least one [domain id]");
    if (part.dimensions.empty())
        diagnostics.error({document.file, 0, 0, ""}, "no [dimension] sections",
                          "add at least one [dimension id]");
    std::stable_sort(part.domains.begin(), part.domains.end(),
                     [](const Domain& a, const Domain& b) { return a.order < b.order; });
    std::stable_sort(part.dimensions.begin(), part.dimensions.end(),
                     [](const Dimension& a, const Dimension& b) { return a.order < b.order; });
    return part;
}

std::vector<Characteristic> readCharacteristics(const IniDocument& document, DiagnosticList& diagnostics) {
    checkSectionTypes(document, {"characteristic"}, diagnostics);
    std::vector<Characteristic> result;
    std::map<std::string, std::size_t> seen;
    for (const IniSection& section : document.sections) {
        if (section.type != "characteristic")
            continue;
        FieldReader fields(section, document.file,
                           {"name", "description", "ordered", "open_code_list", "code_list_version", "group"},
                           {"group"}, diagnostics);
        if (!checkId(section, document.file, seen, diagnostics))
            continue;
        Characteristic characteristic;
        characteristic.id = CharacteristicId(section.name);
        characteristic.definedAt = fields.header();
        if (const IniEntry* e = fields.require("name", "add 'name = <name as displayed>'"))
            characteristic.name = e->value;
        if (const IniEntry* e = fields.find("description"))
            characteristic.description = e->value;
        if (const IniEntry* e = fields.find("ordered"))
            characteristic.ordered = fields.boolean(*e).value_or(false);
        if (const IniEntry* e = fields.find("open_code_list"))
            characteristic.openCodeList = fields.boolean(*e).value_or(false);
        if (const IniEntry* e =
                fields.require("code_list_version", "add 'code_list_version = <source and year>'"))
            characteristic.codeListVersion = e->value;
        std::map<std::string, std::size_t> seenCodes;
        for (const IniEntry* entry : fields.findAll("group")) {
            const std::size_t bar = entry->value.find('|');
            const auto parts = splitList(entry->value, '|');
            const std::string& code = parts[0].first;
            if (bar == std::string::npos || parts.size() != 2 || !isGroupCode(code) ||
                parts[1].first.empty()) {
                fields.error(fields.at(*entry), "group '" + entry->value + "' is not 'code | label'",
                             "write e.g. 'group = female | Female' with a code of a-z, 0-9, '_', '-', '+'");
                continue;
            }
            const auto [it, inserted] = seenCodes.emplace(code, entry->line);
            if (!inserted) {
                fields.error(fields.at(*entry),
                             "duplicate group code '" + code + "' in characteristic '" + section.name +
                                 "' (first at line " + std::to_string(it->second) + ")",
                             "give each group of a characteristic a unique code");
                continue;
            }
            const int order = static_cast<int>(characteristic.groups.size()) + 1;
            characteristic.groups.push_back({GroupCode(code), parts[1].first, order});
        }
        if (characteristic.groups.empty() && !characteristic.openCodeList)
            fields.error(fields.header("group"), "characteristic '" + section.name + "' has no groups",
                         "add 'group = code | label' lines, or 'open_code_list = yes' for geographies");
        result.push_back(std::move(characteristic));
    }
    return result;
}

} // namespace capeq
