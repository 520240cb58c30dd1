// SPDX-License-Identifier: Apache-2.0
#include <capeq/pipeline/evidence_input.hpp>

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <gui/models/assessment_document.hpp>
#include <gui/models/evidence_table_model.hpp>
#include <gui/widgets/catalogue_browser.hpp>
#include <gui/widgets/evidence_page.hpp>
#include <gui/workers/import_worker.hpp>

namespace capeq::gui {

EvidencePage::EvidencePage(AssessmentDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_browser(new CatalogueBrowser(this))
    , m_model(new EvidenceTableModel(document, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_onlySelected(new QCheckBox(tr("Only the &selected indicator"), this))
    , m_banner(new QLabel(this))
    , m_problems(new QListWidget(this))
    , m_back(new QPushButton(tr("&Back to the assessment's evidence"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_importer(new ImportWorker(this)) {
    auto* importButton = new QPushButton(tr("&Import evidence..."), this);
    importButton->setToolTip(
        tr("Read a CSV (CapEq, WHO HEAT Plus, Fingertips or Ethnicity facts and figures), "
           "a CapEq SQLite store or another assessment. Every problem is listed and "
           "nothing is imported until the file is right (Ctrl+I)."));
    importButton->setShortcut(QKeySequence(tr("Ctrl+I")));
    auto* addButton = new QPushButton(tr("&Add row"), this);
    addButton->setToolTip(tr("Type in a figure by hand, for example from a published table."));
    auto* deleteButton = new QPushButton(tr("&Delete rows"), this);
    deleteButton->setToolTip(tr("Delete the selected rows (Delete key). Undo brings them back."));
    m_onlySelected->setToolTip(tr("Show only the rows of the indicator selected in the catalogue."));

    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(EvidenceTableModel::Indicator);
    m_table->setModel(m_filter);
    m_table->setObjectName(QStringLiteral("evidenceTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(92);
    m_table->setColumnWidth(EvidenceTableModel::Status, 150);
    m_table->setColumnWidth(EvidenceTableModel::Indicator, 190);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setWordWrap(false);

    m_progress->setRange(0, 0); // reading has no row count up front: a busy indicator, honestly
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setVisible(false);
    m_problems->setMaximumHeight(140);
    m_problems->setWordWrap(true);
    m_back->setVisible(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(importButton);
    buttons->addWidget(addButton);
    buttons->addWidget(deleteButton);
    buttons->addWidget(m_onlySelected);
    buttons->addStretch();
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancel);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_problems);
    rightLayout->addWidget(m_back);
    rightLayout->addWidget(m_table, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_browser);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(importButton, &QPushButton::clicked, this, &EvidencePage::chooseAndImport);
    connect(addButton, &QPushButton::clicked, this, &EvidencePage::addRow);
    connect(deleteButton, &QPushButton::clicked, this, &EvidencePage::deleteSelectedRows);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_importer->cancel();
        Q_EMIT importFinished(false, tr("Import cancelled."));
    });
    connect(m_back, &QPushButton::clicked, this, &EvidencePage::backToDocument);
    connect(m_importer, &ImportWorker::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
    });
    connect(m_importer, &ImportWorker::finished, this, &EvidencePage::onImported);
    connect(m_browser, &CatalogueBrowser::indicatorSelected, this, &EvidencePage::onIndicatorSelected);
    connect(m_onlySelected, &QCheckBox::toggled, this, [this] { onIndicatorSelected(m_selectedIndicator); });
    connect(m_problems, &QListWidget::currentRowChanged, this, [this](int) {
        const QVariant row =
            m_problems->currentItem() ? m_problems->currentItem()->data(Qt::UserRole) : QVariant();
        if (row.isValid())
            m_table->selectRow(m_filter->mapFromSource(m_model->index(row.toInt(), 0)).row());
    });
    auto* del = new QAction(this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(del);
    connect(del, &QAction::triggered, this, &EvidencePage::deleteSelectedRows);
}

EvidencePage::~EvidencePage() = default;

void EvidencePage::setCatalogue(std::shared_ptr<const Catalogue> catalogue) {
    m_catalogue = std::move(catalogue);
}

void EvidencePage::chooseAndImport() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import evidence"), {},
        tr("Evidence (*.csv *.sqlite *.db *.capeq);;CSV files (*.csv);;SQLite stores (*.sqlite *.db);;"
           "All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void EvidencePage::importFile(const QString& path) {
    if (!m_catalogue) {
        showBanner(tr("The indicator catalogue is not loaded, so evidence cannot be checked."), true);
        Q_EMIT importFinished(false, m_banner->text());
        return;
    }
    showBanner(tr("Reading and checking %1...").arg(QFileInfo(path).fileName()), false);
    m_importer->start(path, m_catalogue);
}

void EvidencePage::onImported(const ImportResult& result) {
    const QString name = QFileInfo(result.path).fileName();
    if (result.hasErrors()) {
        m_model->showPreview(result.rows, result.diagnostics);
        m_problems->clear();
        // The folder is the same for every message; the file name and line are what the officer needs.
        const QString folder = QFileInfo(result.path).absolutePath() + QLatin1Char('/');
        for (const QString& text : m_model->fileProblems())
            m_problems->addItem(QString(text).remove(folder));
        for (int row = 0; row < m_model->rowCount(); ++row)
            for (const QString& text : m_model->rowProblems(row)) {
                auto* item = new QListWidgetItem(
                    tr("Row %1: %2").arg(row + 1).arg(QString(text).remove(folder)), m_problems);
                item->setData(Qt::UserRole, row);
            }
        m_problems->setVisible(true);
        m_back->setVisible(true);
        showBanner(tr("Nothing was imported from %1: %n problem(s) found. The rows read are shown below, "
                      "each problem against its row. Fix the file and import it again.",
                      nullptr, result.errorCount())
                       .arg(name),
                   true);
        Q_EMIT importFinished(false, m_banner->text());
        return;
    }
    // One service per assessment: keep the rows of the assessment's service, asking when unclear.
    const std::vector<ServiceId> services = servicesIn(result.rows);
    AssessmentMetadata meta = m_document->assessment().metadata;
    ServiceId service{meta.service};
    if (std::find(services.begin(), services.end(), service) == services.end()) {
        if (services.size() == 1) {
            service = services.front();
        } else if (!services.empty()) {
            QStringList names;
            for (const ServiceId& s : services)
                names << QString::fromStdString(s.str());
            bool ok = false;
            const QString chosen =
                QInputDialog::getItem(this, tr("Which service?"),
                                      tr("%1 holds evidence for several services. Which one "
                                         "does this assessment cover?")
                                          .arg(name),
                                      names, 0, false, &ok);
            if (!ok) {
                Q_EMIT importFinished(false, tr("Import cancelled."));
                return;
            }
            service = ServiceId{chosen.toStdString()};
        }
    }
    std::vector<EvidenceRow> rows;
    for (const EvidenceRow& row : result.rows)
        if (row.service == service)
            rows.push_back(row);
    backToDocument();
    m_document->undoStack()->beginMacro(tr("Import evidence from %1").arg(name));
    m_document->replaceEvidence(std::move(rows), tr("Import evidence from %1").arg(name));
    if (meta.service.empty() || meta.area.empty() || meta.period.empty()) {
        meta.service = service.str();
        const auto areas = areasOf(m_document->assessment().evidence, service);
        const auto periods = periodsOf(m_document->assessment().evidence, service);
        if (meta.area.empty() && !areas.empty())
            meta.area = areas.front().str();
        if (meta.period.empty() && !periods.empty())
            meta.period = periods.back();
        m_document->setMetadata(meta);
    }
    m_document->undoStack()->endMacro();
    QString message = tr("Imported %n row(s) for %1 from %2.", nullptr,
                         static_cast<int>(m_document->assessment().evidence.size()))
                          .arg(QString::fromStdString(service.str()), name);
    if (!result.unmapped.empty())
        message += tr(" %n item(s) in the file matched no indicator or group and were left out.", nullptr,
                      static_cast<int>(result.unmapped.size()));
    showBanner(message, false);
    Q_EMIT importFinished(true, message);
}

void EvidencePage::showBanner(const QString& text, bool problem) {
    m_banner->setText(text);
    m_banner->setStyleSheet(problem ? QStringLiteral("QLabel { background: #fbe3d6; padding: 6px; }")
                                    : QStringLiteral("QLabel { padding: 6px; }"));
    m_banner->setVisible(true);
}

void EvidencePage::backToDocument() {
    m_model->showDocument();
    m_problems->clear();
    m_problems->setVisible(false);
    m_back->setVisible(false);
    m_banner->setVisible(false);
}

void EvidencePage::onIndicatorSelected(const QString& id) {
    m_selectedIndicator = id;
    const bool filter = m_onlySelected->isChecked() && !id.isEmpty();
    m_filter->setFilterRegularExpression(
        filter ? QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(id)))
               : QRegularExpression());
}

void EvidencePage::addRow() {
    if (m_model->isPreview())
        backToDocument();
    const AssessmentMetadata& meta = m_document->assessment().metadata;
    EvidenceRow row;
    row.indicator = IndicatorId{m_selectedIndicator.toStdString()};
    row.service = ServiceId{meta.service};
    row.area = AreaCode{meta.area};
    row.period = meta.period;
    row.characteristic = kAllCharacteristic;
    row.group = kAllGroup;
    const std::size_t at = m_document->assessment().evidence.size();
    m_document->insertEvidenceRow(at, row);
    const QModelIndex index =
        m_filter->mapFromSource(m_model->index(static_cast<int>(at), EvidenceTableModel::Value));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void EvidencePage::deleteSelectedRows() {
    if (m_model->isPreview())
        return;
    std::vector<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.push_back(m_filter->mapToSource(index).row());
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    m_document->undoStack()->beginMacro(
        tr("Delete %n evidence row(s)", nullptr, static_cast<int>(rows.size())));
    // From the bottom up so the indices of rows still to delete stay valid.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        m_document->removeEvidenceRows(static_cast<std::size_t>(*it), 1);
    m_document->undoStack()->endMacro();
}

} // namespace capeq::gui
