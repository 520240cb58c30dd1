// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/league_table.hpp>

#include <algorithm>
#include <numeric>

namespace capeq::audit {

UnitDigest digestOf(UnitResult&& result) {
    UnitDigest digest;
    digest.service = result.score.service;
    digest.area = result.score.area;
    digest.status = result.status;
    digest.problem = std::move(result.problem);
    digest.score = std::move(result.score);
    digest.score.indicators.clear();
    digest.score.indicators.shrink_to_fit();
    if (result.previous)
        digest.previousIndex = result.previous->overall;
    digest.interval = result.interval;
    return digest;
}

std::vector<std::pair<int, int>> rankRanges(const std::vector<double>& lowers,
                                            const std::vector<double>& uppers) {
    const std::size_t n = lowers.size();
    std::vector<double> sortedLowers = lowers;
    std::vector<double> sortedUppers = uppers;
    std::sort(sortedLowers.begin(), sortedLowers.end());
    std::sort(sortedUppers.begin(), sortedUppers.end());
    std::vector<std::pair<int, int>> ranges(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Others surely above me: their lower limit exceeds my upper (I cannot exceed myself: lo <= up).
        const auto above = static_cast<int>(
            sortedLowers.end() - std::upper_bound(sortedLowers.begin(), sortedLowers.end(), uppers[i]));
        const auto below = static_cast<int>(
            std::lower_bound(sortedUppers.begin(), sortedUppers.end(), lowers[i]) - sortedUppers.begin());
        ranges[i] = {1 + above, static_cast<int>(n) - below};
    }
    return ranges;
}

AuditSummary summarise(const std::vector<UnitDigest>& digests, const AuditSettings& settings,
                       const SensitivityOptions& sensitivity) {
    AuditSummary summary;
    std::map<ServiceId, std::vector<std::size_t>> byService;
    for (std::size_t i = 0; i < digests.size(); ++i) {
        const UnitDigest& digest = digests[i];
        switch (digest.status) {
        case UnitStatus::Scored:
            ++summary.scored;
            byService[digest.service].push_back(i);
            break;
        case UnitStatus::NoUsableEvidence:
            ++summary.noUsableEvidence;
            break;
        case UnitStatus::Failed:
            ++summary.failed;
            break;
        }
        summary.breached += digest.score.breached() ? 1 : 0;
        for (const Flag& flag : digest.score.flags) {
            const std::string kind = toString(flag.kind);
            ++summary.flagsByDomain[flag.domain.str()][kind];
            ++summary.flagsByCharacteristic[flag.characteristic.empty() ? "everyone"
                                                                        : flag.characteristic.str()][kind];
        }
    }

    for (const auto& [service, members] : byService) {
        League league;
        league.service = service;
        const int n = static_cast<int>(members.size());
        std::vector<double> values;
        std::vector<double> lowers;
        std::vector<double> uppers;
        std::vector<ServiceScore> scores;
        for (const std::size_t i : members) {
            const UnitDigest& digest = digests[i];
            values.push_back(*digest.score.overall);
            lowers.push_back(digest.interval.lower.value_or(values.back()));
            uppers.push_back(digest.interval.upper.value_or(values.back()));
            scores.push_back(digest.score);
        }
        std::vector<std::size_t> order(members.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
        const auto ranges = rankRanges(lowers, uppers);
        // rankStability ranks the same values the same way (stable, descending), and lists services with an
        // index in input order: every member has one, so position k answers for members[k].
        const std::vector<RankStability> stability = rankStability(
            scores, settings.weights, settings.profile.aggregation, settings.profile.floor, sensitivity);
        for (std::size_t r = 0; r < order.size(); ++r) {
            const std::size_t k = order[r];
            LeagueEntry entry;
            entry.unit = members[k];
            entry.rank = static_cast<int>(r) + 1;
            if (digests[members[k]].interval.lower) {
                entry.rankBest = ranges[k].first;
                entry.rankWorst = ranges[k].second;
            }
            entry.band = rankBand(static_cast<int>(r), n, sensitivity.bands);
            if (k < stability.size() && sensitivity.draws > 0)
                entry.probabilityKeepsBand = stability[k].probabilityKeepsBand;
            league.entries.push_back(entry);
        }
        summary.leagues.push_back(std::move(league));
    }
    return summary;
}

} // namespace capeq::audit
