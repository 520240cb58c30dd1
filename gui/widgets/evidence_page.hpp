// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace capeq::gui {

class AssessmentDocument;
class CatalogueBrowser;
class EvidenceTableModel;
class ImportWorker;
struct ImportResult;

/// Evidence: the catalogue browser (by domain and dimension, in plain language) beside the editable
/// evidence table. Import reads and validates a file on a worker thread; when the validator finds
/// problems nothing is imported and the rows read are shown with each problem against its row.
class EvidencePage : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePage(AssessmentDocument* document, QWidget* parent = nullptr);
    ~EvidencePage() override;

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    CatalogueBrowser* catalogueBrowser() const { return m_browser; }
    QTableView* table() const { return m_table; }
    EvidenceTableModel* model() const { return m_model; }
    ImportWorker* importWorker() const { return m_importer; }
    QListWidget* problemList() const { return m_problems; }

public Q_SLOTS:
    /// Asks for a file and imports it.
    void chooseAndImport();
    /// Imports a file (CSV in any supported format, SQLite store or .capeq) in the background.
    void importFile(const QString& path);
    void addRow();
    void deleteSelectedRows();

Q_SIGNALS:
    /// imported is false when the file had problems or was cancelled; message says what happened.
    void importFinished(bool imported, const QString& message);

private:
    void onImported(const ImportResult& result);
    void showBanner(const QString& text, bool problem);
    void backToDocument();
    void onIndicatorSelected(const QString& id);

    AssessmentDocument* m_document;
    std::shared_ptr<const Catalogue> m_catalogue;
    CatalogueBrowser* m_browser = nullptr;
    EvidenceTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QCheckBox* m_onlySelected = nullptr;
    QLabel* m_banner = nullptr;
    QListWidget* m_problems = nullptr;
    QPushButton* m_back = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    ImportWorker* m_importer = nullptr;
    QString m_selectedIndicator;
};

} // namespace capeq::gui
