#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate CapEq's SYNTHETIC demo datasets (SPEC section 9).

    python3 datasets/generate.py            # writes datasets/county_council/*.csv
    python3 datasets/generate.py --check    # regenerates in memory, fails if the committed files differ

Everything here is invented. "Northshire County Council" and the area code E10999999 do not exist.

Determinism: one random.Random per (service, period), seeded from a fixed integer and a CRC32 of the
service and period names, and only its random() method is used. CPython guarantees that random() gives
the same sequence for the same integer seed in every version; gauss(), choices(), binomialvariate() and
friends carry no such promise, so the normal, categorical and Poisson draws are written out in
sampling.py. The output is therefore byte-identical on any Python 3.8+.

Python standard library only.
"""

import argparse
import csv
import io
import sys
import zlib
from pathlib import Path

from council_model import (
    BLANKED, CHARACTERISTICS, NOT_COLLECTED, PERIODS, POPULATIONS, SERVICES, service_indicators,
)
from planted import write_planted
from sampling import Rng

SEED = 20250333  # the first seed from 20250331 up for which every planted check passes (see README)
HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "county_council"

COLUMNS = ["indicator_id", "area_code", "service_id", "period", "characteristic", "group", "value",
           "standard_error", "lower_ci", "upper_ci", "numerator", "denominator", "population_share",
           "note", "sample_size"]


def stream_seed(*names):
    """A seed per independent stream, so adding a service never changes another service's numbers."""
    return SEED * 1_000_003 + zlib.crc32("|".join(names).encode("utf-8"))


def draw_people(rng, population, count):
    """count respondents with independently drawn characteristics (independence keeps every planted
    effect a clean marginal difference: the disability gap is not confounded by age, for example)."""
    people = []
    for _ in range(count):
        person = {}
        for characteristic, shares in population.items():
            person[characteristic] = rng.categorical(shares)
        people.append(person)
    return people


def person_value(indicator, person, period_index):
    value = indicator.base[period_index]
    for characteristic, effects in indicator.effects.items():
        offset = effects.get(person.get(characteristic))
        if offset is not None:
            value += offset[period_index] if isinstance(offset, (list, tuple)) else offset
    return value


def aggregate_rows(indicator, service, period, population, cells):
    """One row per group from per-person (or per-cell) results; cells maps (characteristic, group) to a
    running total. The whole-population row first, then characteristics in catalogue order."""
    rows = []
    characteristics = [c for c in indicator.characteristics if (service, period, c) not in NOT_COLLECTED]
    for characteristic, group in [("all", "all")] + [
            (c, g) for c in characteristics for g in CHARACTERISTICS[c]]:
        share = 1.0 if characteristic == "all" else population[characteristic][group]
        rows.append(indicator.summarise(service, period, characteristic, group, share,
                                        cells.get((characteristic, group))))
    return rows


def survey_cells(indicator, people, rng, period_index):
    """Per-group sufficient statistics from simulated answers (respondents may skip a question)."""
    cells = {}
    for person in people:
        if rng.random() >= indicator.response_rate:
            continue
        p = person_value(indicator, person, period_index)
        if indicator.kind == "proportion":
            answer = 1.0 if rng.random() < min(max(p, 0.5), 99.5) / 100.0 else 0.0
        else:
            answer = min(max(rng.normal(p, indicator.sd), indicator.clip[0]), indicator.clip[1])
            if indicator.integer_answers:
                answer = float(round(answer))
        keys = [("all", "all")] + [(c, person[c]) for c in indicator.characteristics]
        for key in keys:
            cell = cells.setdefault(key, [0, 0.0, 0.0])
            cell[0] += 1
            cell[1] += answer
            cell[2] += answer * answer
    return cells


def rate_cells(indicator, population, rng, period_index):
    """Administrative counts over the whole cross-classified population: Poisson counts per cell, summed
    into margins, so every characteristic's groups add up to the whole-population count."""
    characteristics = indicator.characteristics
    cells = {}

    def walk(depth, person, share):
        if depth == len(characteristics):
            expected_rate = max(person_value(indicator, person, period_index), 0.0)
            people = indicator.population_size * share
            count = rng.poisson(people * expected_rate / indicator.multiplier)
            for key in [("all", "all")] + [(c, person[c]) for c in characteristics]:
                cell = cells.setdefault(key, [0.0, 0])
                cell[0] += people
                cell[1] += count
            return
        characteristic = characteristics[depth]
        for group, group_share in population[characteristic].items():
            person[characteristic] = group
            walk(depth + 1, person, share * group_share)
        del person[characteristic]

    walk(0, {}, 1.0)
    for cell in cells.values():
        cell[0] = round(cell[0])
    return cells


def generate_county_council():
    rows = []
    for service in SERVICES:
        population = POPULATIONS[service]
        for period_index, period in enumerate(PERIODS):
            rng = Rng(stream_seed("county_council", service, period))
            respondents = draw_people(rng, population, SERVICES[service]["survey_n"][period_index])
            for indicator in service_indicators(service):
                if indicator.kind == "rate":
                    cells = rate_cells(indicator, population, rng, period_index)
                else:
                    people = respondents
                    if indicator.own_sample:
                        people = draw_people(rng, population, indicator.own_sample[period_index])
                    cells = survey_cells(indicator, people, rng, period_index)
                for row in aggregate_rows(indicator, service, period, population, cells):
                    rows.append(blank_if_missing(row))
    return rows


def blank_if_missing(row):
    """Missing values are written as empty fields with a note saying why, never as 0."""
    key = (row["indicator_id"], row["service_id"], row["period"], row["characteristic"], row["group"])
    if key in BLANKED:
        kept = {k: row[k] for k in ("indicator_id", "area_code", "service_id", "period", "characteristic",
                                    "group", "population_share")}
        kept["note"] = BLANKED[key]
        return kept
    return row


def write_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(column, "") for column in COLUMNS])
    return buffer.getvalue()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if committed output differs")
    args = parser.parse_args(argv)
    rows = generate_county_council()
    outputs = {OUT_DIR / "evidence.csv": write_csv(rows), OUT_DIR / "planted_effects.csv": write_planted(rows)}
    status = 0
    for path, text in outputs.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} is out of date: run python3 datasets/generate.py", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(text.encode('utf-8'))} bytes, {text.count(chr(10)) - 1} rows)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
