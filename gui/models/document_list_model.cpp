// SPDX-License-Identifier: Apache-2.0
#include <gui/models/document_list_model.hpp>

namespace capeq::gui {

DocumentListModel::DocumentListModel(AssessmentDocument* document, DocumentList list, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_list(list) {
    connect(document, &AssessmentDocument::rowsChanged, this,
            [this](DocumentList which, int first, int last) {
                if (which == m_list)
                    Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
            });
    // The document has already changed when it signals, so begin/end pairs are emitted back to back;
    // views only read the model after the end signal.
    connect(document, &AssessmentDocument::rowsInserted, this,
            [this](DocumentList which, int first, int count) {
                if (which != m_list)
                    return;
                beginInsertRows({}, first, first + count - 1);
                endInsertRows();
            });
    connect(document, &AssessmentDocument::rowsRemoved, this,
            [this](DocumentList which, int first, int count) {
                if (which != m_list)
                    return;
                beginRemoveRows({}, first, first + count - 1);
                endRemoveRows();
            });
    connect(document, &AssessmentDocument::listReset, this, [this](DocumentList which) {
        if (which != m_list)
            return;
        beginResetModel();
        endResetModel();
    });
}

int DocumentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : listSize();
}

Qt::ItemFlags DocumentListModel::flags(const QModelIndex& index) const {
    return QAbstractTableModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

} // namespace capeq::gui
