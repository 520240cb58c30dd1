// SPDX-License-Identifier: Apache-2.0
#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <gui/models/catalogue_filter_model.hpp>
#include <gui/models/catalogue_model.hpp>
#include <gui/models/plain_language.hpp>
#include <gui/widgets/catalogue_browser.hpp>

namespace capeq::gui {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

CatalogueBrowser::CatalogueBrowser(QWidget* parent)
    : QWidget(parent)
    , m_model(new CatalogueModel(this))
    , m_filter(new CatalogueFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
    , m_findAction(new QAction(tr("&Find Indicator..."), this)) {
    m_filter->setSourceModel(m_model);

    m_search->setPlaceholderText(tr("Search indicators (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search indicators"));
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &CatalogueBrowser::onSearchChanged);

    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the indicator catalogue"));
    connect(m_findAction, &QAction::triggered, this, &CatalogueBrowser::focusSearch);
    addAction(m_findAction);

    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Indicators by domain and aspect"));
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });

    m_details->setOpenExternalLinks(true);
    m_details->setAccessibleName(tr("Indicator details"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_matches);
    leftLayout->addWidget(m_tree, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    showOverview();
}

void CatalogueBrowser::setCatalogue(Catalogue catalogue) {
    m_model->setCatalogue(std::move(catalogue));
    m_tree->expandToDepth(0);
    onSearchChanged(m_search->text());
    showOverview();
}

const Catalogue& CatalogueBrowser::catalogue() const {
    return m_model->catalogue();
}

bool CatalogueBrowser::selectIndicator(const QString& id) {
    const QModelIndex proxyIndex = m_filter->mapFromSource(m_model->indexOfIndicator(id));
    if (!proxyIndex.isValid())
        return false;
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
    return true;
}

QString CatalogueBrowser::selectedIndicatorId() const {
    const Indicator* indicator = m_model->indicatorAt(m_filter->mapToSource(m_tree->currentIndex()));
    return indicator != nullptr ? qs(indicator->id.str()) : QString();
}

QString CatalogueBrowser::detailsText() const {
    return m_details->toPlainText();
}

void CatalogueBrowser::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool CatalogueBrowser::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Escape:
            m_search->clear();
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Down:
            selectFirstMatch();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CatalogueBrowser::onSearchChanged(const QString& text) {
    m_filter->setSearchText(text);
    const int total = static_cast<int>(m_model->catalogue().indicators().size());
    if (m_filter->searchText().isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(0);
        m_matches->setText(tr("%1 in the catalogue").arg(indicatorCountInWords(total)));
        return;
    }
    m_tree->expandAll();
    const int shown = m_filter->matchingIndicatorCount();
    m_matches->setText(shown == 0 ? tr("No indicator matches \u201c%1\u201d").arg(m_filter->searchText())
                                  : tr("%1 of %2 indicators match").arg(shown).arg(total));
}

void CatalogueBrowser::selectFirstMatch() {
    // Depth-first: the first leaf in display order is what a user sees at the top of the tree.
    QModelIndex candidate = m_filter->index(0, 0);
    while (candidate.isValid() && m_filter->rowCount(candidate) > 0)
        candidate = m_filter->index(0, 0, candidate);
    if (candidate.isValid())
        m_tree->setCurrentIndex(candidate);
    m_tree->setFocus(Qt::OtherFocusReason);
}

void CatalogueBrowser::onCurrentChanged(const QModelIndex& current) {
    const QModelIndex source = m_filter->mapToSource(current);
    if (!source.isValid()) {
        showOverview();
        Q_EMIT indicatorSelected(QString());
        return;
    }
    const Catalogue& catalogue = m_model->catalogue();
    if (const Indicator* indicator = m_model->indicatorAt(source)) {
        m_details->setHtml(indicatorDetailsHtml(*indicator, catalogue));
        Q_EMIT indicatorSelected(qs(indicator->id.str()));
        return;
    }
    // A domain or dimension row: say what it is about and how much evidence the catalogue offers for it.
    const QString name = source.data(Qt::DisplayRole).toString().toHtmlEscaped();
    const QString about = source.data(Qt::ToolTipRole).toString().toHtmlEscaped();
    m_details->setHtml(
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
            .arg(name, about, tr("Select an indicator to see what it measures.").toHtmlEscaped()));
    Q_EMIT indicatorSelected(QString());
}

void CatalogueBrowser::showOverview() {
    const Catalogue& catalogue = m_model->catalogue();
    const QString framework =
        catalogue.frameworkName().empty() ? tr("Indicator catalogue") : qs(catalogue.frameworkName());
    m_details->setHtml(
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
            .arg(framework.toHtmlEscaped(),
                 tr("%1 in %2 life domains, each looked at for outcomes, treatment and autonomy.")
                     .arg(indicatorCountInWords(static_cast<int>(catalogue.indicators().size())))
                     .arg(catalogue.domains().size())
                     .toHtmlEscaped(),
                 tr("Pick a domain on the left, or press Ctrl+F and type a word such as "
                    "\u201cdignity\u201d or \u201chousing\u201d.")
                     .toHtmlEscaped()));
}

} // namespace capeq::gui
