// SPDX-License-Identifier: Apache-2.0
// Store::importEvidence and Store::loadEvidence: the estimates table.
#include <capeq/core/diagnostic.hpp>
#include <capeq/store/store.hpp>
#include <capeq/store/timestamp.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>

namespace capeq {

namespace {

// Enough to show the pattern without burying the terminal when a whole file is imported twice.
constexpr std::size_t kMaxReportedDuplicates = 20;

using EstimateKey = std::array<std::string, 6>;

EstimateKey keyOf(const EvidenceRow& row) {
    return {row.indicator.str(), row.area.str(),           row.service.str(),
            row.period,          row.characteristic.str(), row.group.str()};
}

std::string describeKey(const EvidenceRow& row) {
    std::string text = "indicator '" + row.indicator.str() + "'";
    if (!row.area.empty())
        text += ", area '" + row.area.str() + "'";
    if (!row.service.empty())
        text += ", service '" + row.service.str() + "'";
    if (!row.period.empty())
        text += ", period '" + row.period + "'";
    text += ", " + row.characteristic.str() + " = " + row.group.str();
    return text;
}

SourceLocation rowLocation(const EvidenceRow& row, const EvidenceSet& evidence) {
    SourceLocation where = row.location;
    if (where.file.empty())
        where.file = evidence.sourceFile;
    return where;
}

bool isSha256Hex(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

void checkKeysUnique(const EvidenceSet& evidence, DiagnosticList& problems) {
    std::map<EstimateKey, const EvidenceRow*> seen;
    for (const EvidenceRow& row : evidence.rows) {
        const auto [it, inserted] = seen.emplace(keyOf(row), &row);
        if (!inserted) {
            problems.error(rowLocation(row, evidence),
                           "duplicate estimate: " + describeKey(row) + " is also on line " +
                               std::to_string(it->second->location.line),
                           "keep only one row for each indicator, area, service, period and group");
        }
    }
}

void checkIndicatorsKnown(const sqlite::Connection& db, const EvidenceSet& evidence,
                          DiagnosticList& problems) {
    sqlite::Statement known(db, "SELECT 1 FROM indicators WHERE id = ?1");
    std::set<std::string> reported;
    for (const EvidenceRow& row : evidence.rows) {
        if (reported.count(row.indicator.str()) > 0)
            continue;
        known.reset();
        known.bindText(1, row.indicator.str());
        if (!known.step()) {
            reported.insert(row.indicator.str());
            problems.error(rowLocation(row, evidence),
                           "indicator '" + row.indicator.str() + "' is not in the store's catalogue",
                           "correct the indicator id, or import the catalogue that defines it first");
        }
    }
}

// Finds estimates already stored under the rows' keys. Returns their ids (for replacement); reports them
// as errors unless they are to be replaced.
std::vector<std::int64_t> findStoredKeys(const sqlite::Connection& db, const EvidenceSet& evidence,
                                         const std::string& fileSha256, bool replace,
                                         DiagnosticList& problems) {
    sqlite::Statement stored(db, R"sql(
        SELECT e.id, e.source_file, e.source_line, i.id, i.imported_at
        FROM estimates e JOIN imports i ON i.id = e.import_id
        WHERE e.indicator_id = ?1 AND ifnull(e.area_code, '') = ?2 AND ifnull(e.service_code, '') = ?3
          AND ifnull(e.period, '') = ?4 AND e.characteristic_id = ?5 AND e.group_code = ?6)sql");
    std::vector<std::int64_t> ids;
    DiagnosticList duplicates;
    for (const EvidenceRow& row : evidence.rows) {
        stored.reset();
        const EstimateKey key = keyOf(row);
        for (int i = 0; i < 6; ++i)
            stored.bindText(i + 1, key[static_cast<std::size_t>(i)]);
        if (!stored.step())
            continue;
        ids.push_back(stored.columnInt(0));
        if (replace || duplicates.items().size() >= kMaxReportedDuplicates)
            continue;
        duplicates.error(rowLocation(row, evidence),
                         "an estimate for " + describeKey(row) + " is already in the store (import #" +
                             std::to_string(stored.columnInt(3)) + " of " + stored.columnText(1) + " line " +
                             std::to_string(stored.columnInt(2)) + ", " + stored.columnText(4) + ")",
                         "re-import with --replace to overwrite stored estimates, or remove the row");
    }
    if (replace || ids.empty())
        return ids;

    sqlite::Statement sameFile(db,
                               "SELECT id, imported_at FROM imports WHERE sha256 = ?1 ORDER BY id LIMIT 1");
    sameFile.bindText(1, fileSha256);
    if (sameFile.step()) {
        problems.error({evidence.sourceFile, 0, 0, {}},
                       "this file was already imported (import #" + std::to_string(sameFile.columnInt(0)) +
                           ", " + sameFile.columnText(1) + ", identical sha256)",
                       "nothing needs importing; use --replace to import it again");
    }
    problems.append(duplicates);
    if (ids.size() > kMaxReportedDuplicates) {
        problems.error({evidence.sourceFile, 0, 0, {}},
                       std::to_string(ids.size() - kMaxReportedDuplicates) +
                           " more rows are already in the store",
                       "re-import with --replace to overwrite stored estimates, or remove the rows");
    }
    return ids;
}

std::int64_t insertImport(sqlite::Connection& db, const EvidenceSet& evidence, const std::string& fileSha256,
                          const ImportOptions& options, std::size_t replaced) {
    sqlite::Statement insert(
        db, "INSERT INTO imports (file_name, sha256, format, encoding, imported_at, "
            "row_count, replaced_count, capeq_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bindText(1, evidence.sourceFile)
        .bindText(2, fileSha256)
        .bindText(3, evidence.format)
        .bindText(4, evidence.encoding)
        .bindText(5, options.importedAt.empty() ? utcTimestampNow() : options.importedAt)
        .bindInt(6, static_cast<std::int64_t>(evidence.rows.size()))
        .bindInt(7, static_cast<std::int64_t>(replaced))
        .bindText(8, CAPEQ_VERSION)
        .run();
    const std::int64_t importId = db.lastInsertRowId();
    sqlite::Statement unmapped(db,
                               "INSERT INTO import_unmapped (import_id, kind, value, row_count, first_file, "
                               "first_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const UnmappedItem& item : evidence.unmapped) {
        unmapped.bindInt(1, importId)
            .bindText(2, item.kind)
            .bindText(3, item.value)
            .bindInt(4, static_cast<std::int64_t>(item.rowCount))
            .bindText(5, item.firstSeen.file)
            .bindInt(6, static_cast<std::int64_t>(item.firstSeen.line))
            .run();
    }
    return importId;
}

void insertEstimates(sqlite::Connection& db, const EvidenceSet& evidence, std::int64_t importId) {
    sqlite::Statement service(db, "INSERT INTO services (code) VALUES (?1) ON CONFLICT DO NOTHING");
    sqlite::Statement area(db, "INSERT INTO areas (code) VALUES (?1) ON CONFLICT DO NOTHING");
    sqlite::Statement period(db, "INSERT INTO periods (code) VALUES (?1) ON CONFLICT DO NOTHING");
    sqlite::Statement estimate(db, R"sql(
        INSERT INTO estimates (indicator_id, area_code, service_code, period, characteristic_id, group_code,
          value, se, lower_ci, upper_ci, lower_ci_998, upper_ci_998, numerator, denominator, population_share,
          population, sample_size, subgroup_order, is_reference, note, source_file, source_line, import_id)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22, ?23))sql");
    for (const EvidenceRow& row : evidence.rows) {
        if (!row.service.empty())
            service.bindText(1, row.service.str()).run();
        if (!row.area.empty())
            area.bindText(1, row.area.str()).run();
        if (!row.period.empty())
            period.bindText(1, row.period).run();
        const std::optional<std::int64_t> order =
            row.subgroupOrder ? std::optional<std::int64_t>(*row.subgroupOrder) : std::nullopt;
        estimate.bindText(1, row.indicator.str())
            .bindTextOrNull(2, row.area.str())
            .bindTextOrNull(3, row.service.str())
            .bindTextOrNull(4, row.period)
            .bindText(5, row.characteristic.str())
            .bindText(6, row.group.str())
            .bindDouble(7, row.value)
            .bindDouble(8, row.standardError)
            .bindDouble(9, row.lowerCi)
            .bindDouble(10, row.upperCi)
            .bindDouble(11, row.lowerCi998)
            .bindDouble(12, row.upperCi998)
            .bindDouble(13, row.numerator)
            .bindDouble(14, row.denominator)
            .bindDouble(15, row.populationShare)
            .bindDouble(16, row.population)
            .bindDouble(17, row.sampleSize)
            .bindInt(18, order)
            .bindInt(19, row.isReference ? 1 : 0)
            .bindText(20, row.note)
            .bindText(21, rowLocation(row, evidence).file)
            .bindInt(22, static_cast<std::int64_t>(row.location.line))
            .bindInt(23, importId)
            .run();
    }
}

} // namespace

ImportResult Store::importEvidence(const EvidenceSet& evidence, const std::string& fileSha256,
                                   const ImportOptions& options) {
    if (!isSha256Hex(fileSha256))
        throw std::invalid_argument("importEvidence needs the file's sha256 as 64 lower-case hex digits");

    sqlite::Transaction transaction(m_connection);
    if (options.catalogue != nullptr)
        writeCatalogue(*options.catalogue);

    DiagnosticList problems;
    checkKeysUnique(evidence, problems);
    checkIndicatorsKnown(m_connection, evidence, problems);
    const std::vector<std::int64_t> storedIds =
        findStoredKeys(m_connection, evidence, fileSha256, options.replace, problems);
    problems.throwIfErrors(); // the transaction guard rolls back whatever was written above

    ImportResult result;
    result.replaced = storedIds.size();
    result.inserted = evidence.rows.size() - storedIds.size();
    result.importId = insertImport(m_connection, evidence, fileSha256, options, storedIds.size());
    sqlite::Statement remove(m_connection, "DELETE FROM estimates WHERE id = ?1");
    for (const std::int64_t id : storedIds)
        remove.bindInt(1, id).run();
    insertEstimates(m_connection, evidence, result.importId);
    transaction.commit();
    return result;
}

std::vector<EvidenceRow> Store::loadEvidence(const EvidenceFilter& filter) const {
    // The WHERE clause is assembled from fixed fragments only, so each filter can use the indexes; every
    // value still travels as a bound parameter.
    std::string sql = R"sql(
        SELECT indicator_id, area_code, service_code, period, characteristic_id, group_code, value, se,
          lower_ci, upper_ci, lower_ci_998, upper_ci_998, numerator, denominator, population_share,
          population, sample_size, subgroup_order, is_reference, note, source_file, source_line
        FROM estimates WHERE 1)sql";
    std::vector<std::string> values;
    const auto restrict = [&](const std::optional<std::string>& value, const char* column) {
        if (!value)
            return;
        if (value->empty()) {
            sql += std::string(" AND ") + column + " IS NULL";
        } else {
            values.push_back(*value);
            sql += std::string(" AND ") + column + " = ?" + std::to_string(values.size());
        }
    };
    const auto text = [](const auto& id) {
        return id ? std::optional<std::string>(id->str()) : std::nullopt;
    };
    restrict(text(filter.indicator), "indicator_id");
    restrict(text(filter.area), "area_code");
    restrict(text(filter.service), "service_code");
    restrict(filter.period, "period");
    sql += " ORDER BY id";

