#!/usr/bin/python3
"""Writes the SQL for the SQL peers: per breakdown and indicator the sufficient statistics (n, sum w, sum wy,
sum w^2, sum w^2 y, sum w^2 y^2), finished to mean and SE by compare.py.
  make_sql.py duckdb DATA   -> one scan with GROUPING SETS (the empty set gives the design's N)
  make_sql.py sqlite        -> UNION ALL of GROUP BYs over an imported table d (text columns)"""
import sys

TABS = ["sex", "age_band", "ethnicity", "disability", "religion", "sexual_orientation", "region"]
dialect = sys.argv[1]
inds = ["ind%02d" % k for k in range(1, 21)]


def aggregates(value):
    cols = []
    for ind in inds:
        y = value(ind)
        f = f"{y} IS NOT NULL"
        cols += [f"count({y})", f"sum(CASE WHEN {f} THEN weight END)", f"sum(weight*{y})",
                 f"sum(CASE WHEN {f} THEN weight*weight END)", f"sum(weight*weight*{y})", f"sum(weight*weight*{y}*{y})"]
    return ", ".join(f"{c} AS a{i}" for i, c in enumerate(cols))


if dialect == "duckdb":
    sets = ", ".join(f"({t})" for t in TABS) + ", (sex, ethnicity), ()"
    keys = ", ".join(TABS)
    print(f"SELECT {keys}, count(*) AS nrows, {aggregates(lambda c: c)} "
          f"FROM read_csv('{sys.argv[2]}', header=true) GROUP BY GROUPING SETS ({sets})")
else:
    value = lambda c: f"CAST(NULLIF({c}, '') AS REAL)"
    parts = []
    for t in TABS + ["sex*ethnicity"]:
        key = "sex || '*' || ethnicity" if t == "sex*ethnicity" else t
        parts.append(f"SELECT '{t}' AS tab, {key} AS grp, {aggregates(value)} FROM d GROUP BY {key}")
    print(".mode csv\n.headers on\n" + " UNION ALL ".join(parts) + ";")
