// SPDX-License-Identifier: Apache-2.0
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <future>
#include <gui/models/assessment_document.hpp>
#include <gui/models/flag_list_model.hpp>
#include <gui/models/score_model.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/chart_panel.hpp>
#include <gui/workers/run_job.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <report/chart_mapping.hpp>

namespace capeq::gui {

namespace {

// Edits arrive in bursts (typing, undo held down); scoring waits this long after the last one.
constexpr int kRescoreDelayMs = 150;

} // namespace

AnalysisPage::AnalysisPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_scores(scores)
    , m_settings(std::make_unique<ScoringSettings>())
    , m_worker(new ScoringWorker(this))
    , m_debounce(new QTimer(this))
    , m_headline(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_tree(new QTreeView(this))
    , m_panel(new ChartPanel(this))
    , m_flags(new QListView(this))
    , m_flagModel(new FlagListModel(this))
    , m_explanation(new QPlainTextEdit(this)) {
    m_charts = m_panel;
    m_headline->setObjectName(QStringLiteral("analysisHeadline"));
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    auto* rescoreButton = new QPushButton(tr("&Rescore"), this);
    rescoreButton->setShortcut(QKeySequence::Refresh);
    rescoreButton->setToolTip(tr("Scores are recalculated after every edit; this does it now (F5)."));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);

    m_tree->setModel(scores);
    m_tree->setObjectName(QStringLiteral("scoreTree"));
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ScoreModel::Name, 260);
    for (int column : {ScoreModel::Score, ScoreModel::Achievement, ScoreModel::Equality})
        m_tree->setColumnWidth(column, 84);
    m_explanation->setReadOnly(true);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_explanation->setPlaceholderText(tr("Select a score to see how it was worked out."));
    m_explanation->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_flags->setObjectName(QStringLiteral("flagList"));
    m_flags->setModel(m_flagModel);
    m_flags->setUniformItemSizes(true); // thousands of flags: rows are laid out without measuring each
    m_flags->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_panel->addTab(m_flags, tr("Flags"));
    m_panel->setTabToolTip(m_panel->count() - 1,
                           tr("Groups below a minimum standard, significant gaps and gaps that widened."));

    auto* header = new QHBoxLayout;
    header->addWidget(m_headline, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    header->addWidget(rescoreButton);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_panel);
    right->addWidget(m_explanation);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter(this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kRescoreDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &AnalysisPage::rescore);
    connect(rescoreButton, &QPushButton::clicked, this, &AnalysisPage::rescore);
    connect(m_cancel, &QPushButton::clicked, m_worker, &ScoringWorker::cancel);
    connect(m_worker, &ScoringWorker::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
    });
    connect(m_worker, &ScoringWorker::resultReady, this, &AnalysisPage::onScored);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showExplanationOf(current); });
    connect(m_tree, &QTreeView::activated, this, &AnalysisPage::showExplanationOf);
    connect(m_flags, &QListView::activated, this, [this](const QModelIndex& flag) {
        const QString indicator = flag.data(FlagListModel::IndicatorRole).toString();
        const QModelIndex at = m_scores->indexOfIndicator(indicator);
        if (at.isValid())
            m_tree->setCurrentIndex(at);
        showGapChart(indicator.toStdString(),
                     flag.data(FlagListModel::CharacteristicRole).toString().toStdString());
        m_panel->setCurrentIndex(ChartPanel::Gap);
    });
    connect(document, &AssessmentDocument::listReset, this, [this](DocumentList list) {
        if (list == DocumentList::Evidence)
            scheduleRescore();
    });
    for (auto signal : {&AssessmentDocument::rowsChanged, &AssessmentDocument::rowsInserted,
                        &AssessmentDocument::rowsRemoved})
        connect(document, signal, this, [this](DocumentList list, int, int) {
            if (list == DocumentList::Evidence)
                scheduleRescore();
        });
    for (auto signal : {&AssessmentDocument::scopeChanged, &AssessmentDocument::weightsChanged,
                        &AssessmentDocument::metadataChanged})
        connect(document, signal, this, &AnalysisPage::scheduleRescore);
    m_headline->setText(tr("<b>No scores yet.</b> Import evidence to see how the service does."));
}

