-- SPDX-License-Identifier: Apache-2.0
-- A CapEq store as schema version 1 wrote it (CapEq 0.1.0), frozen here so that migration tests open a
-- genuinely old file. Never edit this to match later schema changes: that is what migrations are for.
BEGIN;
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

INSERT INTO schema_migrations (version, name, applied_at)
  VALUES (1, 'catalogue, code lists, services, areas, periods, imports, estimates', '2024-01-15T10:00:00Z');
INSERT INTO store_meta (key, value) VALUES ('framework_name', 'Old framework');
INSERT INTO domains (id, name, capability, sort_order) VALUES ('health', 'Health', 'be healthy', 1);
INSERT INTO dimensions (id, name, description, sort_order) VALUES ('outcome', 'Outcomes', '', 1);
INSERT INTO characteristics (id, name, is_ordered, open_code_list) VALUES ('sex', 'Sex', 0, 0);
INSERT INTO characteristic_groups (characteristic_id, code, label, sort_order)
  VALUES ('sex', 'female', 'Female', 1), ('sex', 'male', 'Male', 2);
INSERT INTO indicators (id, title, domain_id, dimension_id, polarity, measure_type, goalpost_lo, goalpost_hi,
                        reference_rule)
  VALUES ('good_health', 'Good health', 'health', 'outcome', 'higher_is_better', 'proportion', 0, 100,
          'best_group');
INSERT INTO services (code) VALUES ('libraries');
INSERT INTO periods (code) VALUES ('2022/23');
INSERT INTO imports (id, file_name, sha256, format, encoding, imported_at, row_count)
  VALUES (1, 'old.csv', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'capeq-long',
          'utf-8', '2024-01-15T10:00:05Z', 2);
INSERT INTO estimates (indicator_id, area_code, service_code, period, characteristic_id, group_code, value,
                       se, sample_size, is_reference, note, source_file, source_line, import_id)
  VALUES ('good_health', NULL, 'libraries', '2022/23', 'all', 'all', 70.5, 1.25, 400, 0, 'old row',
          'old.csv', 2, 1),
         ('good_health', NULL, 'libraries', '2022/23', 'sex', 'female', 68, NULL, NULL, 1, '', 'old.csv', 3, 1);
PRAGMA user_version = 1;
COMMIT;
