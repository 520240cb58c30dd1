// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_parts.hpp>
#include <capeq/catalogue/field_reader.hpp>

#include <algorithm>
#include <map>

namespace capeq {

namespace {

std::vector<std::string> characteristicIds(const std::vector<Characteristic>& characteristics) {
    std::vector<std::string> ids;
    for (const Characteristic& c : characteristics)
        ids.push_back(c.id.str());
    return ids;
}

const Characteristic* findCharacteristic(const std::vector<Characteristic>& characteristics,
                                         const std::string& id) {
    const auto it = std::find_if(characteristics.begin(), characteristics.end(),
                                 [&id](const Characteristic& c) { return c.id.str() == id; });
    return it == characteristics.end() ? nullptr : &*it;
}

// Resolves a `characteristic =` or `target =` key to a closed-code-list characteristic, reporting problems.
const Characteristic* resolve(FieldReader& fields, const std::string& key,
                              const std::vector<Characteristic>& characteristics) {
    const IniEntry* entry = fields.require(key, "add '" + key + " = <characteristic id>'");
    if (entry == nullptr)
        return nullptr;
    const Characteristic* found = findCharacteristic(characteristics, entry->value);
    if (found == nullptr) {
        fields.error(fields.at(*entry), "unknown characteristic '" + entry->value + "'",
                     suggestion(entry->value, characteristicIds(characteristics)));
        return nullptr;
    }
    if (found->openCodeList) {
        fields.error(fields.at(*entry), "characteristic '" + entry->value + "' has an open code list",
                     "roll-ups need a fixed list of groups on both sides");
        return nullptr;
    }
    return found;
}

} // namespace

std::vector<Rollup> readRollups(const IniDocument& document,
                                const std::vector<Characteristic>& characteristics,
                                DiagnosticList& diagnostics) {
    checkSectionTypes(document, {"rollup"}, diagnostics);
    std::vector<Rollup> result;
    std::map<std::string, std::size_t> seen;
    for (const IniSection& section : document.sections) {
        if (section.type != "rollup")
            continue;
        FieldReader fields(section, document.file, {"name", "characteristic", "target", "map"}, {"map"},
                           diagnostics);
        if (!isSnakeCaseId(section.name)) {
            fields.error(fields.header(), "[rollup] needs a lower_snake_case id, e.g. [rollup ethnicity_5]",
                         "write the header as [rollup id] using a-z, 0-9 and '_'");
            continue;
        }
        if (const auto [it, inserted] = seen.emplace(section.name, section.line); !inserted) {
            fields.error(fields.header(),
                         "duplicate rollup id '" + section.name + "' (first defined at line " +
                             std::to_string(it->second) + ")",
                         "give each rollup a unique id");
            continue;
        }
        Rollup rollup;
        rollup.id = section.name;
        rollup.definedAt = fields.header();
        if (const IniEntry* e = fields.require("name", "add 'name = <name as displayed>'"))
            rollup.name = e->value;
        const Characteristic* from = resolve(fields, "characteristic", characteristics);
        const Characteristic* to = resolve(fields, "target", characteristics);
        if (from == nullptr || to == nullptr)
            continue;
        rollup.characteristic = from->id;
        rollup.targetCharacteristic = to->id;
        rollup.targetGroups = to->groups;
        std::map<std::string, std::size_t> mappedAt;
        for (const IniEntry* entry : fields.findAll("map")) {
            const std::size_t arrow = entry->value.find("->");
            const std::string fromCode = trim(entry->value.substr(0, std::min(arrow, entry->value.size())));
            const std::string toCode = arrow == std::string::npos ? "" : trim(entry->value.substr(arrow + 2));
            if (fromCode.empty() || toCode.empty()) {
                fields.error(fields.at(*entry), "map '" + entry->value + "' is not 'code -> target code'",
                             "write e.g. 'map = white_irish -> white'");
                continue;
            }
            bool ok = true;
            if (from->findGroup(GroupCode(fromCode)) == nullptr) {
                fields.error(fields.at(*entry),
                             "rollup '" + rollup.id + "' maps unknown " + from->id.str() + " code '" +
                                 fromCode + "'",
                             "use a group code listed for '" + from->id.str() + "' in characteristics.ini");
                ok = false;
            }
            if (to->findGroup(GroupCode(toCode)) == nullptr) {
                fields.error(fields.at(*entry),
                             "rollup '" + rollup.id + "' maps to unknown " + to->id.str() + " code '" +
                                 toCode + "'",
                             "use a group code listed for '" + to->id.str() + "' in characteristics.ini");
                ok = false;
            }
            if (const auto [it, inserted] = mappedAt.emplace(fromCode, entry->line); !inserted) {
                fields.error(fields.at(*entry),
                             "rollup '" + rollup.id + "' maps '" + fromCode + "' twice (first at line " +
                                 std::to_string(it->second) + ")",
                             "map each code exactly once");
                ok = false;
            }
            if (ok)
                rollup.mapping.emplace(GroupCode(fromCode), GroupCode(toCode));
        }
        for (const Group& group : from->groups)
            if (mappedAt.find(group.code.str()) == mappedAt.end())
                fields.error(fields.header("map"),
                             "rollup '" + rollup.id + "' leaves " + from->id.str() + " code '" +
                                 group.code.str() + "' unmapped",
                             "add 'map = " + group.code.str() + " -> <" + to->id.str() + " code>'");
        result.push_back(std::move(rollup));
    }
    return result;
}

} // namespace capeq
