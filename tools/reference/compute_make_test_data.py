#!/usr/bin/python3
"""Builds tests/data/compute/microdata_3k.csv: the first 3000 rows of the benchmark generator's output
(../shared/bench/gen_microdata.py, seed 20240601) with planted awkward cases for CapEq's compute tests:
  - sex left empty on rows 17, 333 and 2950 (a missing characteristic value)
  - age_band 'unknown' on rows 40 and 41 (an unmapped value: a warning, left out of the age breakdown)
  - ind16 set to the missing code -9 on rows 5, 6 and 7 (a spec-level missing-value code)
Run from the repository root:
  /usr/bin/python3 ../shared/bench/gen_microdata.py --rows 3000 --seed 20240601 --out /tmp/m3k.csv
  /usr/bin/python3 tools/reference/compute_make_test_data.py /tmp/m3k.csv tests/data/compute/microdata_3k.csv
"""
import csv
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, newline="") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
for r in (17, 333, 2950):
    data[r - 1][col["sex"]] = ""
for r in (40, 41):
    data[r - 1][col["age_band"]] = "unknown"
for r in (5, 6, 7):
    data[r - 1][col["ind16"]] = "-9"
with open(target, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(data)
