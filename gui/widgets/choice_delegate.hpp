// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

#include <utility>
#include <vector>

namespace capeq::gui {

/// Edits a cell with a drop-down of fixed choices: shows the label, writes the stable code (e.g.
/// "in_progress") to the model's EditRole. With isDate, edits an ISO date with a calendar instead.
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// choices: (code, label) pairs in display order.
    ChoiceDelegate(std::vector<std::pair<QString, QString>> choices, QObject* parent = nullptr);
    /// A date editor writing "yyyy-MM-dd".
    static ChoiceDelegate* forDates(QObject* parent);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    std::vector<std::pair<QString, QString>> m_choices;
    bool m_isDate = false;
};

} // namespace capeq::gui
