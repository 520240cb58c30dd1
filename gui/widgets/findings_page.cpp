// SPDX-License-Identifier: Apache-2.0
#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <gui/models/action_plan_model.hpp>
#include <gui/models/findings_model.hpp>
#include <capeq/assessment/impact_suggestion.hpp>
#include <gui/models/score_model.hpp>
#include <gui/widgets/choice_delegate.hpp>
#include <gui/widgets/findings_page.hpp>

namespace capeq::gui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, const QString& name) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setWordWrap(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setVisible(false);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    return view;
}

// Deletes the current row of a view with the Delete key, through remove (an undoable edit).
void deleteWithKey(QTableView* view, const std::function<void(std::size_t)>& remove) {
    auto* action = new QAction(view);
    action->setShortcut(QKeySequence::Delete);
    action->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, view, [view, remove] {
        if (view->currentIndex().isValid())
            remove(static_cast<std::size_t>(view->currentIndex().row()));
    });
}

} // namespace

FindingsPage::FindingsPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_scores(scores)
    , m_findings(new FindingsModel(document, this))
    , m_mitigations(new MitigationsModel(document, this))
    , m_actions(new ActionPlanModel(document, this)) {
    m_findingsView = makeTable(m_findings, this, QStringLiteral("findingsTable"));
    m_mitigationsView = makeTable(m_mitigations, this, QStringLiteral("mitigationsTable"));
    m_actionsView = makeTable(m_actions, this, QStringLiteral("actionsTable"));
    std::vector<std::pair<QString, QString>> impacts;
    for (Impact impact : {Impact::Negative, Impact::Neutral, Impact::Positive, Impact::Unknown})
        impacts.emplace_back(QString::fromStdString(toString(impact)), FindingsModel::impactInWords(impact));
    m_findingsView->setItemDelegateForColumn(FindingsModel::Impact, new ChoiceDelegate(impacts, this));
    std::vector<std::pair<QString, QString>> statuses;
    for (ActionStatus status :
         {ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Cancelled})
        statuses.emplace_back(QString::fromStdString(toString(status)),
                              ActionPlanModel::statusInWords(status));
    m_actionsView->setItemDelegateForColumn(ActionPlanModel::Status, new ChoiceDelegate(statuses, this));
    m_actionsView->setItemDelegateForColumn(ActionPlanModel::DueDate, ChoiceDelegate::forDates(this));
    m_findingsView->setColumnWidth(FindingsModel::Characteristic, 170);
    m_findingsView->setColumnWidth(FindingsModel::Suggested, 120);
    m_findingsView->setColumnWidth(FindingsModel::Impact, 120);
    m_findingsView->setColumnWidth(FindingsModel::Confirmed, 100);
    m_findingsView->setColumnWidth(FindingsModel::Evidence, 380);
    m_actionsView->setColumnWidth(ActionPlanModel::Title, 260);
    m_actionsView->setColumnWidth(ActionPlanModel::Owner, 150);
    m_mitigationsView->setColumnWidth(MitigationsModel::Characteristic, 110);
    // Evidence runs to several lines: rows grow to show it whenever the findings change.
    connect(m_findings, &QAbstractItemModel::modelReset, m_findingsView, &QTableView::resizeRowsToContents);
    connect(m_findings, &QAbstractItemModel::dataChanged, m_findingsView, &QTableView::resizeRowsToContents);

    auto* suggest = new QPushButton(tr("&Suggest from the evidence"), this);
    suggest->setToolTip(tr("Fills in the suggested impact for each characteristic in scope from the latest "
                           "scores. Findings you have confirmed keep your judgement."));
    auto* addActionButton = new QPushButton(tr("Add &action"), this);
    auto* addMitigationButton = new QPushButton(tr("Add &mitigation"), this);
    auto* intro = new QLabel(tr("For each characteristic, check the suggested impact, record your judgement "
                                "and why, then plan what will be done, by whom and when."),
                             this);
    intro->setWordWrap(true);

    auto* findingsBox = new QGroupBox(tr("Findings per characteristic"), this);
    auto* findingsLayout = new QVBoxLayout(findingsBox);
    auto* row = new QHBoxLayout;
    row->addWidget(intro, 1);
    row->addWidget(suggest);
    findingsLayout->addLayout(row);
    findingsLayout->addWidget(m_findingsView);
    auto* mitigationsBox = new QGroupBox(tr("Mitigations"), this);
    auto* mitigationsLayout = new QVBoxLayout(mitigationsBox);
    mitigationsLayout->addWidget(m_mitigationsView);
    mitigationsLayout->addWidget(addMitigationButton, 0, Qt::AlignLeft);
    auto* actionsBox = new QGroupBox(tr("Action plan"), this);
    auto* actionsLayout = new QVBoxLayout(actionsBox);
    actionsLayout->addWidget(m_actionsView);
    actionsLayout->addWidget(addActionButton, 0, Qt::AlignLeft);
    auto* bottom = new QSplitter(this);
    bottom->addWidget(mitigationsBox);
    bottom->addWidget(actionsBox);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(findingsBox);
    split->addWidget(bottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(suggest, &QPushButton::clicked, this, &FindingsPage::applySuggestions);
    connect(addActionButton, &QPushButton::clicked, this, &FindingsPage::addAction);
    connect(addMitigationButton, &QPushButton::clicked, this, &FindingsPage::addMitigation);
    deleteWithKey(m_actionsView, [this](std::size_t index) { m_document->removeAction(index); });
    deleteWithKey(m_mitigationsView, [this](std::size_t index) { m_document->removeMitigation(index); });
}

void FindingsPage::setCatalogue(const Catalogue* catalogue) {
    m_findings->setCatalogue(catalogue);
}

void FindingsPage::applySuggestions() {
    if (!m_scores->score())
        return;
    m_document->replaceFindings(findingsWithSuggestions(m_document->assessment(), *m_scores->score()),
                                tr("Suggest findings from the evidence"));
}

void FindingsPage::addAction() {
    Action action;
    const QModelIndex current = m_findingsView->currentIndex();
    if (current.isValid())
        action.characteristic =
            m_document->assessment().findings[static_cast<std::size_t>(current.row())].characteristic;
    const std::size_t at = m_document->assessment().actions.size();
    m_document->insertAction(at, action);
    m_actionsView->setCurrentIndex(m_actions->index(static_cast<int>(at), ActionPlanModel::Title));
    m_actionsView->edit(m_actionsView->currentIndex());
}

void FindingsPage::addMitigation() {
    Mitigation mitigation;
    const QModelIndex current = m_findingsView->currentIndex();
    if (current.isValid())
        mitigation.characteristic =
            m_document->assessment().findings[static_cast<std::size_t>(current.row())].characteristic;
    const std::size_t at = m_document->assessment().mitigations.size();
    m_document->insertMitigation(at, mitigation);
    m_mitigationsView->setCurrentIndex(
        m_mitigations->index(static_cast<int>(at), MitigationsModel::Description));
    m_mitigationsView->edit(m_mitigationsView->currentIndex());
}

} // namespace capeq::gui
