// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/comparison.hpp>
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/summary_measures.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>
#include <stdexcept>

namespace capeq::stats {

namespace {

SummaryMeasure notApplicable(std::string id, std::string name, std::string reason) {
    return {std::move(id), std::move(name), std::nullopt, std::move(reason)};
}

SummaryMeasure computed(std::string id, std::string name, Estimate estimate, std::string note = {}) {
    return {std::move(id), std::move(name), std::move(estimate), std::move(note)};
}

double weightedMean(std::span<const double> values, std::span<const double> shares) {
    return std::inner_product(values.begin(), values.end(), shares.begin(), 0.0);
}

// The group that plays y1 and y2 in D and R (WHO HEAT technical notes, tables 1 and 2).
std::pair<std::size_t, std::size_t> pairForDifference(std::span<const GroupValue> groups,
                                                      const MeasureOptions& options) {
    const bool adverse = options.polarity == Polarity::LowerIsBetter;
    const auto reference =
        std::find_if(groups.begin(), groups.end(), [](const GroupValue& g) { return g.isReference; });
    auto byValue = [&](std::size_t a, std::size_t b) { return groups[a].value < groups[b].value; };
    std::vector<std::size_t> index(groups.size());
    std::iota(index.begin(), index.end(), std::size_t{0});
    if (reference != groups.end()) {
        const auto ref = static_cast<std::size_t>(reference - groups.begin());
        std::vector<std::size_t> others;
        std::copy_if(index.begin(), index.end(), std::back_inserter(others),
                     [&](std::size_t i) { return i != ref; });
        // The other group with the largest shortfall: the lowest for favourable, the highest for adverse.
        const std::size_t other = adverse ? *std::max_element(others.begin(), others.end(), byValue)
                                          : *std::min_element(others.begin(), others.end(), byValue);
        return adverse ? std::pair{other, ref} : std::pair{ref, other};
    }
    if (options.ordered) {
        auto byOrder = [&](std::size_t a, std::size_t b) { return groups[a].order < groups[b].order; };
        const std::size_t most = *std::max_element(index.begin(), index.end(), byOrder);
        const std::size_t least = *std::min_element(index.begin(), index.end(), byOrder);
        return adverse ? std::pair{least, most} : std::pair{most, least};
    }
    return {*std::max_element(index.begin(), index.end(), byValue),
            *std::min_element(index.begin(), index.end(), byValue)};
}

void appendSimple(std::span<const GroupValue> groups, const MeasureOptions& options,
                  std::vector<SummaryMeasure>& out) {
    if (groups.size() < 2) {
        out.push_back(notApplicable("D", "Difference", "needs at least 2 groups"));
        out.push_back(notApplicable("R", "Ratio", "needs at least 2 groups"));
        return;
    }
    const auto [i1, i2] = pairForDifference(groups, options);
    const GroupValue& g1 = groups[i1];
    const GroupValue& g2 = groups[i2];
    const std::string note = g1.code + " vs " + g2.code;
    Estimate e1 = g1.se ? estimateFromSe(g1.value, *g1.se, options.level)
                        : estimateWithoutCi(g1.value, "no SE", options.level);
    Estimate e2 = g2.se ? estimateFromSe(g2.value, *g2.se, options.level)
                        : estimateWithoutCi(g2.value, "no SE", options.level);
    out.push_back(computed("D", "Difference", difference(e1, e2, options.level), note));
    if (g1.value > 0.0 && g2.value > 0.0)
        out.push_back(computed("R", "Ratio", ratio(e1, e2, options.level), note));
    else
        out.push_back(notApplicable("R", "Ratio", "a ratio needs positive values (" + note + ")"));
}

// Walter (1978) variance of the attributable fraction from the implied 2x2 table, on the fraction scale.
std::optional<double> walterPafSe(double yRef, double nRef, double mu, double nTotal, double scale) {
    const double c = yRef / scale * nRef;
    const double d = nRef - c;
    const double a = mu / scale * nTotal - c;
    const double b = nTotal - a - nRef;
    if (a < 0.0 || b < 0.0 || c <= 0.0 || d < 0.0)
        return std::nullopt;
    const double n = a + b + c + d;
    const double variance = c * n * (a * d * (n - c) + b * c * c) / (std::pow(a + c, 3) * std::pow(c + d, 3));
    return std::sqrt(std::max(0.0, variance));
}

void appendAttributable(std::span<const GroupValue> groups, const std::vector<double>& shares, double mu,
                        const MeasureOptions& options, std::vector<SummaryMeasure>& out) {
    if (options.polarity == Polarity::NoJudgement) {
        out.push_back(
            notApplicable("PAF", "Population attributable fraction (%)", "indicator has no polarity"));
        out.push_back(notApplicable("PAR", "Population attributable risk", "indicator has no polarity"));
        return;
    }
    if (shares.empty()) {
        out.push_back(
            notApplicable("PAF", "Population attributable fraction (%)", "needs group populations"));
        out.push_back(notApplicable("PAR", "Population attributable risk", "needs group populations"));
        return;
    }
    // Reference: the most advantaged group (ordered) or the best value (non-ordered), as WHO HEAT does: the
    // question is how much the whole would gain if everyone fared as the best-off do, so a reference group
    // flagged for gaps (which may be the largest group, not the best) is not used here.
    std::size_t ref = 0;
    for (std::size_t j = 1; j < groups.size(); ++j) {
        const bool better = options.ordered ? groups[j].order > groups[ref].order
                            : options.polarity == Polarity::HigherIsBetter
                                ? groups[j].value > groups[ref].value
                                : groups[j].value < groups[ref].value;
        if (better)
            ref = j;
    }
    const std::string note = "reference " + groups[ref].code;
    double par = groups[ref].value - mu;
    const bool wrongSign = options.polarity == Polarity::HigherIsBetter ? par < 0.0 : par > 0.0;
    if (wrongSign || mu == 0.0) {
        const std::string why =
            mu == 0.0 ? "the mean is 0" : "the reference group does no better than the mean";
        out.push_back(computed("PAF", "Population attributable fraction (%)",
                               estimateWithoutCi(0.0, why + ": no attributable gap", options.level), note));
        out.push_back(computed("PAR", "Population attributable risk",
                               estimateWithoutCi(0.0, why + ": no attributable gap", options.level), note));
        return;
    }
    const double paf = 100.0 * par / mu;
    double total = 0.0;
    for (const GroupValue& g : groups)
        total += *g.population;
    const std::optional<double> seFraction =
        options.countBased ? walterPafSe(groups[ref].value, *groups[ref].population, mu, total, options.scale)
                           : std::nullopt;
    if (!seFraction) {
        const std::string why = options.countBased ? "Walter's 2x2 table is not valid for these values"
                                                   : "Walter's variance needs a proportion or rate";
        out.push_back(computed("PAF", "Population attributable fraction (%)",
                               estimateWithoutCi(paf, why, options.level), note));
        out.push_back(computed("PAR", "Population attributable risk",
                               estimateWithoutCi(par, why, options.level), note));
        return;
    }
    // The fraction-scale SE is scaled to percent with the estimate (healthequal leaves it unscaled).
    out.push_back(computed("PAF", "Population attributable fraction (%)",
                           estimateFromSe(paf, 100.0 * *seFraction, options.level, CiMethod::DeltaMethod),
                           note));
    out.push_back(computed(
        "PAR", "Population attributable risk",
        estimateFromSe(par, std::fabs(mu) * *seFraction, options.level, CiMethod::DeltaMethod), note));
}

} // namespace

std::vector<double> populationShares(std::span<const GroupValue> groups) {
    double total = 0.0;
    for (const GroupValue& g : groups) {
        if (!g.population || !(*g.population > 0.0))
            return {};
        total += *g.population;
    }
    std::vector<double> shares;
    for (const GroupValue& g : groups)
        shares.push_back(*g.population / total);
    return shares;
}

const SummaryMeasure* findMeasure(const std::vector<SummaryMeasure>& measures, const std::string& id) {
    const auto it =
        std::find_if(measures.begin(), measures.end(), [&](const SummaryMeasure& m) { return m.id == id; });
    return it == measures.end() ? nullptr : &*it;
}

std::vector<SummaryMeasure> summaryMeasures(std::span<const GroupValue> groups,
                                            const MeasureOptions& options) {
    std::set<std::string> codes;
    int references = 0;
    for (const GroupValue& g : groups) {
        if (!std::isfinite(g.value))
            throw std::invalid_argument("group '" + g.code + "' has no finite value");
        if (!codes.insert(g.code).second)
            throw std::invalid_argument("group '" + g.code + "' appears twice");
        references += g.isReference ? 1 : 0;
    }
    if (references > 1)
        throw std::invalid_argument("more than one reference group");
    zForLevel(options.level);

    std::vector<GroupValue> sorted(groups.begin(), groups.end());
    if (options.ordered)
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const GroupValue& a, const GroupValue& b) { return a.order < b.order; });
    std::vector<SummaryMeasure> out;
    appendSimple(sorted, options, out);

    const std::vector<double> shares = populationShares(sorted);
    std::vector<double> values;
    for (const GroupValue& g : sorted)
        values.push_back(g.value);
    std::optional<double> mu;
    if (!shares.empty())
        mu = weightedMean(values, shares);
    else if (options.settingAverage)
        mu = options.settingAverage;

    if (mu)
        appendAttributable(sorted, shares, *mu, options, out);
    else {
        out.push_back(
            notApplicable("PAF", "Population attributable fraction (%)", "needs group populations"));
        out.push_back(notApplicable("PAR", "Population attributable risk", "needs group populations"));
    }
    if (options.ordered)
        appendOrderedMeasures(sorted, options, out);
    else
        appendUnorderedMeasures(sorted, shares, mu, options, out);
    return out;
}

} // namespace capeq::stats
