// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QModelIndex>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeView;

namespace capeq::gui {

class AssessmentDocument;
class ChartPanel;
struct ComparisonEvidence;
class FlagListModel;
class ScoreModel;
class ScoringWorker;
struct ScoringRequest;
struct ScoringResult;
struct ScoringSettings;

/// Analysis: the service's scores (scored on a worker thread whenever the evidence, scope or weights
/// change, with a busy indicator and Cancel), the chart views, the flags, and the core's explanation of
/// whichever score is selected.
class AnalysisPage : public QWidget {
    Q_OBJECT
public:
    AnalysisPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent = nullptr);
    ~AnalysisPage() override;

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue, const ScoringSettings& settings);
    ScoringWorker* worker() const { return m_worker; }
    QTreeView* tree() const { return m_tree; }
    QTabWidget* charts() const { return m_charts; }
    /// The flags of the latest score (Flags tab); activating one selects its indicator and gap chart.
    QListView* flagList() const { return m_flags; }
    QString headline() const;
    QString explanation() const;

public Q_SLOTS:
    /// Scores the document now (a running run is superseded).
    void rescore();
    /// Shows the explanation (and, for an indicator, its gap chart) of this score row.
    void showExplanationOf(const QModelIndex& index);

Q_SIGNALS:
    void scored(const capeq::gui::ScoringResult& result);

private:
    void onScored(std::shared_ptr<const ScoringResult> result);
    ComparisonEvidence comparisonEvidenceFor(const ScoringRequest& request) const;
    void scheduleRescore();
    /// Frees a result no longer shown off the GUI thread (or leaves it to whoever still holds it).
    void releaseInBackground(std::shared_ptr<const ScoringResult> replaced);
    void showGapChart(const std::string& indicatorId, const std::string& characteristic);

    AssessmentDocument* m_document;
    ScoreModel* m_scores;
    std::shared_ptr<const Catalogue> m_catalogue;
    std::unique_ptr<ScoringSettings> m_settings;
    ScoringWorker* m_worker = nullptr;
    QTimer* m_debounce = nullptr;
    QLabel* m_headline = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QTreeView* m_tree = nullptr;
    QTabWidget* m_charts = nullptr;
    ChartPanel* m_panel = nullptr;
    QListView* m_flags = nullptr;
    FlagListModel* m_flagModel = nullptr;
    QPlainTextEdit* m_explanation = nullptr;
    QString m_explanationShown; ///< what m_explanation holds, so an unchanged one is not set again
    /// While a new score is taken in: the selected row's explanation, worked out in parallel.
    std::optional<std::pair<QModelIndex, QString>> m_explainedInAdvance;
};

} // namespace capeq::gui
