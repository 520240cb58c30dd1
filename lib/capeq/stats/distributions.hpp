// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace capeq::stats {

/// Standard normal CDF Phi(x); exact to double precision (via erfc).
double normalCdf(double x);
/// Standard normal quantile Phi^-1(p), Wichura's AS 241 (relative error about 1e-16).
/// p must lie in (0, 1); p = 0 or 1 gives -inf/+inf; anything else throws std::invalid_argument.
double normalQuantile(double p);
/// Two-sided normal critical value for a confidence level in (0, 1): 0.95 -> 1.959963984540054.
/// Throws std::invalid_argument for a level outside (0, 1).
double zForLevel(double level);

/// Regularised lower incomplete gamma P(a, x) for a > 0, x >= 0 (series / continued fraction).
/// Throws std::invalid_argument for a <= 0 or x < 0.
double regularizedGammaP(double a, double x);
/// Inverse of P(a, .): the x >= 0 with P(a, x) = p, for a > 0 and p in [0, 1); about 1e-13 relative.
/// Throws std::invalid_argument outside those ranges.
double gammaPInverse(double a, double p);
/// Chi-square quantile with df >= 0 degrees of freedom (df = 0 is the point mass at 0): 2 * gammaPInverse.
double chiSquareQuantile(double p, double df);

/// Regularised incomplete beta I_x(a, b) for a, b > 0 and x in [0, 1] (Lentz continued fraction).
double regularizedBeta(double x, double a, double b);
/// Student t CDF with df > 0 degrees of freedom.
double studentTCdf(double t, double df);
/// Student t quantile for p in (0, 1) and df > 0 (bracketed Newton on the CDF; about 1e-13 relative).
/// Throws std::invalid_argument outside those ranges.
double studentTQuantile(double p, double df);

} // namespace capeq::stats
