# SPDX-License-Identifier: Apache-2.0
"""The effects planted in the SYNTHETIC Northshire data, and a check that the generated numbers show them.

generate.py refuses to write a dataset in which a planted effect is not visible as described (or in which
the planted null shows a significant gap), and writes planted_effects.csv so tests can compare CapEq's
findings with what was planted, period by period.
"""

import csv
import io

from council_model import PERIODS, POPULATIONS, service_indicators

Z95 = 1.959963984540054

# id, service, indicator, characteristic, group, reference group (None: against minimum standard),
# polarity of the indicator, expected class per period, expected change over the three periods,
# minimum standard (for M effects), and a sentence for README.md.
PLANTED = [
    ("P1", "adult_social_care", "control_over_daily_life", "disability", "disabled", "not_disabled",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Disabled service users are 20 points less likely to have control over their daily life"),
    ("M1", "adult_social_care", "control_over_daily_life", "disability", "disabled", None,
     "higher_is_better", ["below_minimum_standard"] * 3, "stable", 70.0,
     "Disabled service users are below the 70% minimum standard for control over daily life"),
    ("P2", "adult_social_care", "social_care_dignity", "ethnicity_5", "asian", "white",
     "higher_is_better", ["similar", "worse", "worse"], "emerging", None,
     "Asian service users are 20 points less likely to say care helps them feel better about themselves, "
     "from 2023/24 (no gap in 2022/23)"),
    ("P3", "adult_social_care", "social_care_users_social_contact", "age", "75+", "55-64",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Service users aged 75+ are 17 points less likely than those aged 55-64 to have as much social "
     "contact as they want"),
    ("M2", "adult_social_care", "treated_with_respect_services", "age", "16-24", None,
     "higher_is_better", ["below_minimum_standard"] * 3, "stable", 80.0,
     "Service users aged 16-24 are below the 80% minimum standard for being treated with respect"),
    ("P4a", "housing", "overcrowding", "ethnicity_5", "asian", "white",
     "lower_is_better", ["worse"] * 3, "widening", None,
     "Overcrowding among Asian households exceeds White households by 8, 13 and 18 points (widening)"),
    ("P4b", "housing", "overcrowding", "ethnicity_5", "black", "white",
     "lower_is_better", ["worse"] * 3, "widening", None,
     "Overcrowding among Black households exceeds White households by 8, 14 and 20 points (widening)"),
    ("P5", "housing", "complaint_listened_to", "disability", "disabled", "not_disabled",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Disabled tenants who complained are 18 points less likely to feel listened to"),
    ("N1", "libraries", "treated_with_respect_services", "sex", "female", "male",
     "higher_is_better", ["similar"] * 3, "stable", None,
     "PLANTED NULL: women and men are equally likely to feel treated with respect by library staff"),
    ("P6", "schools", "attainment_age16", "imd_quintile", "1", "5",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Attainment at 16 rises steeply with IMD quintile: the most deprived fifth is 38 points below the "
     "least deprived (gradient -20, -9, +1, +10, +18 around the base)"),
    ("P7", "schools", "permanent_exclusion_rate", "ethnicity_5", "black", "white",
     "lower_is_better", ["worse", "worse", "similar"], "narrowing", None,
     "Black pupils' permanent exclusion rate is 4.0, 2.5 and 0.2 per 1,000 above White pupils' "
     "(narrowing until no clear gap in 2024/25)"),
    ("P8", "community_safety", "safe_walking_after_dark", "disability", "disabled", "not_disabled",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Disabled residents are 28 points less likely to feel safe walking alone after dark"),
    ("P9", "community_safety", "police_treat_fairly", "ethnicity_5", "black", "white",
     "higher_is_better", ["worse"] * 3, "stable", None,
     "Black residents are 25 points less likely to say the police treat everyone fairly"),
    ("P10", "community_safety", "stop_search_rate", "ethnicity_5", "black", "white",
     "lower_is_better", ["worse"] * 3, "stable", None,
     "Black residents are stopped and searched at about 3.3 times the rate of White residents"),
]

COLUMNS = ["effect_id", "service_id", "indicator_id", "period", "characteristic", "group", "reference_group",
           "minimum_standard", "planted_group_value", "planted_reference_value", "observed_group_value",
           "observed_reference_value", "observed_difference", "observed_z", "expected", "observed",
           "expected_change", "observed_change", "observed_change_z", "description"]


def _index(rows):
    return {(r["service_id"], r["indicator_id"], r["period"], r["characteristic"], r["group"]): r for r in rows}


def _classify(difference, z, polarity):
    if abs(z) < Z95:
        return "similar"
    worse = difference < 0 if polarity == "higher_is_better" else difference > 0
    return "worse" if worse else "better"


def check_and_describe(rows):
    """Rows of planted_effects.csv; raises ValueError when the data does not show a planted effect."""
    by_key = _index(rows)
    out = []
    problems = []
    for (effect, service, indicator_id, characteristic, group, reference, polarity, expected, change,
         standard, text) in PLANTED:
        indicator = next(i for i in service_indicators(service) if i.id == indicator_id)
        population = POPULATIONS[service]
        for p, period in enumerate(PERIODS):
            g = by_key[(service, indicator_id, period, characteristic, group)]
            row = {"effect_id": effect, "service_id": service, "indicator_id": indicator_id, "period": period,
                   "characteristic": characteristic, "group": group, "reference_group": reference or "",
                   "minimum_standard": "" if standard is None else f"{standard:g}",
                   "planted_group_value": f"{indicator.true_value(population, characteristic, group, p):.2f}",
                   "observed_group_value": g["value"], "expected": expected[p], "expected_change": change,
                   "description": text}
            if reference is None:
                below = float(g["value"]) < standard if polarity == "higher_is_better" else float(g["value"]) > standard
                observed = "below_minimum_standard" if below else "meets_minimum_standard"
            else:
                r = by_key[(service, indicator_id, period, characteristic, reference)]
                difference = float(g["value"]) - float(r["value"])
                z = difference / (float(g["standard_error"]) ** 2 + float(r["standard_error"]) ** 2) ** 0.5
                observed = _classify(difference, z, polarity)
                row.update(planted_reference_value=f"{indicator.true_value(population, characteristic, reference, p):.2f}",
                           observed_reference_value=r["value"], observed_difference=f"{difference:.2f}",
                           observed_z=f"{z:.2f}")
            row["observed"] = observed
            if observed != expected[p]:
                problems.append(f"{effect} {period}: expected {expected[p]}, data shows {observed}")
            out.append(row)
        if change in ("widening", "narrowing"):
            problems += _check_change(out[-len(PERIODS):], polarity, change, by_key)
    if problems:
        raise ValueError("planted effects not visible in the generated data:\n  " + "\n  ".join(problems))
    return out


def _gap(row, by_key, period):
    key = (row["service_id"], row["indicator_id"], period, row["characteristic"])
    g, r = by_key[key + (row["group"],)], by_key[key + (row["reference_group"],)]
    se = (float(g["standard_error"]) ** 2 + float(r["standard_error"]) ** 2) ** 0.5
    return float(g["value"]) - float(r["value"]), se


def _check_change(effect_rows, polarity, change, by_key):
    """The gap between the first and last period must have changed significantly in the planted direction
    (a gap is group minus reference; it grows worse upwards for lower-is-better indicators)."""
    first, last = effect_rows[0], effect_rows[-1]
    gap_first, se_first = _gap(first, by_key, first["period"])
    gap_last, se_last = _gap(last, by_key, last["period"])
    delta = gap_last - gap_first
    z = delta / (se_first ** 2 + se_last ** 2) ** 0.5
    worse = z >= Z95 if polarity == "lower_is_better" else z <= -Z95
    better = z <= -Z95 if polarity == "lower_is_better" else z >= Z95
    observed = "widening" if worse else "narrowing" if better else "no_significant_change"
    for row in effect_rows:
        row.update(observed_change=observed if row is last else "", observed_change_z=f"{z:.2f}" if row is last else "")
    if observed != change:
        return [f"{first['effect_id']} {first['period']} to {last['period']}: expected {change}, data shows {observed}"]
    return []


def write_planted(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in check_and_describe(rows):
        writer.writerow(row)
    return buffer.getvalue()
