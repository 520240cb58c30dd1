// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue.hpp>
#include <capeq/scoring/scorer.hpp>
#include <capeq/scoring/scoring_cache.hpp>

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <report/chart_data.hpp>

namespace capeq::gui {

/// The scoring choices that do not live in the assessment: profile, rule set and disclosure policy.
struct ScoringSettings {
    ScoringProfile profile;
    RuleSet rules;
    DisclosurePolicy disclosure;
};
/// The shipped "default" profile and rule set, or the built-in defaults when they cannot be read.
ScoringSettings defaultScoringSettings();

/// A plain copy of everything scoreService needs, safe to hand to another thread.
struct ScoringRequest {
    std::shared_ptr<const Catalogue> catalogue;
    ServiceId service;
    AreaCode area;
    std::string period;
    std::string comparedPeriod;
    std::vector<EvidenceRow> rows;
    /// The compared period's rows, when given apart from the history. scoringRequestFor leaves this empty
    /// and keeps them once, as the last history entry (copying twelve thousand rows twice on the GUI thread
    /// costs an edit milliseconds): read them with comparedRows().
    std::vector<EvidenceRow> previousRows;
    /// Earlier periods' rows, oldest first, scored too for the trend chart.
    std::vector<std::pair<std::string, std::vector<EvidenceRow>>> history;
    ScoringSettings settings;
    WeightProfile weights;
    /// The indicator whose explanation the analysis page will show (empty: the index's). Worked out on
    /// the worker, alongside the earlier periods, so the page need not wait for it.
    std::string explain;

    ScoreInput toInput() const;
    /// previousRows if given, else the history entry of comparedPeriod (empty if there is none).
    const std::vector<EvidenceRow>& comparedRows() const;
};

/// The request for an assessment: its service, area and period (when unset, the only service and area
/// and the latest period with evidence), the period before it for change flags, and only the
/// characteristics in scope (all when the scope lists none).
ScoringRequest scoringRequestFor(const Assessment& assessment, std::shared_ptr<const Catalogue> catalogue,
                                 const ScoringSettings& settings);

/// The chart data of the analysis views, mapped from the score on the worker thread (plain structs).
struct AnalysisCharts {
    report::WheelData wheel;
    report::HeatMapData heatMap;
    report::CoverageData coverage;
    report::TrendData trend;
    std::vector<report::EquiplotData> equiplots; ///< one per characteristic assessed
};

/// What a scoring run hands back to the GUI thread.
struct ScoringResult {
    quint64 id = 0;
    bool ok = false;
    QString error;
    ServiceScore score;
    std::vector<ServiceScore> history; ///< earlier periods, oldest first
    AnalysisCharts charts;
    ScoringRequest request; ///< what was scored (the explanation and the report need it)
    /// Indicator outcomes over all periods scored: recomputed, and reused unchanged from earlier runs.
    std::size_t indicatorsRecomputed = 0;
    std::size_t indicatorsReused = 0;
    /// explanationFor(score, request, request.explain), when scoring succeeded.
    std::optional<QString> explanation;
};

/// The core's explanation of an indicator's score (the `capeq score --explain` text), or of the whole
/// index when indicatorId is empty or not scored. Pure, any thread.
QString explanationFor(const ServiceScore& score, const ScoringRequest& request,
                       const std::string& indicatorId);

/// Scores each earlier period of request.history (oldest first) with the same settings.
std::vector<ServiceScore> scoreHistory(const ScoringRequest& request);
/// Maps a score to the analysis views' chart data (lib/report's mappers; pure, any thread).
AnalysisCharts chartsFor(const ServiceScore& score, const std::vector<ServiceScore>& history,
                         const Catalogue& catalogue);

/// Scores on a worker thread. A new request while one runs supersedes it: only the newest result is
/// delivered. cancel() drops the pending result. The worker keeps a ScoringCache across runs, so after an
/// edit only the indicators whose rows changed are rescored (in every period); jobs never overlap, so
/// one job at a time uses the cache.
class ScoringWorker : public QObject {
    Q_OBJECT
public:
    explicit ScoringWorker(QObject* parent = nullptr);
    ~ScoringWorker() override;

    /// Starts scoring; returns the request's id (finished() carries it).
    quint64 start(ScoringRequest request);
    void cancel();
    bool isBusy() const { return m_running; }

Q_SIGNALS:
    void busyChanged(bool busy);
    /// The wanted result, shared: a listener that keeps it (the score model, the charts) holds this
    /// instead of copying it. Emitted just before finished() with the same result.
    void resultReady(std::shared_ptr<const capeq::gui::ScoringResult> result);
    void finished(const capeq::gui::ScoringResult& result);
    void cancelled();

private:
    void launch(ScoringRequest request);
    void setBusy(bool busy);

    quint64 m_nextId = 1;
    quint64 m_wanted = 0; ///< the id whose result is still wanted; 0 after cancel
    bool m_running = false;
    std::unique_ptr<ScoringRequest> m_pending;
    /// Shared with the running job, which may outlive a superseded request but never the worker.
    std::shared_ptr<ScoringCache> m_cache = std::make_shared<ScoringCache>();
};

} // namespace capeq::gui
