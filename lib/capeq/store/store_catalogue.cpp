// SPDX-License-Identifier: Apache-2.0
// Store::writeCatalogue: the catalogue tables. Rows are upserted (never INSERT OR REPLACE, which would
// delete the row and cascade to what refers to it); an entity's child lists are rewritten whole.
#include <capeq/store/store.hpp>

namespace capeq {

namespace {

void writeFramework(sqlite::Connection& db, const Catalogue& catalogue) {
    sqlite::Statement domain(db, R"sql(
        INSERT INTO domains (id, name, capability, sort_order, defined_file, defined_line)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, capability = excluded.capability,
          sort_order = excluded.sort_order, defined_file = excluded.defined_file,
          defined_line = excluded.defined_line)sql");
    for (const Domain& d : catalogue.domains()) {
        domain.bindText(1, d.id.str())
            .bindText(2, d.name)
            .bindText(3, d.capability)
            .bindInt(4, d.order)
            .bindText(5, d.definedAt.file)
            .bindInt(6, static_cast<std::int64_t>(d.definedAt.line))
            .run();
    }
    sqlite::Statement dimension(db, R"sql(
        INSERT INTO dimensions (id, name, description, sort_order, defined_file, defined_line)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
          sort_order = excluded.sort_order, defined_file = excluded.defined_file,
          defined_line = excluded.defined_line)sql");
    for (const Dimension& d : catalogue.dimensions()) {
        dimension.bindText(1, d.id.str())
            .bindText(2, d.name)
            .bindText(3, d.description)
            .bindInt(4, d.order)
            .bindText(5, d.definedAt.file)
            .bindInt(6, static_cast<std::int64_t>(d.definedAt.line))
            .run();
    }
}

void writeCodeLists(sqlite::Connection& db, const Catalogue& catalogue) {
    sqlite::Statement characteristic(db, R"sql(
        INSERT INTO characteristics (id, name, description, is_ordered, open_code_list, code_list_version,
                                     defined_file, defined_line)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
          is_ordered = excluded.is_ordered, open_code_list = excluded.open_code_list,
          code_list_version = excluded.code_list_version, defined_file = excluded.defined_file,
          defined_line = excluded.defined_line)sql");
    sqlite::Statement clearGroups(db, "DELETE FROM characteristic_groups WHERE characteristic_id = ?1");
    sqlite::Statement group(db,
                            "INSERT INTO characteristic_groups (characteristic_id, code, label, sort_order) "
                            "VALUES (?1, ?2, ?3, ?4)");
    for (const Characteristic& c : catalogue.characteristics()) {
        characteristic.bindText(1, c.id.str())
            .bindText(2, c.name)
            .bindText(3, c.description)
            .bindInt(4, c.ordered ? 1 : 0)
            .bindInt(5, c.openCodeList ? 1 : 0)
            .bindText(6, c.codeListVersion)
            .bindText(7, c.definedAt.file)
            .bindInt(8, static_cast<std::int64_t>(c.definedAt.line))
            .run();
        clearGroups.bindText(1, c.id.str()).run();
        for (const Group& g : c.groups)
            group.bindText(1, c.id.str())
                .bindText(2, g.code.str())
                .bindText(3, g.label)
                .bindInt(4, g.order)
                .run();
    }

    // A roll-up's rows cascade from it, so deleting and re-inserting rewrites its lists in one go.
    sqlite::Statement clearRollup(db, "DELETE FROM rollups WHERE id = ?1");
    sqlite::Statement rollup(db,
                             "INSERT INTO rollups (id, characteristic_id, target_characteristic_id, name, "
                             "defined_file, defined_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    sqlite::Statement target(db, "INSERT INTO rollup_groups (rollup_id, code, label, sort_order) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    sqlite::Statement mapping(
        db, "INSERT INTO rollup_mappings (rollup_id, from_code, to_code) VALUES (?1, ?2, ?3)");
    for (const Rollup& r : catalogue.rollups()) {
        clearRollup.bindText(1, r.id).run();
        rollup.bindText(1, r.id)
            .bindText(2, r.characteristic.str())
            .bindText(3, r.targetCharacteristic.str())
            .bindText(4, r.name)
            .bindText(5, r.definedAt.file)
            .bindInt(6, static_cast<std::int64_t>(r.definedAt.line))
            .run();
        for (const Group& g : r.targetGroups)
            target.bindText(1, r.id).bindText(2, g.code.str()).bindText(3, g.label).bindInt(4, g.order).run();
        for (const auto& [from, to] : r.mapping)
            mapping.bindText(1, r.id).bindText(2, from.str()).bindText(3, to.str()).run();
    }
}

void writeIndicators(sqlite::Connection& db, const Catalogue& catalogue) {
    sqlite::Statement indicator(db, R"sql(
        INSERT INTO indicators (id, title, description, plain_language, domain_id, dimension_id, polarity,
          measure_type, multiplier, scale, unit, numerator, denominator, population, goalpost_lo, goalpost_hi,
          minimum_standard, reference_rule, reference_group, source, defined_file, defined_line)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
          plain_language = excluded.plain_language, domain_id = excluded.domain_id,
          dimension_id = excluded.dimension_id, polarity = excluded.polarity,
          measure_type = excluded.measure_type, multiplier = excluded.multiplier, scale = excluded.scale,
          unit = excluded.unit, numerator = excluded.numerator, denominator = excluded.denominator,
          population = excluded.population, goalpost_lo = excluded.goalpost_lo,
          goalpost_hi = excluded.goalpost_hi, minimum_standard = excluded.minimum_standard,
          reference_rule = excluded.reference_rule, reference_group = excluded.reference_group,
          source = excluded.source, defined_file = excluded.defined_file,
          defined_line = excluded.defined_line)sql");
    sqlite::Statement clearCharacteristics(db,
                                           "DELETE FROM indicator_characteristics WHERE indicator_id = ?1");
    sqlite::Statement characteristic(db, "INSERT INTO indicator_characteristics (indicator_id, "
                                         "characteristic_id, position) VALUES (?1, ?2, ?3)");
    sqlite::Statement clearReferences(db, "DELETE FROM indicator_references WHERE indicator_id = ?1");
    sqlite::Statement reference(db, "INSERT INTO indicator_references (indicator_id, position, reference) "
                                    "VALUES (?1, ?2, ?3)");
    for (const Indicator& i : catalogue.indicators()) {
        indicator.bindText(1, i.id.str())
            .bindText(2, i.title)
            .bindText(3, i.description)
            .bindText(4, i.plainLanguage)
            .bindText(5, i.domain.str())
            .bindText(6, i.dimension.str())
            .bindText(7, toString(i.polarity))
            .bindText(8, toString(i.measureType))
            .bindDouble(9, i.multiplier)
            .bindText(10, i.scale)
            .bindText(11, i.unit)
            .bindText(12, i.numerator)
            .bindText(13, i.denominator)
            .bindText(14, i.population)
            .bindDouble(15, i.goalposts.lo)
            .bindDouble(16, i.goalposts.hi)
            .bindDouble(17, i.minimumStandard)
            .bindText(18, toString(i.referenceRule))
            .bindText(19, i.referenceGroup)
            .bindText(20, i.source)
            .bindText(21, i.definedAt.file)
            .bindInt(22, static_cast<std::int64_t>(i.definedAt.line))
            .run();
        clearCharacteristics.bindText(1, i.id.str()).run();
        std::int64_t position = 0;
        for (const CharacteristicId& c : i.characteristics)
            characteristic.bindText(1, i.id.str()).bindText(2, c.str()).bindInt(3, ++position).run();
        clearReferences.bindText(1, i.id.str()).run();
        position = 0;
        for (const std::string& text : i.references)
            reference.bindText(1, i.id.str()).bindInt(2, ++position).bindText(3, text).run();
    }
}

} // namespace

void Store::writeCatalogue(const Catalogue& catalogue) {
    writeFramework(m_connection, catalogue);
    writeCodeLists(m_connection, catalogue);
    writeIndicators(m_connection, catalogue);
    sqlite::Statement meta(m_connection, "INSERT INTO store_meta (key, value) VALUES ('framework_name', ?1) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    meta.bindText(1, catalogue.frameworkName()).run();
}

} // namespace capeq
