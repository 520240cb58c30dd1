# SPDX-License-Identifier: Apache-2.0
"""Random draws and confidence intervals for the SYNTHETIC dataset generators (standard library only).

Only random.Random.random() is used for randomness: it is the one method CPython promises will give the
same sequence for the same integer seed across versions. Every other distribution is built on it here.
"""

import math
import random

Z95 = 1.959963984540054


class Rng:
    """A reproducible stream of draws."""

    def __init__(self, seed):
        self._random = random.Random(seed)
        self._spare = None

    def random(self):
        return self._random.random()

    def normal(self, mean, sd):
        # Box-Muller, keeping the second value of each pair.
        if self._spare is None:
            u1 = 1.0 - self._random.random()  # (0, 1]: log(0) is impossible
            u2 = self._random.random()
            radius = math.sqrt(-2.0 * math.log(u1))
            self._spare = radius * math.sin(2.0 * math.pi * u2)
            return mean + sd * radius * math.cos(2.0 * math.pi * u2)
        value, self._spare = self._spare, None
        return mean + sd * value

    def categorical(self, shares):
        """A key of shares (a dict key -> probability, in insertion order) drawn with those odds."""
        u = self._random.random() * sum(shares.values())
        cumulative = 0.0
        last = None
        for key, share in shares.items():
            cumulative += share
            last = key
            if u < cumulative:
                return key
        return last

    def poisson(self, mean):
        if mean <= 0:
            return 0
        if mean < 30:
            # Knuth's product-of-uniforms method: exact, fine for small means.
            limit = math.exp(-mean)
            count, product = 0, self._random.random()
            while product > limit:
                count += 1
                product *= self._random.random()
            return count
        # Large means: normal approximation with continuity correction is accurate to well under 1%.
        return max(0, int(math.floor(self.normal(mean, math.sqrt(mean)) + 0.5)))


def wilson_interval(successes, trials, z=Z95):
    """Wilson score interval for a proportion, as fractions 0..1 (Wilson 1927; Newcombe 1998 method 3)."""
    if trials <= 0:
        return None, None
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def byar_interval(count, z=Z95):
    """Byar's approximation to the exact Poisson interval for a count (Breslow and Day 1987), as counts."""
    if count < 0:
        return None, None
    lower = 0.0
    if count > 0:
        lower = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper_base = count + 1
    upper = upper_base * (1 - 1 / (9 * upper_base) + z / (3 * math.sqrt(upper_base))) ** 3
    return max(0.0, lower), upper


# Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom (standard tables).
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
         2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
         2.052, 2.048, 2.045, 2.042]


def t_quantile(df):
    """The 97.5% quantile of t with df degrees of freedom (for a 95% interval around a mean)."""
    if df < 1:
        return None
    if df <= 30:
        return _T975[df - 1]
    # Beyond the table, the first two terms of the Cornish-Fisher expansion are accurate to 1e-3.
    return Z95 + (Z95 ** 3 + Z95) / (4 * df)