    sqlite::Statement query(m_connection, sql);
    for (std::size_t i = 0; i < values.size(); ++i)
        query.bindText(static_cast<int>(i + 1), values[i]);
    std::vector<EvidenceRow> rows;
    while (query.step()) {
        EvidenceRow row;
        row.indicator = IndicatorId(query.columnText(0));
        row.area = AreaCode(query.columnText(1));
        row.service = ServiceId(query.columnText(2));
        row.period = query.columnText(3);
        row.characteristic = CharacteristicId(query.columnText(4));
        row.group = GroupCode(query.columnText(5));
        row.value = query.columnOptionalDouble(6);
        row.standardError = query.columnOptionalDouble(7);
        row.lowerCi = query.columnOptionalDouble(8);
        row.upperCi = query.columnOptionalDouble(9);
        row.lowerCi998 = query.columnOptionalDouble(10);
        row.upperCi998 = query.columnOptionalDouble(11);
        row.numerator = query.columnOptionalDouble(12);
        row.denominator = query.columnOptionalDouble(13);
        row.populationShare = query.columnOptionalDouble(14);
        row.population = query.columnOptionalDouble(15);
        row.sampleSize = query.columnOptionalDouble(16);
        if (const auto order = query.columnOptionalInt(17))
            row.subgroupOrder = static_cast<int>(*order);
        row.isReference = query.columnInt(18) != 0;
        row.note = query.columnText(19);
        row.location.file = query.columnText(20);
        row.location.line = static_cast<std::size_t>(query.columnInt(21));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace capeq