AnalysisPage::~AnalysisPage() {
    waitForJobs(this); // a previous result may still be being freed
}

ComparisonEvidence AnalysisPage::comparisonEvidenceFor(const ScoringRequest& request) const {
    // The request holds only the scored service's rows in scope; the spine chart and funnel plot compare it
    // with every other area in the assessment's evidence, and the intersection view reads crossed rows
    // ("sex*ethnicity_5") that the score leaves out.
    ComparisonEvidence evidence;
    evidence.catalogue = request.catalogue;
    evidence.service = request.service;
    evidence.area = request.area;
    evidence.period = request.period;
    evidence.disclosure = request.settings.disclosure;
    evidence.scope = m_document->assessment().scope.characteristics;
    for (const EvidenceRow& row : m_document->assessment().evidence)
        if (row.period == request.period)
            evidence.rows.push_back(row);
    return evidence;
}

void AnalysisPage::setCatalogue(std::shared_ptr<const Catalogue> catalogue, const ScoringSettings& settings) {
    m_catalogue = std::move(catalogue);
    *m_settings = settings;
    scheduleRescore();
}

void AnalysisPage::scheduleRescore() {
    m_debounce->start();
}

void AnalysisPage::rescore() {
    m_debounce->stop();
    if (!m_catalogue)
        return;
    if (m_document->assessment().evidence.empty()) {
        m_worker->cancel();
        m_scores->clear();
        m_panel->clearCharts();
        m_flagModel->clear();
        m_explanation->clear();
        m_explanationShown.clear();
        m_headline->setText(tr("<b>No scores yet.</b> Import evidence to see how the service does."));
        return;
    }
    ScoringRequest request = scoringRequestFor(m_document->assessment(), m_catalogue, *m_settings);
    // The selected indicator stays selected after scoring (else the index is): its explanation is worked
    // out on the worker.
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (current.data(ScoreModel::KindRole).toInt() == static_cast<int>(ScoreModel::Kind::Indicator))
        request.explain = current.data(ScoreModel::IdRole).toString().toStdString();
    m_worker->start(std::move(request));
}

