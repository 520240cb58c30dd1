// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QWidget>

class QTableView;

namespace capeq::gui {

class ActionPlanModel;
class AssessmentDocument;
class FindingsModel;
class MitigationsModel;
class ScoreModel;

/// Findings and the action plan: per characteristic the impact the evidence suggests and the officer's
/// confirmed judgement with evidence and reasoning; mitigations; actions with owner, due date and status.
class FindingsPage : public QWidget {
    Q_OBJECT
public:
    FindingsPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent = nullptr);

    void setCatalogue(const Catalogue* catalogue);
    QTableView* findingsTable() const { return m_findingsView; }
    QTableView* actionsTable() const { return m_actionsView; }

public Q_SLOTS:
    /// Refreshes every finding's suggestion from the latest scores (one undoable step); confirmed
    /// judgements are kept.
    void applySuggestions();
    void addAction();
    void addMitigation();

private:
    AssessmentDocument* m_document;
    ScoreModel* m_scores;
    FindingsModel* m_findings = nullptr;
    MitigationsModel* m_mitigations = nullptr;
    ActionPlanModel* m_actions = nullptr;
    QTableView* m_findingsView = nullptr;
    QTableView* m_mitigationsView = nullptr;
    QTableView* m_actionsView = nullptr;
};

} // namespace capeq::gui
