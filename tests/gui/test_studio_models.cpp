// SPDX-License-Identifier: Apache-2.0
// The studio's table models over the document: edits through the models are undoable commands, rows
// are marked for suppression, reliability and import problems, and views' rows follow undo and redo.
#include <QUndoStack>

#include <gtest/gtest.h>
#include <gui/models/action_plan_model.hpp>
#include <gui/models/evidence_table_model.hpp>
#include <gui/models/findings_model.hpp>
#include <gui/studio_fixtures.hpp>

namespace capeq::gui {

namespace {

class StudioModelsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_catalogue = test::shippedCatalogue();
        m_document.reset(test::demoAssessment(*m_catalogue));
    }
    int countState(const EvidenceTableModel& model, EvidenceTableModel::RowState state) {
        int n = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            n += model.rowState(row) == state ? 1 : 0;
        return n;
    }
    std::shared_ptr<const Catalogue> m_catalogue;
    AssessmentDocument m_document;
};

} // namespace

TEST_F(StudioModelsTest, EvidenceEditsAreUndoableAndEmptyMeansAbsent) {
    EvidenceTableModel model(&m_document);
    ASSERT_EQ(model.rowCount(), static_cast<int>(m_document.assessment().evidence.size()));
    const QModelIndex value = model.index(3, EvidenceTableModel::Value);
    const QString before = value.data().toString();
    EXPECT_TRUE(model.setData(value, QStringLiteral("12.5")));
    EXPECT_EQ(value.data().toString(), QStringLiteral("12.5"));
    EXPECT_EQ(m_document.assessment().evidence[3].value, 12.5);
    EXPECT_TRUE(m_document.isDirty());
    EXPECT_FALSE(model.setData(value, QStringLiteral("twelve"))) << "not a number: refused";
    EXPECT_TRUE(model.setData(model.index(3, EvidenceTableModel::StandardError), QString()));
    EXPECT_FALSE(m_document.assessment().evidence[3].standardError.has_value()) << "empty is absent, not 0";
    m_document.undoStack()->undo();
    m_document.undoStack()->undo();
    EXPECT_EQ(value.data().toString(), before);
    EXPECT_FALSE(m_document.isDirty());
    EXPECT_FALSE(model.flags(model.index(0, EvidenceTableModel::Status)).testFlag(Qt::ItemIsEditable));
}

TEST_F(StudioModelsTest, MarksSuppressedAndLowReliabilityRows) {
    EvidenceTableModel model(&m_document);
    // The demo data has small cells (planted) and groups under 50 people.
    EXPECT_GT(countState(model, EvidenceTableModel::RowState::Suppressed), 0);
    EXPECT_GT(countState(model, EvidenceTableModel::RowState::LowReliability), 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowState(row) != EvidenceTableModel::RowState::Suppressed)
            continue;
        const QModelIndex status = model.index(row, EvidenceTableModel::Status);
        EXPECT_TRUE(status.data().toString().startsWith(QStringLiteral("Suppressed")));
        EXPECT_TRUE(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Disclosure control")));
        EXPECT_TRUE(status.data(Qt::BackgroundRole).isValid());
        break;
    }
}

TEST_F(StudioModelsTest, PreviewShowsTheValidatorsMessagesAgainstTheirRows) {
    EvidenceTableModel model(&m_document);
    std::vector<EvidenceRow> rows(m_document.assessment().evidence.begin(),
                                  m_document.assessment().evidence.begin() + 5);
    rows[2].location.line = 44;
    const Diagnostic onRow{Severity::Error, SourceLocation{"e.csv", 44, 7, "value"}, "value 140 is above 100",
                           "percentages run from 0 to 100"};
    const Diagnostic onFile{Severity::Error, SourceLocation{"e.csv", 0, 0, {}}, "no whole-population row",
                            ""};
    model.showPreview(rows, {onRow, onFile});
    EXPECT_TRUE(model.isPreview());
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.rowState(2), EvidenceTableModel::RowState::Problem);
    EXPECT_TRUE(model.index(2, EvidenceTableModel::Value)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("e.csv:44:7: error: value 140 is above 100")));
    EXPECT_EQ(model.fileProblems().size(), 1);
    EXPECT_FALSE(model.flags(model.index(0, EvidenceTableModel::Value)).testFlag(Qt::ItemIsEditable));
    model.showDocument();
    EXPECT_EQ(model.rowCount(), static_cast<int>(m_document.assessment().evidence.size()));
}

TEST_F(StudioModelsTest, FindingsAndActionPlanEditsAreUndoable) {
    m_document.replaceFindings({Finding{"disability", Impact::Negative, Impact::Negative, false, "gap", ""}},
                               QStringLiteral("Suggest"));
    FindingsModel findings(&m_document);
    findings.setCatalogue(m_catalogue.get());
    EXPECT_EQ(findings.index(0, FindingsModel::Characteristic).data().toString(),
              QStringLiteral("Disability"));
    EXPECT_EQ(findings.index(0, FindingsModel::Suggested).data().toString(), QStringLiteral("Negative"));
    EXPECT_TRUE(findings.setData(findings.index(0, FindingsModel::Impact), QStringLiteral("neutral")));
    EXPECT_TRUE(
        findings.setData(findings.index(0, FindingsModel::Confirmed), Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(findings.setData(findings.index(0, FindingsModel::Narrative), QStringLiteral("mitigated")));
    EXPECT_FALSE(findings.setData(findings.index(0, FindingsModel::Impact), QStringLiteral("awful")));
    EXPECT_EQ(m_document.assessment().findings[0].impact, Impact::Neutral);
    EXPECT_TRUE(m_document.assessment().findings[0].confirmed);
    m_document.undoStack()->undo();
    m_document.undoStack()->undo();
    m_document.undoStack()->undo();
    EXPECT_EQ(m_document.assessment().findings[0].impact, Impact::Negative);

    ActionPlanModel actions(&m_document);
    MitigationsModel mitigations(&m_document);
    m_document.insertAction(0, Action{});
    m_document.insertMitigation(0, Mitigation{});
    ASSERT_EQ(actions.rowCount(), 1);
    ASSERT_EQ(mitigations.rowCount(), 1);
    EXPECT_TRUE(actions.setData(actions.index(0, ActionPlanModel::Owner), QStringLiteral("Head of care")));
    EXPECT_TRUE(actions.setData(actions.index(0, ActionPlanModel::DueDate), QStringLiteral("2025-09-30")));
    EXPECT_FALSE(actions.setData(actions.index(0, ActionPlanModel::DueDate), QStringLiteral("next week")));
    EXPECT_TRUE(actions.setData(actions.index(0, ActionPlanModel::Status), QStringLiteral("in_progress")));
    EXPECT_EQ(actions.index(0, ActionPlanModel::Status).data().toString(), QStringLiteral("In progress"));
    EXPECT_TRUE(mitigations.setData(mitigations.index(0, MitigationsModel::Description),
                                    QStringLiteral("Easy-read letters")));
    EXPECT_EQ(m_document.assessment().actions[0].dueDate, "2025-09-30");
    m_document.undoStack()->undo(); // mitigation text
    m_document.undoStack()->undo(); // status
    EXPECT_EQ(m_document.assessment().actions[0].status, ActionStatus::Planned);
    m_document.undoStack()->undo();
    m_document.undoStack()->undo();
    m_document.undoStack()->undo(); // mitigation insert
    m_document.undoStack()->undo(); // action insert
    EXPECT_EQ(actions.rowCount(), 0);
    EXPECT_EQ(mitigations.rowCount(), 0);
}

} // namespace capeq::gui
