// SPDX-License-Identifier: Apache-2.0
// The document model without any window: every edit kind is undoable, the dirty flag follows the undo
// stack and saving, and a saved file reopens equal.
#include <QUndoStack>

#include <gtest/gtest.h>
#include <gui/models/assessment_document.hpp>
#include <support/test_support.hpp>

namespace capeq::gui {

namespace {

class AssessmentDocumentTest : public test::TempDirTest {};

EvidenceRow row(const std::string& group, double value) {
    EvidenceRow r;
    r.indicator = IndicatorId{"control_over_daily_life"};
    r.area = AreaCode{"E10999999"};
    r.service = ServiceId{"adult_social_care"};
    r.period = "2024/25";
    r.characteristic = CharacteristicId{group == "all" ? "all" : "sex"};
    r.group = GroupCode{group};
    r.value = value;
    return r;
}

// Applies an edit, then checks undo restores the before state, redo the after state, and the document
// is dirty exactly while it differs from the saved state.
void expectUndoable(AssessmentDocument& document, const std::function<void()>& edit) {
    const Assessment before = document.assessment();
    EXPECT_FALSE(document.isDirty());
    edit();
    const Assessment after = document.assessment();
    EXPECT_FALSE(before == after);
    EXPECT_TRUE(document.isDirty());
    document.undoStack()->undo();
    EXPECT_TRUE(document.assessment() == before);
    EXPECT_FALSE(document.isDirty());
    document.undoStack()->redo();
    EXPECT_TRUE(document.assessment() == after);
    EXPECT_TRUE(document.isDirty());
    document.undoStack()->undo();
}

} // namespace

TEST_F(AssessmentDocumentTest, EveryEditKindIsUndoable) {
    AssessmentDocument document;
    Assessment start;
    start.evidence = {row("all", 70), row("female", 71)};
    start.findings = {Finding{"sex", Impact::Neutral, Impact::Neutral, false, "none", ""}};
    start.mitigations = {Mitigation{"sex", "Targeted outreach"}};
    start.actions = {Action{"Review", "sex", "Head of service", "2025-03-31", ActionStatus::Planned, ""}};
    document.reset(start);
    ASSERT_FALSE(document.isDirty());

    AssessmentMetadata meta = start.metadata;
    meta.organisation = "Northshire";
    expectUndoable(document, [&] { document.setMetadata(meta); });
    AssessmentScope scope;
    scope.characteristics = {"sex", "age"};
    expectUndoable(document, [&] { document.setScope(scope); });
    WeightProfile weights;
    weights.domainWeights["health"] = 2.0;
    expectUndoable(document, [&] { document.setWeights(weights); });
    expectUndoable(document, [&] { document.setNotes("checked with the team"); });
    expectUndoable(document, [&] { document.replaceEvidence({row("all", 60)}, QStringLiteral("Import")); });
    expectUndoable(document, [&] { document.setEvidenceRow(1, row("female", 55)); });
    expectUndoable(document, [&] { document.insertEvidenceRow(2, row("male", 66)); });
    expectUndoable(document, [&] { document.removeEvidenceRows(0, 2); });
    Finding finding = start.findings[0];
    finding.impact = Impact::Negative;
    finding.confirmed = true;
    expectUndoable(document, [&] { document.setFinding(0, finding); });
    expectUndoable(document, [&] { document.replaceFindings({}, QStringLiteral("Suggest")); });
    expectUndoable(document, [&] { document.insertMitigation(1, Mitigation{"age", "Easy read"}); });
    expectUndoable(document, [&] { document.setMitigation(0, Mitigation{"sex", "Changed"}); });
    expectUndoable(document, [&] { document.removeMitigation(0); });
    expectUndoable(document, [&] { document.insertAction(0, Action{"New", "age", "", "", {}, ""}); });
    Action action = start.actions[0];
    action.status = ActionStatus::Done;
    expectUndoable(document, [&] { document.setAction(0, action); });
    expectUndoable(document, [&] { document.removeAction(0); });
}

TEST_F(AssessmentDocumentTest, RowSignalsNameTheListAndRows) {
    AssessmentDocument document;
    std::vector<std::pair<DocumentList, int>> inserted;
    std::vector<std::pair<DocumentList, int>> removed;
    QObject::connect(&document, &AssessmentDocument::rowsInserted, &document,
                     [&](DocumentList list, int first, int) { inserted.emplace_back(list, first); });
    QObject::connect(&document, &AssessmentDocument::rowsRemoved, &document,
                     [&](DocumentList list, int first, int) { removed.emplace_back(list, first); });
    document.insertAction(0, Action{});
    ASSERT_EQ(inserted.size(), 1u);
    EXPECT_EQ(inserted[0].first, DocumentList::Actions);
    document.undoStack()->undo();
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].second, 0);
}

TEST_F(AssessmentDocumentTest, DirtyFlagFollowsSavingAndUndo) {
    AssessmentDocument document;
    int dirtyChanges = 0;
    QObject::connect(&document, &AssessmentDocument::dirtyChanged, &document, [&] { ++dirtyChanges; });
    EXPECT_FALSE(document.isDirty());
    document.setNotes("a");
    EXPECT_TRUE(document.isDirty());
    const QString path = QString::fromStdString((tempDir() / "a.capeq").string());
    document.save(path);
    EXPECT_FALSE(document.isDirty());
    EXPECT_EQ(document.filePath(), path);
    EXPECT_EQ(document.displayName(), QStringLiteral("a.capeq"));
    document.setNotes("b");
    EXPECT_TRUE(document.isDirty());
    document.undoStack()->undo();
    EXPECT_FALSE(document.isDirty()) << "back at the saved state";
    document.undoStack()->undo();
    EXPECT_TRUE(document.isDirty()) << "before the saved state";
    EXPECT_GE(dirtyChanges, 4);

    // A new document from the wizard counts as unsaved work until it is saved.
    document.reset(Assessment{}, {}, true);
    EXPECT_TRUE(document.isDirty());
    EXPECT_TRUE(document.filePath().isEmpty());
}

TEST_F(AssessmentDocumentTest, SavedFileReopensEqual) {
    AssessmentDocument document;
    Assessment start;
    start.metadata.title = "Libraries";
    start.evidence = {row("all", 70), row("female", 71)};
    start.actions = {Action{"Review", "sex", "Head of service", "2025-03-31", ActionStatus::InProgress, "x"}};
    document.reset(start);
    document.setNotes("notes");
    const QString path = QString::fromStdString((tempDir() / "libraries.capeq").string());
    document.save(path);
    AssessmentDocument reopened;
    reopened.load(path);
    EXPECT_TRUE(reopened.assessment() == document.assessment());
    EXPECT_FALSE(reopened.isDirty());
    EXPECT_EQ(reopened.undoStack()->count(), 0);
}

TEST_F(AssessmentDocumentTest, CorruptFileLeavesTheDocumentUnchanged) {
    AssessmentDocument document;
    document.setNotes("keep me");
    const auto path = tempDir() / "broken.capeq";
    test::writeFile(path, "CAPEQ-ASSESSMENT 1\nnot really\n");
    EXPECT_THROW(document.load(QString::fromStdString(path.string())), InputError);
    EXPECT_EQ(document.assessment().notes, "keep me");
}

} // namespace capeq::gui
