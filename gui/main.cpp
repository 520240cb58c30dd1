// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/paths.hpp>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include <gui/models/assessment_document.hpp>
#include <gui/models/autosave.hpp>
#include <gui/widgets/main_window.hpp>

namespace {

// One line per fact, for scripts and the crash-recovery test: what document the studio holds.
void printState(const capeq::gui::MainWindow& window) {
    const capeq::Assessment& a = window.document()->assessment();
    QTextStream out(stdout);
    out << "title=" << QString::fromStdString(a.metadata.title) << '\n'
        << "service=" << QString::fromStdString(a.metadata.service) << '\n'
        << "evidence_rows=" << a.evidence.size() << '\n'
        << "notes=" << QString::fromStdString(a.notes) << '\n'
        << "dirty=" << (window.document()->isDirty() ? 1 : 0) << '\n'
        << "file=" << window.document()->filePath() << '\n';
}

} // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CapEq"));
    QApplication::setApplicationName(QStringLiteral("capeq-studio"));
    QApplication::setApplicationVersion(QStringLiteral(CAPEQ_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CapEq Studio: equality assessment of a public service"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A .capeq assessment to open"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QStringLiteral("Start with the sample assessment"));
    const QCommandLineOption recoveryDir(
        QStringLiteral("recovery-dir"), QStringLiteral("Folder for autosaves (default: the app data folder)"),
        QStringLiteral("dir"));
    const QCommandLineOption interval(QStringLiteral("autosave-interval"),
                                      QStringLiteral("Milliseconds between autosaves (default 30000)"),
                                      QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption restoreNewest(QStringLiteral("restore-newest"),
                                           QStringLiteral("Restore the newest autosave without asking"));
    const QCommandLineOption print(QStringLiteral("print-state"),
                                   QStringLiteral("Print the open document's title, rows and state"));
    const QCommandLineOption quit(QStringLiteral("quit"), QStringLiteral("Exit once started (for scripts)"));
    parser.addOptions({sample, recoveryDir, interval, restoreNewest, print, quit});
    parser.process(application);

    capeq::gui::StudioOptions options;
    options.recoveryDirectory = parser.value(recoveryDir);
    options.autosaveIntervalMs = parser.value(interval).toInt();
    if (options.autosaveIntervalMs <= 0)
        options.autosaveIntervalMs = 30000;
    capeq::gui::MainWindow window(options);
    if (!parser.isSet(quit))
        window.show();
    // Loaded after show() so that a load error appears over the window rather than before it.
    window.loadCatalogue(capeq::defaultCatalogueDirectory());
    if (parser.isSet(restoreNewest)) {
        const auto sessions = capeq::gui::RecoveryStore::findRecoverable(
            options.recoveryDirectory.isEmpty() ? capeq::gui::RecoveryStore::defaultDirectory()
                                                : options.recoveryDirectory);
        if (!sessions.empty())
            window.restoreSession(sessions.front());
    } else if (!parser.positionalArguments().isEmpty()) {
        window.openFile(parser.positionalArguments().constFirst());
    } else if (parser.isSet(sample)) {
        window.openSample();
    } else if (!parser.isSet(quit)) {
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    }
    if (parser.isSet(print))
        printState(window);
    if (parser.isSet(quit))
        return 0;
    return QApplication::exec();
}
