// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/diagnostic.hpp>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

#include <exception>
#include <gui/models/plain_language.hpp>
#include <gui/widgets/catalogue_browser.hpp>
#include <gui/widgets/main_window.hpp>
#include <system_error>

namespace capeq::gui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
// The message box lists this many problems inline; all of them are under "Show Details...".
constexpr qsizetype kInlineProblems = 8;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_browser(new CatalogueBrowser(this))
    , m_status(new QLabel(this)) {
    setWindowTitle(tr("CapEq Studio"));
    setCentralWidget(m_browser);
    statusBar()->addPermanentWidget(m_status, 1);
    m_status->setText(tr("No catalogue loaded"));
    createMenus();
    restoreWindowState();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_browser->findAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About CapEq Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::restoreWindowState() {
    const QSettings settings;
    if (restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        restoreState(settings.value(kStateKey).toByteArray());
        return;
    }
    // First start: fill most of a 1366x768 laptop screen, the smallest we design for, without spilling.
    QSize size(1280, 720);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
}

void MainWindow::saveWindowState() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWindowState();
    QMainWindow::closeEvent(event);
}

bool MainWindow::loadCatalogue(const std::filesystem::path& directory) {
    const QString where = QString::fromStdString(directory.string());
    QStringList problems;
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        problems << tr("The folder does not exist or cannot be read.");
    } else {
        try {
            Catalogue catalogue = capeq::loadCatalogue(directory);
            const int count = static_cast<int>(catalogue.indicators().size());
            const auto domains = catalogue.domains().size();
            m_browser->setCatalogue(std::move(catalogue));
            m_status->setText(tr("%1 loaded in %2 domains from %3")
                                  .arg(indicatorCountInWords(count))
                                  .arg(domains)
                                  .arg(where));
            return true;
        } catch (const InputError& failure) {
            for (const Diagnostic& diagnostic : failure.diagnostics())
                problems << QString::fromStdString(formatDiagnostic(diagnostic));
        } catch (const std::exception& failure) {
            problems << QString::fromStdString(failure.what());
        }
    }
    m_status->setText(tr("Catalogue could not be loaded from %1").arg(where));
    showLoadError(where, problems);
    return false;
}

void MainWindow::showLoadError(const QString& directory, const QStringList& problems) {
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Catalogue could not be loaded"),
                        tr("CapEq Studio could not load the indicator catalogue from %1.").arg(directory),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("catalogueLoadError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString shown = problems.mid(0, kInlineProblems).join(QLatin1Char('\n'));
    if (problems.size() > kInlineProblems)
        shown += tr("\n... and %1 more (see Show Details).").arg(problems.size() - kInlineProblems);
    box->setInformativeText(
        tr("%1\n\nFix the files listed, or set the CAPEQ_DATA_DIR environment variable to a folder that "
           "holds a valid indicators/ folder, then start CapEq Studio again.")
            .arg(shown));
    box->setDetailedText(problems.join(QLatin1Char('\n')));
    // open() rather than exec(): the window stays responsive and a test can inspect and close the box.
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

QString MainWindow::statusText() const {
    return m_status->text();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About CapEq Studio"),
        tr("<h3>CapEq Studio %1</h3>"
           "<p>Assess how fairly a public service treats people: evidence across ten life domains, "
           "looked at for outcomes, treatment and autonomy, broken down by protected characteristics.</p>"
           "<p>Method version %2. Licensed under the Apache License 2.0.</p>")
            .arg(QStringLiteral(CAPEQ_VERSION), QStringLiteral(CAPEQ_METHOD_VERSION)));
}

} // namespace capeq::gui
