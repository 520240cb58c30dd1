#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates the SYNTHETIC regulator dataset (datasets/regulator/): 320 invented organisations x 5 services x
3 periods, in CapEq's long format, with a national benchmark (area NATIONAL: every organisation's
respondents together) and planted gaps, widening gaps, minimum-standard breaches and red-red declines listed
in regulator/planted_effects.csv and regulator/README.md.

    python3 datasets/generate_regulator.py          # rewrite the files
    python3 datasets/generate_regulator.py --check  # exit 1 if the committed files differ
    python3 datasets/generate_regulator.py --organisations 2000 --out DIR  # a larger batch (benchmarks)

Deterministic: every organisation x service x period has its own stream (SEED with a CRC-32 of the names),
and only random.Random.random() is used (through sampling.Rng), so the output is byte-identical on every
Python 3 version. The generator checks each planted effect against the numbers it wrote and fails if one is
not clearly visible (z beyond 5 for a gap and for a widening; whole value 5 standard errors below a standard;
for a red-red decline, z beyond 5 both for the fall and against the national value).
"""

import csv
import io
import math
import sys
import zlib
from pathlib import Path

from sampling import Rng

SEED = 20251101
ORGANISATIONS = [f"R{n:03d}" for n in range(1, 321)]  # --organisations N gives R0001 ... for N > 999
PERIODS = ["2022/23", "2023/24", "2024/25"]
GAP = 25.0  # planted persistent gap, percentage points
WIDENING = [0.0, 5.0, 35.0]  # planted gap per period for a widening trend
BREACH_BASE = 60.0  # planted whole value of control_over_daily_life (minimum standard 70)
DECLINE = [0.0, 0.0, 15.0]  # planted fall for everyone (every group alike) for a red-red case
NATIONAL = "NATIONAL"  # area code of the benchmark rows: all organisations' respondents together
# Indicators without a minimum standard, per service, for red-red cases (a fall below a standard would add
# a second planted flag to the same case).
NO_STANDARD = {"adult_social_care": ["social_care_dignity"], "housing": ["overcrowding"]}

# service -> [(indicator, polarity, base value per period)]; goalposts and standards are the catalogue's.
SERVICES = {
    "adult_social_care": [("control_over_daily_life", +1, [80.0, 80.5, 81.0]),
                          ("social_care_dignity", +1, [64.0, 64.0, 64.5])],
    "community_safety": [("police_treat_fairly", +1, [64.0, 63.5, 63.0]),
                         ("safe_walking_after_dark", +1, [72.0, 72.0, 72.5])],
    "housing": [("treated_with_respect_services", +1, [90.0, 90.0, 90.5]),
                ("overcrowding", -1, [6.0, 6.0, 6.0])],
    "libraries": [("internet_use_recent", +1, [89.0, 90.0, 91.0]),
                  ("satisfied_leisure_time", +1, [70.0, 70.0, 71.0])],
    "schools": [("attainment_age16", +1, [65.0, 64.0, 65.0]),
                ("bullied_at_school", -1, [17.0, 16.5, 16.0])],
}
SHARES = {"sex": {"female": 0.55, "male": 0.45}, "disability": {"disabled": 0.30, "not_disabled": 0.70}}
WORSE_GROUP = {"sex": "female", "disability": "disabled"}
HEADER = ["indicator_id", "area_code", "service_id", "period", "characteristic", "group", "value", "numerator",
          "denominator"]


def stream(*names):
    return Rng(SEED ^ zlib.crc32("|".join(names).encode("utf-8")))


def planted_effects():
    """Every planted effect, chosen by a fixed stride through organisations so each is easy to find."""
    effects = []
    services = sorted(SERVICES)
    for k in range(40):  # persistent gaps: 8 per service
        service = services[k % 5]
        indicator, polarity, _ = SERVICES[service][(k // 5) % 2]
        characteristic = "disability" if k % 3 else "sex"
        effects.append({"id": f"G{k + 1:02d}", "kind": "gap", "organisation": ORGANISATIONS[(7 * k + 3) % len(ORGANISATIONS)],
                        "service": service, "indicator": indicator, "characteristic": characteristic,
                        "group": WORSE_GROUP[characteristic], "sizes": [GAP] * 3, "polarity": polarity})
    for k in range(15):  # widening gaps: 3 per service
        service = services[k % 5]
        indicator, polarity, _ = SERVICES[service][(k // 5) % 2]
        effects.append({"id": f"W{k + 1:02d}", "kind": "widening",
                        "organisation": ORGANISATIONS[(11 * k + 160) % len(ORGANISATIONS)], "service": service,
                        "indicator": indicator, "characteristic": "disability", "group": "disabled",
                        "sizes": list(WIDENING), "polarity": polarity})
    for k in range(10):  # whole-population minimum-standard breaches in adult social care
        effects.append({"id": f"M{k + 1:02d}", "kind": "minimum_standard",
                        "organisation": ORGANISATIONS[(13 * k + 5) % len(ORGANISATIONS)], "service": "adult_social_care",
                        "indicator": "control_over_daily_life", "characteristic": "all", "group": "all",
                        "sizes": [0.0] * 3, "polarity": +1})
    for k in range(10):  # red-red: everyone's figure falls by 15 points in the latest period, no gap
        service = services[k % 5]
        choices = NO_STANDARD.get(service, [indicator for indicator, _, _ in SERVICES[service]])
        indicator = choices[(k // 5) % len(choices)]
        polarity = next(p for name, p, _ in SERVICES[service] if name == indicator)
        effects.append({"id": f"D{k + 1:02d}", "kind": "red_red",
                        "organisation": ORGANISATIONS[(17 * k + 9) % len(ORGANISATIONS)], "service": service,
                        "indicator": indicator, "characteristic": "all", "group": "all",
                        "sizes": list(DECLINE), "polarity": polarity})
    # With the default 320 organisations every effect has its own organisation x service; a smaller batch
    # (benchmarks) keeps the first effect of each pair.
    kept, seen = [], set()
    for e in effects:
        if (e["organisation"], e["service"]) not in seen:
            seen.add((e["organisation"], e["service"]))
            kept.append(e)
    assert len(ORGANISATIONS) != 320 or len(kept) == len(effects), "planted effects share a service"
    return kept


# Organisations that report nothing for one service in the latest period (listed, never skipped).
ABSENT = [("R318", "libraries"), ("R319", "schools")]  # only with the default 320 organisations


def draw_count(rng, n, p):
    """A binomial count by the normal approximation (n >= 60 here), rounded and kept in 0..n."""
    p = min(max(p, 0.0), 1.0)
    k = int(math.floor(rng.normal(n * p, math.sqrt(n * p * (1 - p))) + 0.5))
    return min(max(k, 0), n)


def cells_for(rng, size, base, effect, period_index):
    """Counts per sex x disability cell: (sex, disability) -> (successes, n)."""
    cells = {}
    for sex, sex_share in SHARES["sex"].items():
        for disability, dis_share in SHARES["disability"].items():
            value = base
            if effect is not None and {"sex": sex, "disability": disability}.get(effect["characteristic"]) == effect["group"]:
                value -= effect["polarity"] * effect["sizes"][period_index]
            if effect is not None and effect["kind"] == "red_red":  # every group alike: no gap
                value -= effect["polarity"] * effect["sizes"][period_index]
            n = int(round(size * sex_share * dis_share))
            cells[(sex, disability)] = (draw_count(rng, n, value / 100.0), n)
    return cells


def margins(cells):
    out = {("all", "all"): [0, 0]}
    for (sex, disability), (k, n) in cells.items():
        for key in (("all", "all"), ("sex", sex), ("disability", disability)):
            out.setdefault(key, [0, 0])
            out[key][0] += k
            out[key][1] += n
    order = [("all", "all"), ("sex", "female"), ("sex", "male"), ("disability", "disabled"),
             ("disability", "not_disabled")]
    return [(key, out[key][0], out[key][1]) for key in order]


def generate():
    effects = planted_effects()
    by_key = {(e["organisation"], e["service"]): e for e in effects}
    rows, observed = [], {}
    for organisation in ORGANISATIONS:
        for service in sorted(SERVICES):
            size = 900 + int(stream(organisation, service, "size").random() * 700)  # respondents per period
            effect = by_key.get((organisation, service))
            for p, period in enumerate(PERIODS):
                if (organisation, service) in ABSENT and p == len(PERIODS) - 1:
                    continue
                for indicator, _, bases in SERVICES[service]:
                    rng = stream(organisation, service, period, indicator)
                    base = bases[p]
                    own = effect if effect is not None and effect["indicator"] == indicator else None
                    if own is not None and own["kind"] == "minimum_standard":
                        base = BREACH_BASE
                    for (characteristic, group), k, n in margins(cells_for(rng, size, base, own, p)):
                        rows.append([indicator, organisation, service, period, characteristic, group,
                                     f"{100.0 * k / n:.2f}", str(k), str(n)])
                        observed[(organisation, service, indicator, period, characteristic, group)] = (k, n)
    rows.extend(national_rows(observed))
    return effects, rows, observed


def national_rows(observed):
    """The benchmark: whole-population rows of all organisations together, per service, indicator, period
    (stored in observed under the area NATIONAL as well)."""
    totals = {}
    for (organisation, service, indicator, period, characteristic, group), (k, n) in observed.items():
        if characteristic == "all":
            total = totals.setdefault((service, indicator, period), [0, 0])
            total[0] += k
            total[1] += n
    rows = []
    for service in sorted(SERVICES):
        for period in PERIODS:
            for indicator, _, _ in SERVICES[service]:
                k, n = totals[(service, indicator, period)]
                observed[(NATIONAL, service, indicator, period, "all", "all")] = (k, n)
                rows.append([indicator, NATIONAL, service, period, "all", "all", f"{100.0 * k / n:.2f}", str(k),
                             str(n)])
    return rows


def z_gap(observed, e, period, reference):
    k1, n1 = observed[(e["organisation"], e["service"], e["indicator"], period, e["characteristic"], e["group"])]
    k0, n0 = observed[(e["organisation"], e["service"], e["indicator"], period, e["characteristic"], reference)]
    p1, p0 = k1 / n1, k0 / n0
    return 100 * (p1 - p0), (p1 - p0) / math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)


def check_and_list(effects, observed):
    """One row per planted effect in the audited period (2024/25), with what was observed; raises if an
    effect is not clearly visible."""
    latest, before = PERIODS[-1], PERIODS[-2]
    reference = {"sex": "male", "disability": "not_disabled"}
    out = []
    for e in effects:
        if e["kind"] == "red_red":
            k1, n1 = observed[(e["organisation"], e["service"], e["indicator"], latest, "all", "all")]
            k0, n0 = observed[(e["organisation"], e["service"], e["indicator"], before, "all", "all")]
            kb, nb = observed[(NATIONAL, e["service"], e["indicator"], latest, "all", "all")]
            p1, p0, pb = k1 / n1, k0 / n0, kb / nb
            se1 = math.sqrt(p1 * (1 - p1) / n1)
            z_fall = (p1 - p0) / math.sqrt(se1 ** 2 + p0 * (1 - p0) / n0)
            z_benchmark = (p1 - pb) / se1  # the benchmark is taken as fixed (Fingertips method)
            assert -e["polarity"] * z_fall > 5 and -e["polarity"] * z_benchmark > 5, (e, z_fall, z_benchmark)
            out.append([e["id"], e["kind"], e["organisation"], e["service"], e["indicator"], latest, "all", "all",
                        "red_red", f"{e['sizes'][-1]:.1f}", f"{100 * (p1 - p0):.2f}", f"{z_fall:.2f}"])
            continue
        if e["kind"] == "minimum_standard":
            k, n = observed[(e["organisation"], e["service"], e["indicator"], latest, "all", "all")]
            value = 100 * k / n
            se = 100 * math.sqrt(value / 100 * (1 - value / 100) / n)
            assert (70 - value) / se > 5, e
            out.append([e["id"], e["kind"], e["organisation"], e["service"], e["indicator"], latest, "all", "all",
                        "below_minimum_standard", f"{BREACH_BASE:.1f}", f"{value:.2f}", f"{(value - 70) / se:.2f}"])
            continue
        difference, z = z_gap(observed, e, latest, reference[e["characteristic"]])
        assert -e["polarity"] * z > 5, (e, z)
        expected = "significant_worse_gap"
        if e["kind"] == "widening":
            d0, _ = z_gap(observed, e, before, reference[e["characteristic"]])
            se = abs(difference / z) * math.sqrt(2)  # gap SEs of the two periods are about equal
            assert -e["polarity"] * (difference - d0) / se > 5, (e, difference, d0)
            expected = "significant_worse_gap;widening"
        out.append([e["id"], e["kind"], e["organisation"], e["service"], e["indicator"], latest,
                    e["characteristic"], e["group"], expected, f"{e['sizes'][-1]:.1f}", f"{difference:.2f}",
                    f"{z:.2f}"])
    return out


def render(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    global ORGANISATIONS
    count = int(option("--organisations", "320"))
    if count != 320:
        width = max(3, len(str(count)))
        ORGANISATIONS = [f"R{n:0{width}d}" for n in range(1, count + 1)]
    effects, rows, observed = generate()
    planted = check_and_list(effects, observed)
    here = Path(option("--out", Path(__file__).resolve().parent / "regulator"))
    files = {
        here / "evidence.csv": render(HEADER, rows),
        here / "planted_effects.csv": render(
            ["effect_id", "kind", "organisation", "service_id", "indicator_id", "period", "characteristic",
             "group", "expected_flags", "planted_size", "observed_difference", "observed_z"], planted),
    }
    if "--check" in sys.argv:
        stale = [str(p) for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("out of date: " + ", ".join(stale))
            return 1
        print("regulator dataset is up to date")
        return 0
    here.mkdir(exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8", newline="")
    print(f"wrote {len(rows)} evidence rows and {len(planted)} planted effects to {here}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
