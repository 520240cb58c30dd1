# SPDX-License-Identifier: Apache-2.0
"""The invented world behind the SYNTHETIC Northshire County Council dataset: who uses each service, which
indicators each service reports, and the true group differences planted in them (see README.md).

Effects are additive on the indicator's own scale (percentage points for proportions, scale points for
scores, rate units for rates): a person's true value is the indicator's base for the period plus the
offset of each of their groups. Groups with no listed offset share the base, so any difference seen for
them in the output is sampling noise only. Characteristics are drawn independently of one another, so a
planted difference appears undiluted in that characteristic's margin.
"""

from sampling import byar_interval, t_quantile, wilson_interval

AREA_CODE = "E10999999"  # fictional: the E10 (county) series has no 999999
PERIODS = ["2022/23", "2023/24", "2024/25"]

# Code lists, as in indicators/characteristics.ini (ethnicity at the 5-group level the surveys publish).
CHARACTERISTICS = {
    "sex": ["female", "male"],
    "age": ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"],
    "disability": ["disabled", "not_disabled"],
    "ethnicity_5": ["asian", "black", "mixed", "white", "other"],
    "imd_quintile": ["1", "2", "3", "4", "5"],
}
ADULT = ["sex", "age", "disability", "ethnicity_5", "imd_quintile"]
PUPIL = ["sex", "disability", "ethnicity_5", "imd_quintile"]  # one year group: age says nothing

_ETHNICITY = {"asian": 0.075, "black": 0.035, "mixed": 0.03, "white": 0.845, "other": 0.015}
_IMD = {"1": 0.18, "2": 0.20, "3": 0.21, "4": 0.21, "5": 0.20}
_RESIDENTS = {
    "sex": {"female": 0.51, "male": 0.49},
    "age": {"16-24": 0.13, "25-34": 0.15, "35-44": 0.15, "45-54": 0.16, "55-64": 0.16, "65-74": 0.13,
            "75+": 0.12},
    "disability": {"disabled": 0.22, "not_disabled": 0.78},
    "ethnicity_5": _ETHNICITY,
    "imd_quintile": _IMD,
}

# Who each service's evidence is about. Shares are the population_share column.
POPULATIONS = {
    "adult_social_care": dict(_RESIDENTS, **{
        "sex": {"female": 0.60, "male": 0.40},
        "age": {"16-24": 0.04, "25-34": 0.05, "35-44": 0.06, "45-54": 0.09, "55-64": 0.13, "65-74": 0.18,
                "75+": 0.45},
        "disability": {"disabled": 0.72, "not_disabled": 0.28},
        "imd_quintile": {"1": 0.26, "2": 0.23, "3": 0.19, "4": 0.17, "5": 0.15},
    }),
    "housing": dict(_RESIDENTS, **{
        "disability": {"disabled": 0.30, "not_disabled": 0.70},
        "ethnicity_5": {"asian": 0.10, "black": 0.06, "mixed": 0.035, "white": 0.79, "other": 0.015},
        "imd_quintile": {"1": 0.34, "2": 0.26, "3": 0.18, "4": 0.13, "5": 0.09},
    }),
    "libraries": dict(_RESIDENTS),
    "schools": {
        "sex": {"female": 0.49, "male": 0.51},
        "disability": {"disabled": 0.15, "not_disabled": 0.85},  # pupils with SEN support or an EHC plan
        "ethnicity_5": {"asian": 0.10, "black": 0.06, "mixed": 0.06, "white": 0.76, "other": 0.02},
        "imd_quintile": _IMD,
    },
    "community_safety": dict(_RESIDENTS),
}

# survey_n: respondents to the service's own survey per period; a smaller libraries survey makes the
# small cells (n < 10, counts 1-4) that disclosure control must catch.
SERVICES = {
    "adult_social_care": {"survey_n": [1400, 1350, 1420]},
    "housing": {"survey_n": [2400, 2350, 2450]},
    "libraries": {"survey_n": [420, 400, 380]},
    "schools": {"survey_n": [2200, 2150, 2250]},
    "community_safety": {"survey_n": [2400, 2350, 2450]},
}


