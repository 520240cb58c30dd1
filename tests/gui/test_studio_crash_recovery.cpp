// SPDX-License-Identifier: Apache-2.0
// Crash recovery with the real capeq-studio binary: start it on the sample with fast autosave, kill it
// with SIGKILL once the autosave holds the imported evidence, then start it again and check that the
// work is offered for recovery and restores.
#include <capeq/assessment/assessment_file.hpp>

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>
#include <gui/models/assessment_document.hpp>
#include <gui/models/autosave.hpp>
#include <gui/studio_fixtures.hpp>
#include <gui/widgets/main_window.hpp>

namespace capeq::gui {

namespace {

class StudioCrashRecoveryTest : public capeq::test::TempDirTest {
protected:
    QString dir(const char* name) const { return QString::fromStdString((tempDir() / name).string()); }

    // The studio is built beside the test executable; the test needs both targets built.
    static QString studioBinary() {
        return QCoreApplication::applicationDirPath() + QStringLiteral("/capeq-studio");
    }

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Keep the studio's settings and app data out of the user's real folders.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir("data"));
        env.insert(QStringLiteral("CAPEQ_DATA_DIR"),
                   QString::fromStdString(capeq::test::sourceDir().string()));
        return env;
    }

    // The newest recovery file's size once it holds evidence rows, 0 until then.
    static bool autosaveHoldsEvidence(const QString& recovery) {
        for (const QFileInfo& file :
             QDir(recovery).entryInfoList({QStringLiteral("*.capeq-recovery")}, QDir::Files)) {
            try {
                if (!loadAssessment(file.absoluteFilePath().toStdString()).evidence.empty())
                    return true;
            } catch (const std::exception&) {
                // Being written right now (atomic rename makes this rare): try again.
            }
        }
        return false;
    }
};

} // namespace

TEST_F(StudioCrashRecoveryTest, KilledStudioOffersAndRestoresTheAutosave) {
    if (!QFileInfo::exists(studioBinary()))
        GTEST_SKIP() << "build the capeq-studio target first: " << studioBinary().toStdString();
    const QString recovery = dir("recovery");

    QProcess studio;
    studio.setProcessEnvironment(environment());
    studio.start(studioBinary(), {QStringLiteral("--sample"), QStringLiteral("--recovery-dir"), recovery,
                                  QStringLiteral("--autosave-interval"), QStringLiteral("200")});
    ASSERT_TRUE(studio.waitForStarted(10000));
    const bool saved = test::waitUntil([&] { return autosaveHoldsEvidence(recovery); }, 60000);
    studio.kill(); // SIGKILL: no clean-up runs, as in a crash or power cut
    studio.waitForFinished(10000);
    ASSERT_TRUE(saved) << studio.readAllStandardError().toStdString();
    EXPECT_EQ(studio.exitStatus(), QProcess::CrashExit);

    // A new session finds the dead session's autosave and offers it.
    {
        StudioOptions options;
        options.recoveryDirectory = recovery;
        MainWindow window(options);
        EXPECT_EQ(window.offerRecovery(), 1);
        auto* offer = window.findChild<QMessageBox*>(QStringLiteral("recoveryOffer"));
        ASSERT_NE(offer, nullptr);
        EXPECT_TRUE(offer->text().contains(QStringLiteral("sample"))) << offer->text().toStdString();
        offer->close();
    }

    // The real binary restores it.
    QProcess second;
    second.setProcessEnvironment(environment());
    second.start(studioBinary(),
                 {QStringLiteral("--recovery-dir"), recovery, QStringLiteral("--restore-newest"),
                  QStringLiteral("--print-state"), QStringLiteral("--quit")});
    ASSERT_TRUE(second.waitForFinished(60000));
    const QString out = QString::fromUtf8(second.readAllStandardOutput());
    EXPECT_EQ(second.exitCode(), 0) << second.readAllStandardError().toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("title=Adult social care equality assessment (sample)")))
        << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("service=adult_social_care"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("dirty=1"))) << "restored work is unsaved work";
    EXPECT_FALSE(out.contains(QStringLiteral("evidence_rows=0\n"))) << out.toStdString();
    EXPECT_TRUE(RecoveryStore::findRecoverable(recovery).empty())
        << "a restored autosave is not offered again";
}

} // namespace capeq::gui