void AnalysisPage::onScored(std::shared_ptr<const ScoringResult> shared) {
    const ScoringResult& result = *shared;
    std::shared_ptr<const ScoringResult> replaced = m_scores->sharedResult();
    const QString previous = m_tree->currentIndex().data(ScoreModel::IdRole).toString();
    m_scores->setResult(shared);
    m_flagModel->setResult(shared);
    if (!result.ok) {
        m_headline->setText(tr("<b>Could not score:</b> %1").arg(result.error.toHtmlEscaped()));
        Q_EMIT scored(result);
        return;
    }
    // The row selected before stays selected. Its explanation (for the index, the core explains every
    // indicator: the slowest part of taking in a score) is not worked out on the GUI thread: the worker
    // did it, or (when the selection changed since) another thread does it meanwhile. The model is not
    // changed again until this function returns, so reading it there is safe.
    const QModelIndex again = m_scores->indexOfIndicator(previous);
    const QModelIndex selected = again.isValid() ? again : m_scores->index(0, 0);
    const QString selectedIndicator = again.isValid() ? previous : QString();
    std::future<QString> explained;
    if (!result.explanation || result.request.explain != selectedIndicator.toStdString())
        explained = std::async(std::launch::async,
                               [selected] { return selected.data(ScoreModel::ExplanationRole).toString(); });
    const ServiceScore& score = result.score;
    m_headline->setText(tr("<b>Capability-equality index: %1</b> &nbsp; %2, %3 &nbsp;·&nbsp; %4 of %5 cells "
                           "and %6 of %7 domains "
                           "with evidence%8 &nbsp;·&nbsp; %n flag(s)",
                           nullptr, static_cast<int>(score.flags.size()))
                            .arg(m_scores->overallText(),
                                 QString::fromStdString(score.service.str()).toHtmlEscaped(),
                                 QString::fromStdString(score.period).toHtmlEscaped())
                            .arg(score.coverage.cellsWithEvidence)
                            .arg(score.coverage.cellsTotal)
                            .arg(score.coverage.domainsWithEvidence)
                            .arg(score.coverage.domainsTotal)
                            .arg(score.coverage.partial ? tr(" (partial index)") : QString()));
    // Shared with the result (aliasing: the charts live inside it), drawn per tab when shown.
    m_panel->setCharts(std::shared_ptr<const AnalysisCharts>(shared, &result.charts));
    // Every evidence row of the period is copied only if a comparison tab is shown before the next score.
    m_panel->setComparisonSource([this, shared] { return comparisonEvidenceFor(shared->request); });
    for (const Flag& flag : score.flags)
        if (!flag.characteristic.empty()) {
            showGapChart(flag.indicator.str(), flag.characteristic.str());
            break;
        }
    m_tree->expandToDepth(0);
    m_explainedInAdvance = {selected, explained.valid() ? explained.get() : *result.explanation};
    m_tree->setCurrentIndex(selected);
    m_explainedInAdvance.reset();
    releaseInBackground(std::move(replaced));
    Q_EMIT scored(result);
}

void AnalysisPage::releaseInBackground(std::shared_ptr<const ScoringResult> replaced) {
    // Freeing a large assessment's result (every row of every period, the score, the chart data) takes
    // milliseconds; when nothing else holds it any more, it is freed on another thread instead of while
    // the reader waits for the new score.
    if (!replaced || replaced.use_count() > 1)
        return;
    runJob<bool>(
        this,
        [replaced = std::move(replaced)]() mutable {
            replaced.reset();
            return true;
        },
        [](bool) {});
}

void AnalysisPage::showExplanationOf(const QModelIndex& index) {
    if (!index.isValid() || !m_scores->result())
        return;
    const QModelIndex row = index.siblingAtColumn(0);
    QString explanation = m_explainedInAdvance && m_explainedInAdvance->first == row
                              ? std::move(m_explainedInAdvance->second)
                              : row.data(ScoreModel::ExplanationRole).toString();
    if (explanation != m_explanationShown) { // laying out the text again costs more than comparing it
        m_explanation->setPlainText(explanation);
        m_explanationShown = std::move(explanation);
    }
    if (row.data(ScoreModel::KindRole).toInt() != static_cast<int>(ScoreModel::Kind::Indicator))
        return;
    showGapChart(row.data(ScoreModel::IdRole).toString().toStdString(), {});
}

void AnalysisPage::showGapChart(const std::string& indicatorId, const std::string& characteristic) {
    for (const IndicatorScore& indicator : m_scores->score()->indicators) {
        if (indicator.indicator.str() != indicatorId || indicator.characteristics.empty())
            continue;
        // The named characteristic, else the one whose gap counted in the score, else the first.
        const CharacteristicEquality* chosen = &indicator.characteristics.front();
        for (const CharacteristicEquality& c : indicator.characteristics)
            if (characteristic.empty() ? c.status == GapStatus::Counted
                                       : c.characteristic.str() == characteristic) {
                chosen = &c;
                break;
            }
        m_panel->setGapChart(
            report::gapChartFor(indicator, chosen->characteristic, *m_scores->result()->request.catalogue));
        return;
    }
}

QString AnalysisPage::headline() const {
    return m_headline->text();
}

QString AnalysisPage::explanation() const {
    return m_explanation->toPlainText();
}

} // namespace capeq::gui
