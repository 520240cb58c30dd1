// SPDX-License-Identifier: Apache-2.0
#include <gui/models/catalogue_filter_model.hpp>
#include <gui/models/catalogue_model.hpp>

namespace capeq::gui {

namespace {

bool isIndicator(const QModelIndex& index) {
    return index.data(CatalogueModel::KindRole).toInt() ==
           static_cast<int>(CatalogueModel::NodeKind::Indicator);
}

int countLeaves(const QAbstractItemModel& model, const QModelIndex& parent) {
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        count += isIndicator(child) ? 1 : countLeaves(model, child);
    }
    return count;
}

} // namespace

CatalogueFilterModel::CatalogueFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent) {
    // Ancestors of a kept indicator must stay visible even though their own text does not match.
    setRecursiveFilteringEnabled(true);
}

void CatalogueFilterModel::setSearchText(const QString& text) {
    const QString trimmed = text.simplified();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_words = trimmed.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

int CatalogueFilterModel::matchingIndicatorCount() const {
    return countLeaves(*this, {});
}

bool CatalogueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Only leaves are matched; recursive filtering then keeps their ancestors. Matching a domain itself
    // would show it with no children, which reads as "this domain has nothing".
    if (!isIndicator(index))
        return false;
    const QModelIndex dimension = index.parent();
    const QString haystack = index.data(CatalogueModel::SearchTextRole).toString() + QLatin1Char(' ') +
                             dimension.data(CatalogueModel::SearchTextRole).toString() + QLatin1Char(' ') +
                             dimension.parent().data(CatalogueModel::SearchTextRole).toString();
    for (const QString& word : m_words)
        if (!haystack.contains(word))
            return false;
    return true;
}

} // namespace capeq::gui