class Indicator:
    """One indicator as reported by one service. kind: proportion (percent, survey yes/no), mean (survey
    score) or rate (administrative count over the resident population, per `multiplier`)."""

    def __init__(self, indicator_id, kind, base, effects=None, characteristics=ADULT, response_rate=0.97,
                 sd=None, clip=(0, 10), integer_answers=True, multiplier=1000, population_size=None,
                 own_sample=None):
        self.id = indicator_id
        self.kind = kind
        self.base = base
        self.effects = effects or {}
        self.characteristics = characteristics
        self.response_rate = response_rate
        self.sd = sd
        self.clip = clip
        self.integer_answers = integer_answers
        self.multiplier = multiplier
        self.population_size = population_size
        self.own_sample = own_sample  # a separate, larger base (e.g. a whole exam cohort)

    def true_value(self, population, characteristic, group, period_index):
        """The planted (noise-free) value of a group: base, plus the group's own offset, plus the
        population-weighted mean offset of every other characteristic (drawn independently)."""
        value = self.base[period_index]
        for other, effects in self.effects.items():
            if other == characteristic:
                value += _offset(effects.get(group), period_index)
                continue
            for other_group, share in population[other].items():
                value += share * _offset(effects.get(other_group), period_index)
        return value

    def summarise(self, service, period, characteristic, group, share, cell):
        row = {"indicator_id": self.id, "area_code": AREA_CODE, "service_id": service, "period": period,
               "characteristic": characteristic, "group": group,
               "population_share": _fmt(share, 4)}
        if cell is None or cell[0] == 0:
            row["note"] = "no respondents in this group"
            row["sample_size"] = "0" if self.kind != "rate" else ""
            return row
        if self.kind == "proportion":
            n, successes = cell[0], int(cell[1])
            p = successes / n
            lo, hi = wilson_interval(successes, n)
            row.update(value=_fmt(100 * p, 2), standard_error=_fmt(100 * (p * (1 - p) / n) ** 0.5, 3),
                       lower_ci=_fmt(100 * lo, 2), upper_ci=_fmt(100 * hi, 2), numerator=str(successes),
                       denominator=str(n), sample_size=str(n))
        elif self.kind == "mean":
            n, total, squares = cell
            mean = total / n
            sd = ((squares - n * mean * mean) / (n - 1)) ** 0.5 if n > 1 else None
            row.update(value=_fmt(mean, 3), sample_size=str(n))
            if sd is not None:
                se = sd / n ** 0.5
                half = t_quantile(n - 1) * se
                row.update(standard_error=_fmt(se, 4), lower_ci=_fmt(mean - half, 3),
                           upper_ci=_fmt(mean + half, 3))
            else:
                row["note"] = "one respondent: no standard error"
        else:
            people, count = cell
            lo, hi = byar_interval(count)
            scale = self.multiplier / people
            row.update(value=_fmt(count * scale, 3), standard_error=_fmt(count ** 0.5 * scale, 4),
                       lower_ci=_fmt(lo * scale, 3), upper_ci=_fmt(hi * scale, 3), numerator=str(count),
                       denominator=str(int(people)))
        return row


def _offset(offset, period_index):
    if offset is None:
        return 0.0
    return offset[period_index] if isinstance(offset, (list, tuple)) else offset


def _fmt(value, places):
    text = f"{value:.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _gradient(*offsets):
    """IMD quintile offsets, quintile 1 (most deprived) first."""
    return {str(q + 1): offset for q, offset in enumerate(offsets)}


