// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/scorer.hpp>
#include <capeq/scoring/sensitivity.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace capeq {

namespace {

double weightOf(const std::map<std::string, double>& weights, const std::string& id) {
    const auto found = weights.find(id);
    return found == weights.end() ? 1.0 : found->second;
}

// Dirichlet draw around base weights (ids in a fixed order), rescaled to the base weights' total.
std::map<std::string, double> perturb(stats::Rng& rng, const std::vector<std::string>& ids,
                                      const std::map<std::string, double>& base, double concentration) {
    std::vector<double> w;
    for (const std::string& id : ids)
        w.push_back(weightOf(base, id));
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    std::map<std::string, double> out;
    if (total <= 0.0)
        return base;
    std::vector<double> draws(w.size(), 0.0);
    double drawTotal = 0.0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        draws[i] = w[i] > 0.0 ? gammaDraw(rng, concentration * w[i] / total) : 0.0;
        drawTotal += draws[i];
    }
    for (std::size_t i = 0; i < w.size(); ++i)
        out[ids[i]] = drawTotal > 0.0 ? total * draws[i] / drawTotal : w[i];
    return out;
}

double rescore(const ServiceScore& service, const std::map<std::string, double>& domainWeights,
               const std::map<std::string, double>& dimensionWeights, Aggregation aggregation, double floor) {
    std::vector<std::pair<double, double>> domains;
    for (const DomainScore& domain : service.domains) {
        std::vector<std::pair<double, double>> cells;
        for (const CellScore& cell : service.cells)
            if (cell.domain == domain.domain && cell.score)
                cells.emplace_back(*cell.score, weightOf(dimensionWeights, cell.dimension.str()));
        if (std::any_of(cells.begin(), cells.end(), [](const auto& c) { return c.second > 0.0; }))
            domains.emplace_back(combineScores(cells, Aggregation::Arithmetic, 0.0),
                                 weightOf(domainWeights, domain.domain.str()));
    }
    return combineScores(domains, aggregation, floor);
}

// 0-based ranks by descending score; ties keep input order.
std::vector<int> ranks(const std::vector<double>& scores) {
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] > scores[b]; });
    std::vector<int> rank(scores.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = static_cast<int>(r);
    return rank;
}

} // namespace

int rankBand(int rank, int n, int bands) {
    const int usedBands = std::max(1, std::min(bands, n));
    return 1 + rank * usedBands / std::max(1, n);
}

double gammaDraw(stats::Rng& rng, double shape) {
    if (shape < 1.0)
        return gammaDraw(rng, shape + 1.0) * std::pow(rng.uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0.0;
        double v = 0.0;
        do {
            x = rng.normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = rng.uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
            return d * v;
    }
}

std::vector<RankStability> rankStability(const std::vector<ServiceScore>& services,
                                         const WeightProfile& weights, Aggregation aggregation, double floor,
                                         const SensitivityOptions& options) {
    std::vector<const ServiceScore*> scored;
    for (const ServiceScore& service : services)
        if (service.overall)
            scored.push_back(&service);
    const int n = static_cast<int>(scored.size());
    std::vector<RankStability> result;
    if (n == 0)
        return result;
    std::vector<std::string> domainIds;
    std::vector<std::string> dimensionIds;
    for (const DomainScore& domain : scored.front()->domains)
        domainIds.push_back(domain.domain.str());
    for (const CellScore& cell : scored.front()->cells)
        if (std::find(dimensionIds.begin(), dimensionIds.end(), cell.dimension.str()) == dimensionIds.end())
            dimensionIds.push_back(cell.dimension.str());

    std::vector<double> baseScores;
    for (const ServiceScore* service : scored)
        baseScores.push_back(
            rescore(*service, weights.domainWeights, weights.dimensionWeights, aggregation, floor));
    const std::vector<int> baseRanks = ranks(baseScores);
    std::vector<int> kept(scored.size(), 0);
    stats::Rng rng(options.seed);
    std::vector<double> drawn(scored.size());
    for (int draw = 0; draw < options.draws; ++draw) {
        const auto domainWeights = perturb(rng, domainIds, weights.domainWeights, options.concentration);
        const auto dimensionWeights =
            perturb(rng, dimensionIds, weights.dimensionWeights, options.concentration);
        for (std::size_t i = 0; i < scored.size(); ++i)
            drawn[i] = rescore(*scored[i], domainWeights, dimensionWeights, aggregation, floor);
        const std::vector<int> drawnRanks = ranks(drawn);
        for (std::size_t i = 0; i < scored.size(); ++i)
            kept[i] +=
                rankBand(drawnRanks[i], n, options.bands) == rankBand(baseRanks[i], n, options.bands) ? 1 : 0;
    }
    for (std::size_t i = 0; i < scored.size(); ++i)
        result.push_back({scored[i]->service, baseRanks[i] + 1, rankBand(baseRanks[i], n, options.bands),
                          options.draws > 0 ? static_cast<double>(kept[i]) / options.draws : 1.0});
    return result;
}

} // namespace capeq
