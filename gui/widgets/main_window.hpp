// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <filesystem>
#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace capeq {
struct Assessment;
class Catalogue;
} // namespace capeq

namespace capeq::gui {

class AnalysisPage;
class AssessmentDocument;
class Autosaver;
class CatalogueBrowser;
class DetailsPage;
class EvidencePage;
class FindingsPage;
class ReportPage;
class ScoreModel;
class StartPage;
struct RecoverableSession;

/// Start-up choices that tests and the command line may change.
struct StudioOptions {
    QString recoveryDirectory; ///< empty: RecoveryStore::defaultDirectory()
    int autosaveIntervalMs = 30000;
};

/// The studio's main window: a page list (start, assessment, evidence, analysis, findings, report) beside
/// the current page, menus with the usual shortcuts, and a status bar. Owns the open document, its
/// autosave and the scores. Geometry and layout persist between sessions through QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { Start, Details, Evidence, Analysis, Findings, Report, PageCount };
    /// What the unsaved-changes question answered: save first, throw the changes away, or stop.
    enum class UnsavedAnswer { Save, Discard, Cancel };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const StudioOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads the catalogue from directory. When it cannot be loaded, shows a message box listing every
    /// diagnostic (window-modal, not blocking the caller), keeps the window usable and returns false.
    bool loadCatalogue(const std::filesystem::path& directory);

    CatalogueBrowser* catalogueBrowser() const;
    /// The status bar's permanent text, e.g. "84 indicators loaded from ...".
    QString statusText() const;
    AssessmentDocument* document() const { return m_document; }
    ScoreModel* scores() const { return m_scores; }
    Autosaver* autosaver() const { return m_autosaver; }
    EvidencePage* evidencePage() const { return m_evidence; }
    AnalysisPage* analysisPage() const { return m_analysis; }
    FindingsPage* findingsPage() const { return m_findings; }
    ReportPage* reportPage() const { return m_report; }
    DetailsPage* detailsPage() const { return m_details; }
    StartPage* startPage() const { return m_start; }
    Page currentPage() const;
    void showPage(Page page);

    /// Replaces the question asked before unsaved changes would be lost (tests answer it directly).
    void setUnsavedChangesQuestion(std::function<UnsavedAnswer()> question);

    // File operations; each asks about unsaved changes first and returns false when nothing happened.
    /// Starts a new assessment from a template through the wizard.
    bool newAssessment(int templateIndex);
    /// Starts a new assessment with these fields (what the wizard returns).
    bool newAssessmentFrom(const Assessment& assessment);
    bool openFile(const QString& path);
    /// A new, unsaved assessment of the sample service with the sample evidence being imported.
    bool openSample();
    bool save();
    bool saveAs(const QString& path);
    /// Restores an autosave as an unsaved document (its original file, if any, stays the file to save to).
    bool restoreSession(const RecoverableSession& session);
    /// Looks for autosaves of sessions that ended abnormally and, if any, asks whether to restore the
    /// newest (a window-modal box named "recoveryOffer"). Returns how many there were.
    int offerRecovery();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createMenus();
    void restoreWindowState();
    void saveWindowState() const;
    void showAbout();
    void showHelp();
    void showLoadError(const QString& directory, const QStringList& problems);
    void updateTitle();
    bool maybeSave();
    bool chooseFileAndSave();
    void chooseFileAndOpen();
    void addRecentFile(const QString& path);
    QStringList recentFiles() const;
    void refreshRecentMenu();

    StudioOptions m_options;
    AssessmentDocument* m_document = nullptr;
    Autosaver* m_autosaver = nullptr;
    ScoreModel* m_scores = nullptr;
    std::shared_ptr<const Catalogue> m_catalogue;
    QListWidget* m_nav = nullptr;
    QStackedWidget* m_stack = nullptr;
    StartPage* m_start = nullptr;
    DetailsPage* m_details = nullptr;
    EvidencePage* m_evidence = nullptr;
    AnalysisPage* m_analysis = nullptr;
    FindingsPage* m_findings = nullptr;
    ReportPage* m_report = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::function<UnsavedAnswer()> m_askUnsaved;
};

} // namespace capeq::gui
