// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/store/schema.hpp>
#include <capeq/store/timestamp.hpp>

#include <array>
#include <string>

namespace capeq {

namespace {

// Version 1: the catalogue with its code lists, the things evidence is about, and the evidence itself.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE domains (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  capability   TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL DEFAULT 0,
  defined_file TEXT NOT NULL DEFAULT '',
  defined_line INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE dimensions (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL DEFAULT 0,
  defined_file TEXT NOT NULL DEFAULT '',
  defined_line INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE characteristics (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  is_ordered        INTEGER NOT NULL CHECK (is_ordered IN (0, 1)),
  open_code_list    INTEGER NOT NULL CHECK (open_code_list IN (0, 1)),
  code_list_version TEXT NOT NULL DEFAULT '',
  defined_file      TEXT NOT NULL DEFAULT '',
  defined_line      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- The code list of each characteristic; sort_order 1 is the most disadvantaged for ordered ones.
CREATE TABLE characteristic_groups (
  characteristic_id TEXT NOT NULL REFERENCES characteristics(id) ON DELETE CASCADE,
  code              TEXT NOT NULL,
  label             TEXT NOT NULL,
  sort_order        INTEGER NOT NULL,
  PRIMARY KEY (characteristic_id, code)
) WITHOUT ROWID;
CREATE TABLE rollups (
  id                       TEXT PRIMARY KEY,
  characteristic_id        TEXT NOT NULL REFERENCES characteristics(id),
  target_characteristic_id TEXT NOT NULL DEFAULT '',
  name                     TEXT NOT NULL DEFAULT '',
  defined_file             TEXT NOT NULL DEFAULT '',
  defined_line             INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE rollup_groups (
  rollup_id  TEXT NOT NULL REFERENCES rollups(id) ON DELETE CASCADE,
  code       TEXT NOT NULL,
  label      TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (rollup_id, code)
) WITHOUT ROWID;
CREATE TABLE rollup_mappings (
  rollup_id   TEXT NOT NULL REFERENCES rollups(id) ON DELETE CASCADE,
  from_code   TEXT NOT NULL,
  to_code     TEXT NOT NULL,
  PRIMARY KEY (rollup_id, from_code),
  FOREIGN KEY (rollup_id, to_code) REFERENCES rollup_groups(rollup_id, code) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE indicators (
  id               TEXT PRIMARY KEY,
  title            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  plain_language   TEXT NOT NULL DEFAULT '',
  domain_id        TEXT NOT NULL REFERENCES domains(id),
  dimension_id     TEXT NOT NULL REFERENCES dimensions(id),
  polarity         TEXT NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'no_judgement')),
  measure_type     TEXT NOT NULL,
  multiplier       REAL NOT NULL DEFAULT 1,
  scale            TEXT NOT NULL DEFAULT '',
  unit             TEXT NOT NULL DEFAULT '',
  numerator        TEXT NOT NULL DEFAULT '',
  denominator      TEXT NOT NULL DEFAULT '',
  population       TEXT NOT NULL DEFAULT '',
  goalpost_lo      REAL NOT NULL,
  goalpost_hi      REAL NOT NULL,
  minimum_standard REAL,
  reference_rule   TEXT NOT NULL
    CHECK (reference_rule IN ('best_group', 'whole_population', 'largest_group', 'named')),
  reference_group  TEXT NOT NULL DEFAULT '',
  source           TEXT NOT NULL DEFAULT '',
  defined_file     TEXT NOT NULL DEFAULT '',
  defined_line     INTEGER NOT NULL DEFAULT 0,
  CHECK (goalpost_lo < goalpost_hi)
) WITHOUT ROWID;
CREATE INDEX indicators_cell ON indicators(domain_id, dimension_id);
CREATE TABLE indicator_characteristics (
  indicator_id      TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  characteristic_id TEXT NOT NULL REFERENCES characteristics(id),
  position          INTEGER NOT NULL,
  PRIMARY KEY (indicator_id, characteristic_id)
) WITHOUT ROWID;
CREATE TABLE indicator_references (
  indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  reference    TEXT NOT NULL,
  PRIMARY KEY (indicator_id, position)
) WITHOUT ROWID;

CREATE TABLE services (
  code         TEXT PRIMARY KEY CHECK (code <> ''),
  name         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE areas (
  code      TEXT PRIMARY KEY CHECK (code <> ''),
  name      TEXT NOT NULL DEFAULT '',
  area_type TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE periods (
  code       TEXT PRIMARY KEY CHECK (code <> ''),
  label      TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  end_date   TEXT
) WITHOUT ROWID;

CREATE TABLE imports (
  id             INTEGER PRIMARY KEY,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  format         TEXT NOT NULL DEFAULT '',
  encoding       TEXT NOT NULL DEFAULT '',
  imported_at    TEXT NOT NULL,
  row_count      INTEGER NOT NULL DEFAULT 0,
  replaced_count INTEGER NOT NULL DEFAULT 0,
  capeq_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX imports_sha256 ON imports(sha256);
-- Source items no mapping covered, kept with the import so the gap stays visible later.
CREATE TABLE import_unmapped (
  import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  row_count  INTEGER NOT NULL DEFAULT 0,
  first_file TEXT NOT NULL DEFAULT '',
  first_line INTEGER NOT NULL DEFAULT 0
);

-- Absent area, service or period codes are NULL (not ''), so the foreign keys hold; the key index
-- compares them as '' so that two estimates without a service still collide.
CREATE TABLE estimates (
  id                INTEGER PRIMARY KEY,
  indicator_id      TEXT NOT NULL REFERENCES indicators(id),
  area_code         TEXT REFERENCES areas(code),
  service_code      TEXT REFERENCES services(code),
  period            TEXT REFERENCES periods(code),
  characteristic_id TEXT NOT NULL,
  group_code        TEXT NOT NULL,
  value             REAL,
  se                REAL,
  lower_ci          REAL,
  upper_ci          REAL,
  lower_ci_998      REAL,
  upper_ci_998      REAL,
  numerator         REAL,
  denominator       REAL,
  population_share  REAL,
  population        REAL,
  sample_size       REAL,
  subgroup_order    INTEGER,
  is_reference      INTEGER NOT NULL DEFAULT 0 CHECK (is_reference IN (0, 1)),
  note              TEXT NOT NULL DEFAULT '',
  source_file       TEXT NOT NULL DEFAULT '',
  source_line       INTEGER NOT NULL DEFAULT 0,
  import_id         INTEGER NOT NULL REFERENCES imports(id)
);
CREATE UNIQUE INDEX estimates_key ON estimates(indicator_id, ifnull(area_code, ''),
  ifnull(service_code, ''), ifnull(period, ''), characteristic_id, group_code);
CREATE INDEX estimates_service_period ON estimates(service_code, period);
CREATE INDEX estimates_import ON estimates(import_id);
)sql";

// Version 2: the equality-assessment workflow and the audit trail of runs.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE assessments (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL DEFAULT '',
  organisation   TEXT NOT NULL DEFAULT '',
  service_code   TEXT REFERENCES services(code),
  area_code      TEXT REFERENCES areas(code),
  period         TEXT REFERENCES periods(code),
  author         TEXT NOT NULL DEFAULT '',
  purpose        TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  project_file   TEXT NOT NULL DEFAULT '',
  project_sha256 TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE TABLE findings (
  id                INTEGER PRIMARY KEY,
  assessment_id     INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  characteristic_id TEXT NOT NULL,
  indicator_id      TEXT REFERENCES indicators(id),
  impact            TEXT NOT NULL CHECK (impact IN ('positive', 'neutral', 'negative', 'unclear')),
  evidence          TEXT NOT NULL DEFAULT '',
  narrative         TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL
);
CREATE TABLE actions (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  finding_id    INTEGER REFERENCES findings(id) ON DELETE SET NULL,
  kind          TEXT NOT NULL DEFAULT 'action' CHECK (kind IN ('mitigation', 'action')),
  description   TEXT NOT NULL,
  owner         TEXT NOT NULL DEFAULT '',
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
  created_at    TEXT NOT NULL
);
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  command        TEXT NOT NULL,
  capeq_version  TEXT NOT NULL,
  method_version TEXT NOT NULL,
  profile        TEXT NOT NULL DEFAULT '',
  rule_set       TEXT NOT NULL DEFAULT '',
  options        TEXT NOT NULL DEFAULT '{}',
  status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at     TEXT NOT NULL,
  finished_at    TEXT
);
CREATE TABLE run_inputs (
  run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role     TEXT NOT NULL,
  name     TEXT NOT NULL,
  sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
  PRIMARY KEY (run_id, position)
);
)sql";

constexpr std::array<Migration, 2> kMigrations = {{
    {1, "catalogue, code lists, services, areas, periods, imports, estimates", kSchemaV1},
    {2, "assessments, findings, actions, runs", kSchemaV2},
}};

int userVersion(const sqlite::Connection& connection) {
    sqlite::Statement query(connection, "PRAGMA user_version");
    query.step();
    return static_cast<int>(query.columnInt(0));
}

void refuseForeignDatabase(const sqlite::Connection& connection) {
    sqlite::Statement tables(connection, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
    tables.step();
    if (tables.columnInt(0) > 0) {
        throw InputError(Diagnostic{Severity::Error,
                                    {connection.path().string(), 0, 0, {}},
                                    "this SQLite database is not a CapEq store (it has tables but no CapEq "
                                    "schema version)",
                                    "give --db a new file name or an existing CapEq store"});
    }
}

} // namespace

std::span<const Migration> storeMigrations() {
    return kMigrations;
}

int latestSchemaVersion() {
    return kMigrations.back().version;
}

int migrateStore(sqlite::Connection& connection) {
    const int initial = userVersion(connection);
    if (initial > latestSchemaVersion()) {
        throw InputError(
            Diagnostic{Severity::Error,
                       {connection.path().string(), 0, 0, {}},
                       "this store has schema version " + std::to_string(initial) + ", newer than the " +
                           std::to_string(latestSchemaVersion()) + " this CapEq " CAPEQ_VERSION " can read",
                       "open it with the newer CapEq that wrote it; this store was not changed"});
    }
    if (initial == 0)
        refuseForeignDatabase(connection);
    for (const Migration& migration : kMigrations) {
        if (migration.version <= initial)
            continue;
        sqlite::Transaction transaction(connection);
        // Another process may have migrated between our first look and taking the write lock.
        if (userVersion(connection) >= migration.version)
            continue;
        connection.exec(migration.sql);
        sqlite::Statement record(
            connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
        record.bindInt(1, migration.version).bindText(2, migration.name).bindText(3, utcTimestampNow()).run();
        // PRAGMA takes no parameters; the number comes from the table above, never from data.
        connection.exec("PRAGMA user_version = " + std::to_string(migration.version));
        transaction.commit();
    }
    return initial;
}

} // namespace capeq
