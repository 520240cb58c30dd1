// SPDX-License-Identifier: Apache-2.0
// MainWindow's file operations: new, open, the sample, save, recent files, unsaved changes and recovery.
#include <capeq/core/diagnostic.hpp>
#include <capeq/core/paths.hpp>

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include <exception>
#include <gui/models/assessment_document.hpp>
#include <gui/models/assessment_templates.hpp>
#include <gui/models/autosave.hpp>
#include <gui/widgets/assessment_wizard.hpp>
#include <gui/widgets/evidence_page.hpp>
#include <gui/widgets/main_window.hpp>
#include <gui/widgets/start_page.hpp>

namespace capeq::gui {

namespace {

const QString kRecentKey = QStringLiteral("recentFiles");
constexpr qsizetype kMaxRecent = 8;
const QString kFileFilter = QStringLiteral("CapEq assessments (*.capeq);;All files (*)");

QString messageOf(const std::exception& error) {
    if (const auto* input = dynamic_cast<const InputError*>(&error)) {
        QStringList lines;
        for (const Diagnostic& d : input->diagnostics())
            lines << QString::fromStdString(formatDiagnostic(d));
        return lines.join(QLatin1Char('\n'));
    }
    return QString::fromStdString(error.what());
}

} // namespace

void MainWindow::setUnsavedChangesQuestion(std::function<UnsavedAnswer()> question) {
    m_askUnsaved = std::move(question);
}

bool MainWindow::maybeSave() {
    if (!m_document->isDirty())
        return true;
    switch (m_askUnsaved()) {
    case UnsavedAnswer::Save:
        return save();
    case UnsavedAnswer::Discard:
        return true;
    case UnsavedAnswer::Cancel:
        break;
    }
    return false;
}

bool MainWindow::newAssessment(int templateIndex) {
    if (!m_catalogue || !maybeSave())
        return false;
    const auto templates = assessmentTemplates();
    const std::size_t index =
        std::min(static_cast<std::size_t>(std::max(templateIndex, 0)), templates.size() - 1);
    AssessmentWizard wizard(*m_catalogue, templates[index].prefill, this);
    if (wizard.exec() != QDialog::Accepted)
        return false;
    return newAssessmentFrom(wizard.assessment());
}

bool MainWindow::newAssessmentFrom(const Assessment& assessment) {
    if (!maybeSave())
        return false;
    m_document->reset(assessment, {}, true);
    showPage(Evidence);
    statusBar()->showMessage(tr("New assessment: import its evidence next (Ctrl+I)."), 8000);
    return true;
}

bool MainWindow::openFile(const QString& path) {
    if (!maybeSave())
        return false;
    try {
        m_document->load(path);
    } catch (const std::exception& error) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open the assessment"),
                                    tr("%1 could not be opened.").arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("openError"));
        box->setInformativeText(messageOf(error));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
        return false;
    }
    addRecentFile(path);
    showPage(Analysis);
    return true;
}

bool MainWindow::openSample() {
    const std::filesystem::path evidence = dataDirectory() / "datasets" / "county_council" / "evidence.csv";
    Assessment sample;
    sample.metadata.title = "Adult social care equality assessment (sample)";
    sample.metadata.organisation = "Northshire County Council (fictional)";
    sample.metadata.service = "adult_social_care";
    sample.metadata.period = "2024/25";
    sample.metadata.purpose = "Annual review of adult social care. Synthetic sample data with planted gaps.";
    sample.scope.characteristics = {"sex", "age", "disability", "ethnicity_5", "imd_quintile"};
    if (!newAssessmentFrom(sample))
        return false;
    m_evidence->importFile(QString::fromStdString(evidence.string()));
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty())
        return chooseFileAndSave();
    return saveAs(m_document->filePath());
}

bool MainWindow::saveAs(const QString& path) {
    try {
        m_document->save(path);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Could not save"),
                             tr("The assessment could not be saved to %1:\n%2\nYour work is still open; try "
                                "another folder.")
                                 .arg(path, messageOf(error)));
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::chooseFileAndSave() {
    QString suggested = QString::fromStdString(m_document->assessment().metadata.title).simplified();
    suggested.replace(QLatin1Char('/'), QLatin1Char('-'));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save assessment"),
        (suggested.isEmpty() ? tr("assessment") : suggested) + QStringLiteral(".capeq"), kFileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".capeq");
    return saveAs(path);
}

void MainWindow::chooseFileAndOpen() {
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open assessment"), {}, kFileFilter);
    if (!path.isEmpty())
        openFile(path);
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(kRecentKey, files.mid(0, kMaxRecent));
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu() {
    const QStringList files = recentFiles();
    m_recentMenu->clear();
    for (const QString& path : files)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!files.isEmpty());
    m_start->setRecentFiles(files);
}

bool MainWindow::restoreSession(const RecoverableSession& session) {
    try {
        Assessment restored = RecoveryStore::restore(session);
        m_document->reset(std::move(restored), session.originalPath, true);
    } catch (const std::exception& error) {
        QMessageBox::warning(
            this, tr("Could not restore"),
            tr("The autosaved copy is damaged and cannot be restored:\n%1").arg(messageOf(error)));
        return false;
    }
    RecoveryStore::discard(session);
    m_autosaver->autosaveNow(); // our own session now protects the restored work
    showPage(Analysis);
    statusBar()->showMessage(tr("Restored the autosaved copy. Save it to keep it."), 8000);
    return true;
}

int MainWindow::offerRecovery() {
    const std::vector<RecoverableSession> sessions =
        RecoveryStore::findRecoverable(m_options.recoveryDirectory);
    if (sessions.empty())
        return 0;
    const RecoverableSession newest = sessions.front();
    const QString name = newest.originalPath.isEmpty()
                             ? (newest.title.isEmpty() ? tr("an untitled assessment") : newest.title)
                             : QFileInfo(newest.originalPath).fileName();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Restore unsaved work?"),
                                tr("CapEq Studio closed before “%1” was saved. An autosaved copy from %2 "
                                   "is available.")
                                    .arg(name, QLocale().toString(newest.savedAt, QLocale::ShortFormat)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("recoveryOffer"));
    box->setInformativeText(tr("Restore opens it as an unsaved assessment. Discard deletes the copy."));
    QPushButton* restore = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(restore);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, newest, restore](QAbstractButton* button) {
        if (button == static_cast<QAbstractButton*>(restore))
            restoreSession(newest);
        else if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            RecoveryStore::discard(newest);
    });
    box->open();
    return static_cast<int>(sessions.size());
}

} // namespace capeq::gui
