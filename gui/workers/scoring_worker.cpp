// SPDX-License-Identifier: Apache-2.0
#include <capeq/pipeline/evidence_input.hpp>
#include <capeq/scoring/explain.hpp>

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <future>
#include <gui/workers/run_job.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <report/chart_mapping.hpp>
#include <set>

namespace capeq::gui {

ScoringSettings defaultScoringSettings() {
    ScoringSettings settings;
    try {
        settings.profile = loadScoringProfile(resolveScoringFile("default", "profiles"));
        settings.rules = loadRuleSet(resolveScoringFile("default", "rules"));
    } catch (const std::exception&) {
        // The built-in defaults are the default profile and rules; the shipped files only restate them.
    }
    return settings;
}

const std::vector<EvidenceRow>& ScoringRequest::comparedRows() const {
    static const std::vector<EvidenceRow> none;
    if (!previousRows.empty() || comparedPeriod.empty())
        return previousRows;
    for (const auto& [earlier, earlierRows] : history)
        if (earlier == comparedPeriod)
            return earlierRows;
    return none;
}

ScoreInput ScoringRequest::toInput() const {
    return ScoreInput{*catalogue,
                      service,
                      area,
                      period,
                      rows,
                      comparedRows(),
                      {},
                      settings.profile,
                      weights,
                      settings.rules,
                      settings.disclosure};
}

ScoringRequest scoringRequestFor(const Assessment& assessment, std::shared_ptr<const Catalogue> catalogue,
                                 const ScoringSettings& settings) {
    ScoringRequest request;
    request.catalogue = std::move(catalogue);
    request.settings = settings;
    request.weights = assessment.weights;
    const auto& rows = assessment.evidence;
    const AssessmentMetadata& meta = assessment.metadata;
    const std::vector<ServiceId> services = servicesIn(rows);
    request.service = ServiceId{meta.service};
    if ((request.service.empty() ||
         std::find(services.begin(), services.end(), request.service) == services.end()) &&
        !services.empty())
        request.service = services.front();
    const std::vector<AreaCode> areas = areasOf(rows, request.service);
    request.area = AreaCode{meta.area};
    if ((request.area.empty() || std::find(areas.begin(), areas.end(), request.area) == areas.end()) &&
        !areas.empty())
        request.area = areas.front();
    const std::vector<std::string> periods = periodsOf(rows, request.service);
    request.period = meta.period;
    auto at = std::find(periods.begin(), periods.end(), request.period);
    if (at == periods.end() && !periods.empty()) {
        at = periods.end() - 1;
        request.period = *at;
    }
    if (at != periods.end() && at != periods.begin())
        request.comparedPeriod = *(at - 1);
    for (auto earlier = periods.begin(); earlier != at && at != periods.end(); ++earlier)
        request.history.emplace_back(*earlier, std::vector<EvidenceRow>{});

    const std::set<std::string> scope(assessment.scope.characteristics.begin(),
                                      assessment.scope.characteristics.end());
    for (const EvidenceRow& row : rows) {
        if (row.service != request.service || row.area != request.area)
            continue;
        if (!scope.empty() && !row.isWholePopulation() && !scope.contains(row.characteristic.str()))
            continue;
        if (row.period == request.period)
            request.rows.push_back(row);
        for (auto& [period, periodRows] : request.history)
            if (row.period == period)
                periodRows.push_back(row);
    }
    return request;
}

std::vector<ServiceScore> scoreHistory(const ScoringRequest& request) {
    std::vector<ServiceScore> scores;
    for (std::size_t i = 0; i < request.history.size(); ++i) {
        ScoreInput input = request.toInput();
        input.period = request.history[i].first;
        input.rows = request.history[i].second;
        input.previousRows = i > 0 ? request.history[i - 1].second : std::vector<EvidenceRow>{};
        scores.push_back(scoreService(input));
    }
    return scores;
}

namespace {

// A ScoreInput that borrows a request's rows instead of copying them (tens of thousands in a large
// assessment) and gives them back when it goes out of scope, also when scoring throws.
class LentInput {
public:
    LentInput(const ScoringRequest& request, const std::string& period, std::vector<EvidenceRow>& rows,
              std::vector<EvidenceRow>* previousRows)
        : m_rows(rows)
        , m_previousRows(previousRows)
        , m_input{*request.catalogue,
                  request.service,
                  request.area,
                  period,
                  std::move(rows),
                  previousRows != nullptr ? std::move(*previousRows) : std::vector<EvidenceRow>{},
                  {},
                  request.settings.profile,
                  request.weights,
                  request.settings.rules,
                  request.settings.disclosure} {}
    ~LentInput() {
        m_rows = std::move(m_input.rows);
        if (m_previousRows != nullptr)
            *m_previousRows = std::move(m_input.previousRows);
    }
    LentInput(const LentInput&) = delete;
    LentInput& operator=(const LentInput&) = delete;

