// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/diagnostic.hpp>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

#include <exception>
#include <gui/models/assessment_document.hpp>
#include <gui/models/autosave.hpp>
#include <gui/models/plain_language.hpp>
#include <gui/models/score_model.hpp>
#include <gui/widgets/analysis_page.hpp>
#include <gui/widgets/catalogue_browser.hpp>
#include <gui/widgets/details_page.hpp>
#include <gui/widgets/evidence_page.hpp>
#include <gui/widgets/findings_page.hpp>
#include <gui/widgets/main_window.hpp>
#include <gui/widgets/report_page.hpp>
#include <gui/widgets/start_page.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <system_error>

namespace capeq::gui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");
// The message box lists this many problems inline; all of them are under "Show Details...".
constexpr qsizetype kInlineProblems = 8;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(StudioOptions{}, parent) {}

MainWindow::MainWindow(const StudioOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_document(new AssessmentDocument(this))
    , m_scores(new ScoreModel(this))
    , m_status(new QLabel(this)) {
    if (m_options.recoveryDirectory.isEmpty())
        m_options.recoveryDirectory = RecoveryStore::defaultDirectory();
    m_autosaver = new Autosaver(m_document, m_options.recoveryDirectory, m_options.autosaveIntervalMs, this);
    setObjectName(QStringLiteral("mainWindow"));
    createPages();
    statusBar()->addPermanentWidget(m_status, 1);
    m_status->setText(tr("No catalogue loaded"));
    createMenus();
    restoreWindowState();
    updateTitle();
    connect(m_document, &AssessmentDocument::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_document, &AssessmentDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &AssessmentDocument::metadataChanged, this, &MainWindow::updateTitle);
    connect(m_autosaver, &Autosaver::autosaved, this,
            [this] { statusBar()->showMessage(tr("Autosaved"), 2000); });
    connect(m_autosaver, &Autosaver::failed, this,
            [this](const QString& why) { statusBar()->showMessage(why); });
    m_askUnsaved = [this] {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved changes"),
            tr("“%1” has changes that are not saved. Save them first?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedAnswer::Save
               : answer == QMessageBox::Discard ? UnsavedAnswer::Discard
                                                : UnsavedAnswer::Cancel;
    };
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages() {
    m_start = new StartPage(this);
    m_details = new DetailsPage(m_document, this);
    m_evidence = new EvidencePage(m_document, this);
    m_analysis = new AnalysisPage(m_document, m_scores, this);
    m_findings = new FindingsPage(m_document, m_scores, this);
    m_report = new ReportPage(m_document, m_scores, this);
    m_stack = new QStackedWidget(this);
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("pageList"));
    const QStringList names{tr("Start"),    tr("Assessment"),         tr("Evidence"),
                            tr("Analysis"), tr("Findings & actions"), tr("Report")};
    const QStringList tips{tr("Recent files, a new assessment or the sample (Ctrl+1)"),
                           tr("Service, area, period, purpose and characteristics in scope (Ctrl+2)"),
                           tr("The indicator catalogue and your evidence (Ctrl+3)"),
                           tr("Scores, charts and how each number was worked out (Ctrl+4)"),
                           tr("Impact per characteristic, mitigations and the action plan (Ctrl+5)"),
                           tr("Export the report as PDF or HTML (Ctrl+6)")};
    const std::array<QWidget*, PageCount> pages{m_start,    m_details,  m_evidence,
                                                m_analysis, m_findings, m_report};
    for (int page = 0; page < PageCount; ++page) {
        auto* item = new QListWidgetItem(names[page], m_nav);
        item->setToolTip(tips[page]);
        m_stack->addWidget(pages[static_cast<std::size_t>(page)]);
    }
    m_nav->setFixedWidth(m_nav->sizeHintForColumn(0) + 36);
    m_nav->setCurrentRow(Start);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_start, &StartPage::newRequested, this, &MainWindow::newAssessment);
    connect(m_start, &StartPage::openRequested, this, &MainWindow::chooseFileAndOpen);
    connect(m_start, &StartPage::sampleRequested, this, &MainWindow::openSample);
    connect(m_start, &StartPage::recentRequested, this, &MainWindow::openFile);
    connect(m_evidence, &EvidencePage::importFinished, this,
            [this](bool, const QString& message) { statusBar()->showMessage(message, 8000); });
    m_start->setRecentFiles(recentFiles());
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Assessment..."), QKeySequence::New, this, [this] { newAssessment(1); });
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::chooseFileAndOpen);
    file->addAction(tr("Open the &Sample"), this, &MainWindow::openSample);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, &MainWindow::chooseFileAndSave);
    file->addSeparator();
    file->addAction(tr("&Import Evidence..."), QKeySequence(tr("Ctrl+I")), m_evidence,
                    &EvidencePage::chooseAndImport);
    file->addAction(tr("Export Report as &PDF..."), QKeySequence(tr("Ctrl+E")), m_report,
                    &ReportPage::chooseAndExportPdf);
    file->addAction(tr("Export Report as &HTML..."), m_report, &ReportPage::chooseAndExportHtml);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Y")), QKeySequence(tr("Ctrl+Shift+Z"))});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(catalogueBrowser()->findAction());
    connect(catalogueBrowser()->findAction(), &QAction::triggered, this, [this] { showPage(Evidence); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        QAction* go = view->addAction(m_nav->item(page)->text(), this,
                                      [this, page] { showPage(static_cast<Page>(page)); });
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
    }
    view->addSeparator();
    view->addAction(tr("&Rescore"), QKeySequence::Refresh, m_analysis, &AnalysisPage::rescore);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("CapEq Studio &Help"), QKeySequence::HelpContents, this, &MainWindow::showHelp);
    QAction* about = help->addAction(tr("&About CapEq Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

CatalogueBrowser* MainWindow::catalogueBrowser() const {
    return m_evidence->catalogueBrowser();
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_stack->currentIndex());
}

void MainWindow::showPage(Page page) {
    m_nav->setCurrentRow(page);
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
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    m_autosaver->clear();
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
            auto catalogue = std::make_shared<const Catalogue>(capeq::loadCatalogue(directory));
            m_catalogue = catalogue;
            const int count = static_cast<int>(catalogue->indicators().size());
            const auto domains = catalogue->domains().size();
            catalogueBrowser()->setCatalogue(*catalogue);
            m_evidence->setCatalogue(catalogue);
            m_details->setCatalogue(*catalogue);
            m_findings->setCatalogue(catalogue.get());
            m_analysis->setCatalogue(catalogue, defaultScoringSettings());
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

void MainWindow::updateTitle() {
    const std::string& title = m_document->assessment().metadata.title;
    setWindowTitle(
        QStringLiteral("%1[*]%2 — CapEq Studio")
            .arg(m_document->displayName(),
                 title.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(title))));
    setWindowModified(m_document->isDirty());
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

void MainWindow::showHelp() {
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("CapEq Studio help"),
                        tr("<p>Work through the pages on the left, top to bottom: start an assessment, "
                           "describe it, import evidence, read the analysis, record findings and "
                           "actions, export the report. The user guide (docs/USER_GUIDE.md) walks "
                           "through each step with pictures.</p>"
                           "<p><b>Keys:</b> Ctrl+N new · Ctrl+O open · Ctrl+S save · Ctrl+Z undo · "
                           "Ctrl+Y redo · Ctrl+I import evidence · Ctrl+E export PDF · Ctrl+F find an "
                           "indicator · Ctrl+1 to Ctrl+6 pages · F5 rescore · F1 this help.</p>"
                           "<p>Hover over any column heading or score to see what it means.</p>"),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("helpBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

} // namespace capeq::gui
