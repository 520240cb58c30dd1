// SPDX-License-Identifier: Apache-2.0
// Summary measures for non-ordered characteristics (WHO HEAT technical notes, chapter 3; healthequal).
#include <capeq/stats/simulation.hpp>
#include <capeq/stats/summary_measures.hpp>

#include <algorithm>
#include <cmath>

namespace capeq::stats {

namespace {

struct MeasureName {
    const char* id;
    const char* name;
};

constexpr MeasureName kUnorderedMeasures[] = {
    {"BGV", "Between-group variance"},
    {"BGSD", "Between-group standard deviation"},
    {"COV", "Coefficient of variation (%)"},
    {"MDBU", "Mean difference from best (unweighted)"},
    {"MDBW", "Mean difference from best (weighted)"},
    {"MDMU", "Mean difference from mean (unweighted)"},
    {"MDMW", "Mean difference from mean (weighted)"},
    {"MDRU", "Mean difference from reference (unweighted)"},
    {"MDRW", "Mean difference from reference (weighted)"},
    {"IDISU", "Index of disparity (unweighted, %)"},
    {"IDISW", "Index of disparity (weighted, %)"},
    {"TI", "Theil index (x1000)"},
    {"MLD", "Mean log deviation (x1000)"},
};

std::string nameOf(const std::string& id) {
    for (const auto& m : kUnorderedMeasures)
        if (id == m.id)
            return m.name;
    return id;
}

double dot(std::span<const double> a, std::span<const double> b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

// sum_j w_j |y_j - centre|
double meanAbsoluteDeviation(std::span<const double> values, std::span<const double> weights, double centre) {
    double s = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i)
        s += weights[i] * std::fabs(values[i] - centre);
    return s;
}

} // namespace

void appendUnorderedMeasures(std::span<const GroupValue> groups, const std::vector<double>& shares,
                             std::optional<double> mu, const MeasureOptions& options,
                             std::vector<SummaryMeasure>& out) {
    auto skip = [&](const std::string& id, const std::string& reason) {
        out.push_back({id, nameOf(id), std::nullopt, reason});
    };
    if (groups.size() <= 2) {
        for (const auto& m : kUnorderedMeasures)
            skip(m.id, "needs more than 2 groups");
        return;
    }
    const std::size_t count = groups.size();
    std::vector<double> values;
    for (const GroupValue& g : groups)
        values.push_back(g.value);
    const std::vector<double> equal(count, 1.0 / static_cast<double>(count));
    const bool weighted = !shares.empty();
    const double level = options.level;
    const std::string noPopulations = "needs group populations";
    auto add = [&](const std::string& id, Estimate e, std::string note = {}) {
        out.push_back({id, nameOf(id), std::move(e), std::move(note)});
    };
    // The mean inside a simulated replicate: recomputed when it is the weighted mean, fixed when it is a
    // supplied whole-population value (healthequal keeps the observed mean for IDISW; CapEq recomputes it).
    auto meanOf = [&](std::span<const double> v) { return weighted ? dot(v, shares) : *mu; };
    auto simulate = [&](const std::string& id, const GroupMeasure& measure, std::string note = {}) {
        const double value = measure(values);
        add(id, simulatedEstimate(value, groups, options, measure), std::move(note));
    };

    // BGV with the analytic variance of the HEAT technical notes.
    if (weighted) {
        const double m = *mu;
        const double bgv = [&] {
            double s = 0.0;
            for (std::size_t j = 0; j < count; ++j)
                s += shares[j] * (values[j] - m) * (values[j] - m);
            return s;
        }();
        if (std::all_of(groups.begin(), groups.end(), [](const GroupValue& g) { return g.se.has_value(); })) {
            double first = 0.0, s2 = 0.0, s4 = 0.0, own = 0.0;
            for (std::size_t j = 0; j < count; ++j) {
                const double p2s2 = shares[j] * shares[j] * *groups[j].se * *groups[j].se;
                first += p2s2 * (values[j] - m) * (values[j] - m);
                s2 += p2s2;
                s4 += p2s2 * p2s2;
                own += std::pow((1.0 - shares[j]) * *groups[j].se, 2) * shares[j] * shares[j] *
                       *groups[j].se * *groups[j].se;
            }
            const double variance = 4.0 * first + 2.0 * (s2 * s2 - s4 + own);
            add("BGV", estimateFromSe(bgv, std::sqrt(variance), level, CiMethod::DeltaMethod));
        } else {
            add("BGV", estimateWithoutCi(bgv, "a group has no standard error", level));
        }
        simulate("BGSD", [&](std::span<const double> v) {
            const double mm = dot(v, shares);
            double s = 0.0;
            for (std::size_t j = 0; j < count; ++j)
                s += shares[j] * (v[j] - mm) * (v[j] - mm);
            return std::sqrt(s);
        });
        if (m > 0.0)
            simulate("COV", [&](std::span<const double> v) {
                const double mm = dot(v, shares);
                double s = 0.0;
                for (std::size_t j = 0; j < count; ++j)
                    s += shares[j] * (v[j] - mm) * (v[j] - mm);
                return 100.0 * std::sqrt(s) / mm;
            });
        else
            skip("COV", "the mean is not positive");
    } else {
        skip("BGV", noPopulations);
        skip("BGSD", noPopulations);
        skip("COV", noPopulations);
    }

    // Mean differences from the best group (re-picked in every replicate).
    if (options.polarity == Polarity::NoJudgement) {
        skip("MDBU", "indicator has no polarity, so no best group");
        skip("MDBW", "indicator has no polarity, so no best group");
    } else {
        const bool higher = options.polarity == Polarity::HigherIsBetter;
        auto best = [higher](std::span<const double> v) {
            return higher ? *std::max_element(v.begin(), v.end()) : *std::min_element(v.begin(), v.end());
        };
        simulate("MDBU", [&](std::span<const double> v) { return meanAbsoluteDeviation(v, equal, best(v)); });
        if (weighted)
            simulate("MDBW",
                     [&](std::span<const double> v) { return meanAbsoluteDeviation(v, shares, best(v)); });
        else
            skip("MDBW", noPopulations);
    }

    // Mean differences from the mean, and the index of disparity.
    if (mu) {
        simulate("MDMU",
                 [&](std::span<const double> v) { return meanAbsoluteDeviation(v, equal, meanOf(v)); });
        if (weighted)
            simulate("MDMW",
                     [&](std::span<const double> v) { return meanAbsoluteDeviation(v, shares, meanOf(v)); });
        else
            skip("MDMW", noPopulations);
    } else {
        skip("MDMU", "needs group populations or a whole-population value");
        skip("MDMW", noPopulations);
    }

    const auto ref =
        std::find_if(groups.begin(), groups.end(), [](const GroupValue& g) { return g.isReference; });
    if (ref != groups.end()) {
        const auto r = static_cast<std::size_t>(ref - groups.begin());
        const std::string note = "reference " + ref->code;
        simulate(
            "MDRU", [&](std::span<const double> v) { return meanAbsoluteDeviation(v, equal, v[r]); }, note);
        if (weighted)
            simulate(
                "MDRW", [&](std::span<const double> v) { return meanAbsoluteDeviation(v, shares, v[r]); },
                note);
        else
            skip("MDRW", noPopulations);
    } else {
        skip("MDRU", "needs a reference group");
        skip("MDRW", "needs a reference group");
    }

    if (mu && *mu > 0.0) {
        simulate("IDISU", [&](std::span<const double> v) {
            const double mm = meanOf(v);
            return 100.0 * meanAbsoluteDeviation(v, equal, mm) / mm;
        });
        if (weighted)
            simulate("IDISW", [&](std::span<const double> v) {
                const double mm = meanOf(v);
                return 100.0 * meanAbsoluteDeviation(v, shares, mm) / mm;
            });
        else
            skip("IDISW", noPopulations);
    } else {
        skip("IDISU",
             mu ? "the mean is not positive" : "needs group populations or a whole-population value");
        skip("IDISW", mu ? "the mean is not positive" : noPopulations);
    }

    // Theil index and mean log deviation (x1000, as HEAT reports them; the SE is scaled with the estimate).
    if (!weighted || !(*mu > 0.0) ||
        std::any_of(values.begin(), values.end(), [](double v) { return v < 0.0; })) {
        const std::string reason = !weighted ? noPopulations : "needs a positive mean and no negative values";
        skip("TI", reason);
        skip("MLD", reason);
        return;
    }
    const double m = *mu;
    const bool anyZero = std::any_of(values.begin(), values.end(), [](double v) { return v == 0.0; });
    const bool allSe =
        std::all_of(groups.begin(), groups.end(), [](const GroupValue& g) { return g.se.has_value(); });
    double theil = 0.0;
    double centre = 0.0; // sum_k p_k r_k ln r_k, the Theil index itself
    for (std::size_t j = 0; j < count; ++j) {
        const double r = values[j] / m;
        if (r > 0.0)
            theil += shares[j] * r * std::log(r);
    }
    centre = theil;
    if (anyZero || !allSe) {
        add("TI", estimateWithoutCi(1000.0 * theil,
                                    anyZero ? "a group has value 0: the delta-method variance is undefined"
                                            : "a group has no standard error",
                                    level));
    } else {
        double variance = 0.0;
        for (std::size_t j = 0; j < count; ++j) {
            const double term = std::log(values[j] / m) - centre;
            variance += shares[j] * shares[j] * *groups[j].se * *groups[j].se * term * term;
        }
        variance /= m * m;
        add("TI", estimateFromSe(1000.0 * theil, 1000.0 * std::sqrt(variance), level, CiMethod::DeltaMethod));
    }
    if (anyZero) {
        skip("MLD", "a group has value 0: the mean log deviation is infinite");
        return;
    }
    double mld = 0.0;
    double variance = 0.0;
    for (std::size_t j = 0; j < count; ++j) {
        const double r = values[j] / m;
        mld -= shares[j] * std::log(r);
        if (allSe)
            variance +=
                shares[j] * shares[j] * *groups[j].se * *groups[j].se / (m * m) * std::pow(1.0 - 1.0 / r, 2);
    }
    add("MLD", allSe
                   ? estimateFromSe(1000.0 * mld, 1000.0 * std::sqrt(variance), level, CiMethod::DeltaMethod)
                   : estimateWithoutCi(1000.0 * mld, "a group has no standard error", level));
}

} // namespace capeq::stats
