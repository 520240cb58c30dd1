// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>

#include <gui/models/assessment_document.hpp>

namespace capeq::gui {

/// A table over one list of the document (findings, mitigations, actions): follows the document's row
/// signals for that list so views keep their selection across edits, undo and redo. Subclasses give the
/// columns; their setData turns an edit into one undoable command on the document.
class DocumentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    DocumentListModel(AssessmentDocument* document, DocumentList list, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

protected:
    virtual int listSize() const = 0;
    AssessmentDocument* document() const { return m_document; }
    const Assessment& assessment() const { return m_document->assessment(); }

private:
    AssessmentDocument* m_document;
    DocumentList m_list;
};

} // namespace capeq::gui
