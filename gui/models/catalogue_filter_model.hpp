// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace capeq::gui {

/// Text search over a CatalogueModel. An indicator is kept when every word of the search text appears
/// in its id, title, descriptions or source (case-insensitive, any order), or in its domain's or
/// dimension's name; domains and dimensions stay visible only while they hold a kept indicator, so the
/// tree never shows empty branches during a search. An empty search shows everything.
class CatalogueFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CatalogueFilterModel(QObject* parent = nullptr);

    /// Sets the search text; words are split on white space.
    void setSearchText(const QString& text);
    QString searchText() const { return m_text; }
    /// Indicators currently kept (leaves only).
    int matchingIndicatorCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
};

} // namespace capeq::gui