# --------------------------------------------------------------------------------------------------
# The indicator table. Every id exists in indicators/<domain>.ini (checked by tests and by
# `capeq validate`); proportions are in percent, rates use the catalogue's multiplier, scores its scale.
# Comments marked PLANTED describe effects listed in README.md and planted_effects.csv.
# --------------------------------------------------------------------------------------------------
def _indicators():
    return {
        "adult_social_care": [
            # PLANTED P1 (and M1): disabled users 20 points less likely to have control over daily life;
            # disabled users fall below the catalogue's minimum standard of 70%.
            Indicator("control_over_daily_life", "proportion", [78.0, 78.5, 79.0],
                      {"disability": {"disabled": -14.0, "not_disabled": 6.0}}),
            # PLANTED P2: Asian users 20 points less likely to say care helps them feel better about
            # themselves, from 2023/24 on (no gap in 2022/23).
            Indicator("social_care_dignity", "proportion", [62.0, 62.0, 62.5],
                      {"ethnicity_5": {"asian": [0.0, -20.0, -20.0]}}),
            Indicator("involved_in_care_decisions", "proportion", [80.0, 81.0, 82.0], {"age": {"75+": -4.0}}),
            # PLANTED P3: users aged 75+ least likely to have as much social contact as they want.
            Indicator("social_care_users_social_contact", "proportion", [44.0, 45.0, 46.0],
                      {"age": {"16-24": 6.0, "25-34": 6.0, "35-44": 5.0, "45-54": 4.0, "55-64": 3.0,
                               "65-74": 0.0, "75+": -14.0}}),
            # PLANTED M2: users aged 16-24 below the minimum standard (80%) for being treated with respect.
            Indicator("treated_with_respect_services", "proportion", [86.0, 86.0, 86.5],
                      {"age": {"16-24": -22.0}}),
            Indicator("good_general_health", "proportion", [32.0, 31.0, 31.5],
                      {"disability": {"disabled": -8.0, "not_disabled": 20.0},
                       "imd_quintile": _gradient(-6, -3, 0, 2, 4)}),
            Indicator("life_satisfaction_mean", "mean", [6.1, 6.2, 6.2], {"disability": {"disabled": -0.3}},
                      sd=2.1, clip=(0, 10)),
            Indicator("lonely_often_always", "proportion", [14.0, 13.0, 13.0], {"age": {"75+": 4.0}}),
            Indicator("direct_payments_uptake", "proportion", [27.0, 28.0, 29.0],
                      {"imd_quintile": _gradient(-5, -2, 0, 2, 3)}),
            Indicator("carer_satisfaction_support", "proportion", [38.0, 37.0, 37.5]),
            Indicator("complaint_listened_to", "proportion", [52.0, 53.0, 54.0], response_rate=0.30),
        ],
        "housing": [
            # PLANTED P4: a widening ethnicity gap in overcrowding (lower is better).
            Indicator("overcrowding", "proportion", [6.0, 6.0, 6.0],
                      {"ethnicity_5": {"asian": [8.0, 13.0, 18.0], "black": [8.0, 14.0, 20.0]},
                       "imd_quintile": _gradient(3, 1, 0, -1, -2)},
                      response_rate=1.0, own_sample=[9000, 9100, 9200]),  # housing register, not the survey
            Indicator("low_income_ahc", "proportion", [22.0, 23.0, 23.5],
                      {"imd_quintile": _gradient(12, 6, 0, -6, -10), "disability": {"disabled": 7.0}}),
            Indicator("material_deprivation", "proportion", [14.0, 15.5, 15.0],
                      {"imd_quintile": _gradient(6, 3, 0, -3, -5)}),
            Indicator("homelessness_main_duty_rate", "rate", [3.2, 3.5, 3.9],
                      {"age": {"16-24": 4.0, "25-34": 1.5}, "disability": {"disabled": 1.5}},
                      multiplier=1000, population_size=350000),
            Indicator("discrimination_public_services", "proportion", [6.0, 6.0, 6.5],
                      {"ethnicity_5": {"black": 5.0, "asian": 3.0}}),
            # PLANTED P5: disabled tenants who complained 18 points less likely to feel listened to.
            Indicator("complaint_listened_to", "proportion", [50.0, 50.0, 51.0],
                      {"disability": {"disabled": -12.6, "not_disabled": 5.4}}, response_rate=0.40),
            Indicator("treated_with_respect_services", "proportion", [83.0, 83.5, 84.0]),
            Indicator("someone_to_rely_on", "proportion", [84.0, 84.0, 84.5]),
            Indicator("belonging_neighbourhood", "proportion", [58.0, 58.0, 59.0]),
        ],
        "libraries": [
            # PLANTED NULL N1: no difference at all by sex in being treated with respect by library staff.
            Indicator("treated_with_respect_services", "proportion", [90.0, 90.0, 90.5],
                      {"age": {"16-24": -5.0}}),
            Indicator("internet_use_recent", "proportion", [89.0, 90.0, 91.0],
                      {"age": {"16-24": 9.0, "25-34": 8.0, "35-44": 7.0, "45-54": 4.0, "55-64": -3.0,
                               "65-74": -10.0, "75+": -30.0}}),
            Indicator("adult_learning_participation", "proportion", [18.0, 19.0, 20.0],
                      {"imd_quintile": _gradient(-6, -3, 0, 3, 6)}),
            Indicator("lonely_often_always", "proportion", [7.0, 7.5, 7.0], {"disability": {"disabled": 6.0}}),
            Indicator("formal_volunteering_monthly", "proportion", [21.0, 20.0, 19.0]),
            Indicator("can_influence_local_decisions", "proportion", [27.0, 26.0, 25.0]),
            Indicator("belonging_neighbourhood", "proportion", [64.0, 64.0, 65.0]),
            Indicator("satisfied_leisure_time", "proportion", [70.0, 70.0, 71.0]),
            Indicator("civic_participation", "proportion", [33.0, 32.0, 33.0]),
        ],
        "schools": [
            # PLANTED P6: a steep IMD gradient in attainment at 16, whole cohort, every period.
            Indicator("attainment_age16", "proportion", [65.0, 64.0, 65.0],
                      {"imd_quintile": _gradient(-20.0, -9.0, 1.0, 10.0, 18.0),
                       "disability": {"disabled": -25.0, "not_disabled": 4.4}},
                      characteristics=PUPIL, response_rate=1.0, own_sample=[6400, 6500, 6450]),
            Indicator("good_level_development_age5", "proportion", [66.0, 67.0, 67.5],
                      {"imd_quintile": _gradient(-8, -4, 0, 3, 6), "sex": {"female": 5.0, "male": -4.8}},
                      characteristics=PUPIL, response_rate=1.0, own_sample=[6900, 6800, 6700]),
            # PLANTED P7: Black pupils' permanent exclusion rate well above others in 2022/23; the gap
            # narrows each year until it is no longer clear in 2024/25.
            Indicator("permanent_exclusion_rate", "rate", [1.0, 1.0, 1.0],
                      {"ethnicity_5": {"black": [4.0, 2.5, 0.2]}, "disability": {"disabled": 2.0}},
                      characteristics=PUPIL, multiplier=1000, population_size=115000),
            Indicator("suspension_rate", "rate", [9.0, 9.5, 10.0], {"disability": {"disabled": 9.0}},
                      characteristics=PUPIL, multiplier=100, population_size=115000),
            Indicator("bullied_at_school", "proportion", [17.0, 16.5, 16.0], {"disability": {"disabled": 10.0}},
                      characteristics=PUPIL),
            Indicator("pupil_views_listened_to", "proportion", [48.0, 50.0, 51.0], characteristics=PUPIL),
            Indicator("first_preference_school", "proportion", [82.0, 81.0, 82.0],
                      {"imd_quintile": _gradient(-4, -2, 0, 1, 2)}, characteristics=PUPIL, response_rate=1.0,
                      own_sample=[7100, 7150, 7200]),
            Indicator("neet_16_24", "proportion", [5.5, 5.3, 5.0], {"disability": {"disabled": 6.0}},
                      characteristics=PUPIL),
            Indicator("poor_mental_wellbeing", "proportion", [18.0, 19.0, 18.5],
                      {"sex": {"female": 4.0, "male": -3.8}}, characteristics=PUPIL),
        ],
        "community_safety": [
            Indicator("violent_crime_victim", "proportion", [1.9, 1.8, 1.8], {"age": {"16-24": 2.5, "75+": -1.0}}),
            Indicator("domestic_abuse_victim", "proportion", [5.0, 4.8, 4.7], {"sex": {"female": 2.2, "male": -2.3}}),
            Indicator("very_worried_violent_crime", "proportion", [9.0, 9.5, 9.5],
                      {"sex": {"female": 3.0, "male": -3.1}}),
            # PLANTED P8: disabled residents 28 points less likely to feel safe walking alone after dark.
            Indicator("safe_walking_after_dark", "proportion", [72.0, 72.0, 73.0],
                      {"disability": {"disabled": -22.0, "not_disabled": 6.0},
                       "sex": {"female": -8.0, "male": 8.3}}),
            # PLANTED P9: Black residents 25 points less likely to say the police treat everyone fairly.
            Indicator("police_treat_fairly", "proportion", [64.0, 63.0, 63.0], {"ethnicity_5": {"black": -25.0}}),
            Indicator("confidence_cjs_fair", "proportion", [55.0, 55.0, 56.0], {"ethnicity_5": {"black": -8.0}}),
            # PLANTED P10: stop and search of Black residents about four times the rate for White residents.
            Indicator("stop_search_rate", "rate", [6.0, 6.0, 6.0],
                      {"ethnicity_5": {"black": 18.0}, "age": {"16-24": 10.0, "25-34": 4.0}},
                      multiplier=1000, population_size=665000),
            Indicator("police_use_of_force_rate", "rate", [3.0, 3.1, 3.2], {"ethnicity_5": {"black": 5.0}},
                      multiplier=1000, population_size=665000),
            Indicator("victim_satisfied_police", "proportion", [68.0, 67.0, 66.0], response_rate=0.22),
            Indicator("harassed_because_of_identity", "proportion", [3.0, 3.2, 3.5],
                      {"ethnicity_5": {"asian": 4.0, "black": 5.0, "mixed": 4.0, "other": 4.0}}),
            Indicator("avoided_places_fear", "proportion", [11.0, 11.5, 12.0], {"sex": {"female": 6.0, "male": -6.2}}),
        ],
    }


_TABLE = _indicators()

# Breakdowns a service did not collect in a period: the rows are absent (missing evidence is a finding).
NOT_COLLECTED = {
    ("libraries", "2022/23", "disability"),  # the disability question was added to the survey in 2023/24
}

# Single values that are missing: the row is present with empty numbers and this note.
BLANKED = {
    ("pupil_views_listened_to", "schools", "2024/25", "imd_quintile", "3"):
        "missing: home postcodes for this batch could not be matched to an IMD quintile",
    ("can_influence_local_decisions", "libraries", "2023/24", "ethnicity_5", "mixed"):
        "missing: responses lost in a data transfer",
    ("material_deprivation", "housing", "2022/23", "age", "75+"):
        "missing: not yet published for this period",
}


def service_indicators(service):
    return _TABLE[service]
