// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace capeq::stats {

namespace {

constexpr double kEpsilon = 1e-15;
constexpr int kMaxIterations = 1000;

double polynomial(const double* coefficients, int count, double x) {
    double result = 0.0;
    for (int i = count - 1; i >= 0; --i)
        result = result * x + coefficients[i];
    return result;
}

// Series expansion of P(a, x); converges quickly for x < a + 1.
double gammaSeries(double a, double x) {
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon)
            break;
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Continued fraction for Q(a, x) = 1 - P(a, x) (modified Lentz); converges for x >= a + 1.
double gammaContinuedFraction(double a, double x) {
    constexpr double kTiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / kTiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = b + an / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

double betaContinuedFraction(double x, double a, double b) {
    constexpr double kTiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m < kMaxIterations; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return h;
}

// Upper tail P(T > t) for t >= 0, computed directly so small tails keep their relative precision.
double studentUpperTail(double t, double df) {
    const double x = df / (df + t * t);
    return 0.5 * regularizedBeta(x, 0.5 * df, 0.5);
}

double studentDensity(double t, double df) {
    const double logC =
        std::lgamma(0.5 * (df + 1.0)) - std::lgamma(0.5 * df) - 0.5 * std::log(df * std::numbers::pi);
    return std::exp(logC - 0.5 * (df + 1.0) * std::log1p(t * t / df));
}

} // namespace

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalQuantile(double p) {
    if (p == 0.0)
        return -std::numeric_limits<double>::infinity();
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();
    if (!(p > 0.0 && p < 1.0))
        throw std::invalid_argument("normalQuantile: probability must be in (0, 1)");
    // Wichura (1988), Algorithm AS 241 PPND16, Applied Statistics 37(3):477-484.
    static constexpr double a[] = {3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
                                   1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
                                   3.3430575583588128105e4, 2.5090809287301226727e3};
    static constexpr double b[] = {1.0,
                                   4.2313330701600911252e1,
                                   6.8718700749205790830e2,
                                   5.3941960214247511077e3,
                                   2.1213794301586595867e4,
                                   3.9307895800092710610e4,
                                   2.8729085735721942674e4,
                                   5.2264952788528545610e3};
    static constexpr double c[] = {1.42343711074968357734e0,  4.63033784615654529590e0,
                                   5.76949722146069140550e0,  3.64784832476320460504e0,
                                   1.27045825245236838258e0,  2.41780725177450611770e-1,
                                   2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static constexpr double d[] = {1.0,
                                   2.05319162663775882187e0,
                                   1.67638483018380384940e0,
                                   6.89767334985100004550e-1,
                                   1.48103976427480074590e-1,
                                   1.51986665636164571966e-2,
                                   5.47593808499534494600e-4,
                                   1.05075007164441684324e-9};
    static constexpr double e[] = {6.65790464350110377720e0,  5.46378491116411436990e0,
                                   1.78482653991729133580e0,  2.96560571828504891230e-1,
                                   2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                   2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static constexpr double f[] = {1.0,
                                   5.99832206555887937690e-1,
                                   1.36929880922735805310e-1,
                                   1.48753612908506148525e-2,
                                   7.86869131145613259100e-4,
                                   1.84631831751005468180e-5,
                                   1.42151175831644588870e-7,
                                   2.04426310338993978564e-15};
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q * polynomial(a, 8, r) / polynomial(b, 8, r);
    }
    double r = q < 0.0 ? p : 1.0 - p;
    r = std::sqrt(-std::log(r));
    double value = 0.0;
    if (r <= 5.0) {
        r -= 1.6;
        value = polynomial(c, 8, r) / polynomial(d, 8, r);
    } else {
        r -= 5.0;
        value = polynomial(e, 8, r) / polynomial(f, 8, r);
    }
    return q < 0.0 ? -value : value;
}

double zForLevel(double level) {
    if (!(level > 0.0 && level < 1.0))
        throw std::invalid_argument("confidence level must be in (0, 1), e.g. 0.95 or 0.998");
    return normalQuantile(1.0 - (1.0 - level) / 2.0);
}

double regularizedGammaP(double a, double x) {
    if (!(a > 0.0) || !(x >= 0.0))
        throw std::invalid_argument("regularizedGammaP: need a > 0 and x >= 0");
    if (x == 0.0)
        return 0.0;
    if (x < a + 1.0)
        return gammaSeries(a, x);
    return 1.0 - gammaContinuedFraction(a, x);
}

double gammaPInverse(double a, double p) {
    if (!(a > 0.0) || !(p >= 0.0 && p < 1.0))
        throw std::invalid_argument("gammaPInverse: need a > 0 and p in [0, 1)");
    if (p == 0.0)
        return 0.0;
    // Initial guess and Halley refinement after Press et al., Numerical Recipes 3rd ed. (2007), 6.2.1
    // (invgammp): Wilson-Hilferty for a > 1, a power-series start for a <= 1.
    const double gln = std::lgamma(a);
    const double a1 = a - 1.0;
    double lna1 = 0.0;
    double afac = 0.0;
    double x = 0.0;
    if (a > 1.0) {
        lna1 = std::log(a1);
        afac = std::exp(a1 * (lna1 - 1.0) - gln);
        const double pp = p < 0.5 ? p : 1.0 - p;
        const double t = std::sqrt(-2.0 * std::log(pp));
        double z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
        if (p < 0.5)
            z = -z;
        x = std::max(1e-3, a * std::pow(1.0 - 1.0 / (9.0 * a) - z / (3.0 * std::sqrt(a)), 3));
    } else {
        const double t = 1.0 - a * (0.253 + a * 0.12);
        x = p < t ? std::pow(p / t, 1.0 / a) : 1.0 - std::log(1.0 - (p - t) / (1.0 - t));
    }
    for (int j = 0; j < 100; ++j) {
        if (x <= 0.0)
            return 0.0;
        const double err = regularizedGammaP(a, x) - p;
        const double t = a > 1.0 ? afac * std::exp(-(x - a1) + a1 * (std::log(x) - lna1))
                                 : std::exp(-x + a1 * std::log(x) - gln);
        if (t == 0.0)
            break;
        const double u = err / t;
        const double step = u / (1.0 - 0.5 * std::min(1.0, u * ((a - 1.0) / x - 1.0)));
        x -= step;
        if (x <= 0.0)
            x = 0.5 * (x + step);
        if (std::fabs(step) < 1e-14 * x)
            break;
    }
    return x;
}

double chiSquareQuantile(double p, double df) {
    if (!(df >= 0.0))
        throw std::invalid_argument("chiSquareQuantile: degrees of freedom must be >= 0");
    if (df == 0.0)
        return 0.0;
    return 2.0 * gammaPInverse(0.5 * df, p);
}

double regularizedBeta(double x, double a, double b) {
    if (!(a > 0.0 && b > 0.0) || !(x >= 0.0 && x <= 1.0))
        throw std::invalid_argument("regularizedBeta: need a, b > 0 and x in [0, 1]");
    if (x == 0.0 || x == 1.0)
        return x;
    const double logFront =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(x, a, b) / a;
    return 1.0 - front * betaContinuedFraction(1.0 - x, b, a) / b;
}

double studentTCdf(double t, double df) {
    if (!(df > 0.0))
        throw std::invalid_argument("studentTCdf: degrees of freedom must be > 0");
    const double tail = studentUpperTail(std::fabs(t), df);
    return t >= 0.0 ? 1.0 - tail : tail;
}

double studentTQuantile(double p, double df) {
    if (!(p > 0.0 && p < 1.0) || !(df > 0.0))
        throw std::invalid_argument("studentTQuantile: need p in (0, 1) and df > 0");
    if (p == 0.5)
        return 0.0;
    // Solve upperTail(t) = q for t > 0, then restore the sign.
    const double q = p < 0.5 ? p : 1.0 - p;
    double lo = 0.0;
    double hi = std::max(1.0, -normalQuantile(q));
    while (studentUpperTail(hi, df) > q)
        hi *= 2.0;
    double t = 0.5 * (lo + hi);
    for (int i = 0; i < 200; ++i) {
        const double g = studentUpperTail(t, df) - q;
        if (g > 0.0)
            lo = t;
        else
            hi = t;
        // Newton step on the tail (its derivative is -density); fall back to bisection outside the bracket.
        double next = t + g / studentDensity(t, df);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (std::fabs(next - t) <= 1e-15 * std::max(1.0, std::fabs(t))) {
            t = next;
            break;
        }
        t = next;
    }
    return p < 0.5 ? -t : t;
}

} // namespace capeq::stats
