// SPDX-License-Identifier: Apache-2.0
// Autosave and recovery without a window: the recovery file appears after an edit, holds the unsaved
// document, is offered only for dead sessions, and goes away once the document is saved.
#include <capeq/assessment/assessment_file.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <gtest/gtest.h>
#include <gui/models/assessment_document.hpp>
#include <gui/models/autosave.hpp>
#include <gui/studio_fixtures.hpp>

namespace capeq::gui {

namespace {

class AutosaveTest : public capeq::test::TempDirTest {
protected:
    QString dir() const { return QString::fromStdString((tempDir() / "recovery").string()); }
};

} // namespace

TEST_F(AutosaveTest, WritesAfterAnEditAndRemovesAfterSaving) {
    AssessmentDocument document;
    Autosaver autosaver(&document, dir(), 100);
    EXPECT_FALSE(autosaver.autosaveNow()) << "nothing to save in a clean document";
    document.setNotes("unsaved work");
    ASSERT_TRUE(test::waitUntil([&] { return QFileInfo::exists(autosaver.recoveryFile()); }, 5000));
    EXPECT_EQ(loadAssessment(autosaver.recoveryFile().toStdString()).notes, "unsaved work");
    // Our own session is alive: it is not offered for recovery.
    EXPECT_TRUE(RecoveryStore::findRecoverable(dir()).empty());

    document.save(QString::fromStdString((tempDir() / "saved.capeq").string()));
    EXPECT_FALSE(QFileInfo::exists(autosaver.recoveryFile()));
}

TEST_F(AutosaveTest, DeadSessionIsRecoverableAndRestoresTheDocument) {
    QString recoveryFile;
    {
        AssessmentDocument document;
        auto* autosaver = new Autosaver(&document, dir(), 60000, &document);
        Assessment assessment;
        assessment.metadata.title = "Housing";
        assessment.notes = "typed before the crash";
        document.reset(assessment, {}, true);
        ASSERT_TRUE(autosaver->autosaveNow());
        recoveryFile = autosaver->recoveryFile();
        // Simulate a crash: copy the files away before the autosaver cleans up, then put them back with
        // a lock that no live process holds.
        QDir().mkpath(dir() + QStringLiteral("/keep"));
        for (const QString& suffix : {QStringLiteral(".capeq-recovery"), QStringLiteral(".json")}) {
            const QString from = recoveryFile.chopped(15) + suffix;
            ASSERT_TRUE(QFile::copy(from, dir() + QStringLiteral("/keep/") + QFileInfo(from).fileName()));
        }
    }
    for (const QString& name : QDir(dir() + QStringLiteral("/keep")).entryList(QDir::Files))
        ASSERT_TRUE(QFile::rename(dir() + QStringLiteral("/keep/") + name, dir() + QLatin1Char('/') + name));

    const auto sessions = RecoveryStore::findRecoverable(dir());
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].title, QStringLiteral("Housing"));
    const Assessment restored = RecoveryStore::restore(sessions[0]);
    EXPECT_EQ(restored.notes, "typed before the crash");
    RecoveryStore::discard(sessions[0]);
    EXPECT_TRUE(RecoveryStore::findRecoverable(dir()).empty());
}

TEST_F(AutosaveTest, AutosaveOlderThanTheSavedFileIsNotOffered) {
    const QString original = QString::fromStdString((tempDir() / "doc.capeq").string());
    const QString base = dir() + QStringLiteral("/session-old");
    QDir().mkpath(dir());
    saveAssessment((base + QStringLiteral(".capeq-recovery")).toStdString(), Assessment{});
    capeq::test::writeFile((base + QStringLiteral(".json")).toStdString(),
                           "{\"originalPath\":\"" + original.toStdString() +
                               "\",\"title\":\"t\",\"savedAt\":\"2001-01-01T00:00:00\"}");
    saveAssessment(original.toStdString(), Assessment{}); // saved long after that autosave
    EXPECT_TRUE(RecoveryStore::findRecoverable(dir()).empty());
    EXPECT_FALSE(QFileInfo::exists(base + QStringLiteral(".json"))) << "stale autosave removed";
}

} // namespace capeq::gui