    const ScoreInput& input() const { return m_input; }

private:
    std::vector<EvidenceRow>& m_rows;
    std::vector<EvidenceRow>* m_previousRows;
    ScoreInput m_input;
};

// The rows ScoringRequest::comparedRows() reads, to lend to scoring (null when there are none).
std::vector<EvidenceRow>* comparedRowsToLend(ScoringRequest& request) {
    if (!request.previousRows.empty())
        return &request.previousRows;
    if (request.comparedPeriod.empty())
        return nullptr;
    for (auto& [earlier, earlierRows] : request.history)
        if (earlier == request.comparedPeriod)
            return &earlierRows;
    return nullptr;
}

// The scored period and every earlier one, as scoreService(request.toInput()) and scoreHistory(request)
// would give them, recomputing only what changed since the cache last saw it; then their chart data and
// the explanation the page will show.
void scoreAllPeriods(ScoringRequest& request, ScoringCache& cache, ScoringResult& result) {
    {
        const LentInput current(request, request.period, request.rows, comparedRowsToLend(request));
        result.score = scoreService(current.input(), cache);
    }
    // The explanation needs only the current score (and the catalogue, profile and weights, which the
    // loop below leaves alone): worked out meanwhile. The future waits for it also if scoring throws.
    std::future<QString> explained = std::async(std::launch::async, [&result, &request] {
        return explanationFor(result.score, request, request.explain);
    });
    result.history.clear();
    for (std::size_t i = 0; i < request.history.size(); ++i) {
        const LentInput earlier(request, request.history[i].first, request.history[i].second,
                                i > 0 ? &request.history[i - 1].second : nullptr);
        result.history.push_back(scoreService(earlier.input(), cache));
    }
    result.charts = chartsFor(result.score, result.history, *request.catalogue);
    result.explanation = explained.get();
}

} // namespace

QString explanationFor(const ServiceScore& score, const ScoringRequest& request,
                       const std::string& indicatorId) {
    if (!indicatorId.empty())
        for (const IndicatorScore& indicator : score.indicators)
            if (indicator.indicator.str() == indicatorId)
                return QString::fromStdString(
                    explainIndicator(indicator, *request.catalogue, request.settings.profile));
    return QString::fromStdString(
        explainService(score, *request.catalogue, request.settings.profile, request.weights));
}

AnalysisCharts chartsFor(const ServiceScore& score, const std::vector<ServiceScore>& history,
                         const Catalogue& catalogue) {
    AnalysisCharts charts;
    charts.wheel = report::wheelFromScore(score, catalogue);
    charts.heatMap = report::heatMapFromScore(score, catalogue);
    charts.coverage = report::coverageFromScore(score, catalogue);
    charts.trend = report::trendFromHistory(history, score, catalogue);
    for (const CharacteristicId& characteristic : score.coverage.characteristicsAssessed)
        charts.equiplots.push_back(report::equiplotFrom(score, characteristic, catalogue));
    return charts;
}

ScoringWorker::ScoringWorker(QObject* parent)
    : QObject(parent) {}

ScoringWorker::~ScoringWorker() {
    waitForJobs(this);
}

quint64 ScoringWorker::start(ScoringRequest request) {
    const quint64 id = m_nextId++;
    m_wanted = id;
    if (m_running) {
        // Superseded: the running job's result will be dropped and this one started when it ends.
        m_pending = std::make_unique<ScoringRequest>(std::move(request));
        return id;
    }
    launch(std::move(request));
    return id;
}

void ScoringWorker::launch(ScoringRequest request) {
    const quint64 id = m_wanted;
    setBusy(true);
    runJob<ScoringResult>(
        this,
        [id, cache = m_cache, request = std::move(request)]() mutable {
            ScoringResult result;
            result.id = id;
            try {
                cache->resetCounts();
                scoreAllPeriods(request, *cache, result);
                cache->forgetUnused();
                result.indicatorsRecomputed = cache->misses();
                result.indicatorsReused = cache->hits();
                result.ok = true;
            } catch (const std::exception& error) {
                result.error = QString::fromStdString(error.what());
            }
            result.request = std::move(request);
            return result;
        },
        [this](ScoringResult result) {
            if (m_pending) {
                std::unique_ptr<ScoringRequest> next = std::move(m_pending);
                launch(std::move(*next));
                return;
            }
            setBusy(false);
            if (result.id != m_wanted)
                return;
            // Moved into shared ownership once; everything on the GUI thread shares it from here.
            const auto shared = std::make_shared<const ScoringResult>(std::move(result));
            Q_EMIT resultReady(shared);
            Q_EMIT finished(*shared);
        });
}

void ScoringWorker::cancel() {
    m_wanted = 0;
    m_pending.reset();
    if (m_running)
        Q_EMIT cancelled();
}

void ScoringWorker::setBusy(bool busy) {
    if (busy != m_running) {
        m_running = busy;
        Q_EMIT busyChanged(busy);
    }
}

} // namespace capeq::gui
