// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTextBrowser;
class QTreeView;

namespace capeq::gui {

class CatalogueFilterModel;
class CatalogueModel;

/// Browse the indicator catalogue by domain and dimension: a search box over a tree, and a pane that
/// explains the selected indicator in plain language. Keyboard: Ctrl+F focuses the search box, Return
/// in it moves to the first match, Escape clears the search.
class CatalogueBrowser : public QWidget {
    Q_OBJECT
public:
    explicit CatalogueBrowser(QWidget* parent = nullptr);

    void setCatalogue(Catalogue catalogue);
    const Catalogue& catalogue() const;

    /// Selects and scrolls to the indicator with this id; false when it is not shown.
    bool selectIndicator(const QString& id);
    /// The id of the selected indicator, or an empty string.
    QString selectedIndicatorId() const;
    /// The details pane as plain text (what a screen reader would read).
    QString detailsText() const;

    QLineEdit* searchBox() const { return m_search; }
    QTreeView* treeView() const { return m_tree; }
    /// Ctrl+F: focuses the search box. Owned by the browser; a window may also list it in a menu.
    QAction* findAction() const { return m_findAction; }

public Q_SLOTS:
    void focusSearch();

Q_SIGNALS:
    /// Emitted with the indicator id, or an empty string when a domain or dimension row is selected.
    void indicatorSelected(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onSearchChanged(const QString& text);
    void onCurrentChanged(const QModelIndex& current);
    void showOverview();
    void selectFirstMatch();

    CatalogueModel* m_model = nullptr;
    CatalogueFilterModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_matches = nullptr;
    QTreeView* m_tree = nullptr;
    QTextBrowser* m_details = nullptr;
    QAction* m_findAction = nullptr;
};

} // namespace capeq::gui
