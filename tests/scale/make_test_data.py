#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the small deterministic microdata files of the scale tests (tests/scale/data/).

edge.csv         missing values (empty, listed codes, indicator-only codes), a text code with a quote, zero
                 weights, groups small enough to be suppressed, and values no group maps.
cancellation.csv values near 1e9 with weights near 1e5: sums of w^2 y^2 about a zero shift lose every digit
                 of the variance, so only the shifted sums give the right standard errors.
Usage: python3 tests/scale/make_test_data.py   (standard library only; same output every run)
"""
import os
import random

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def edge(rng):
    rows = ["id,wt,sex,age,eth,employed,y_bin,y_cont,score"]
    sexes = ["f", "female", "m", "male", "x'y", "refused", ""]
    ages = ["16-24", "25-34", "35-54", "55+", "-9"]
    eths = ["white"] * 10 + ["black"] * 3 + ["asian"] * 3 + ["other group", "roma"]
    for i in range(1, 601):
        sex = rng.choice(sexes) if rng.random() < 0.2 else rng.choice(["female", "male"])
        eth = "roma" if i % 150 == 0 else rng.choice(eths[:-1])
        weight = "0" if i % 97 == 0 else "%.2f" % rng.uniform(0.5, 3000.0)
        y_bin = rng.choice(["0", "1", "1", "2", "8", "-9", ""])
        y_cont = rng.choice(["", "-9", "99"]) if rng.random() < 0.08 else "%.3f" % rng.gauss(50.0, 12.0)
        score = "" if rng.random() < 0.05 else str(rng.randint(0, 10))
        rows.append(",".join([str(i), weight, sex, rng.choice(ages), eth, rng.choice(["yes", "no", ""]),
                              y_bin, y_cont, score]))
    return rows


def cancellation(rng):
    rows = ["id,w,sex,y"]
    for i in range(1, 2001):
        rows.append("%d,%.1f,%s,%.6f" % (i, rng.uniform(5e4, 1.5e5), rng.choice(["female", "male"]),
                                          1e9 + rng.gauss(0.0, 1.0)))
    return rows


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, make in (("edge.csv", edge), ("cancellation.csv", cancellation)):
        with open(os.path.join(HERE, name), "w", newline="\n") as out:
            out.write("\n".join(make(random.Random(20240611))) + "\n")


if __name__ == "__main__":
    main()
