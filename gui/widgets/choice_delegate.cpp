// SPDX-License-Identifier: Apache-2.0
#include <QComboBox>
#include <QDateEdit>

#include <gui/widgets/choice_delegate.hpp>

namespace capeq::gui {

ChoiceDelegate::ChoiceDelegate(std::vector<std::pair<QString, QString>> choices, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices)) {}

ChoiceDelegate* ChoiceDelegate::forDates(QObject* parent) {
    auto* delegate = new ChoiceDelegate({}, parent);
    delegate->m_isDate = true;
    return delegate;
}

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex&) const {
    if (m_isDate) {
        auto* edit = new QDateEdit(parent);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return edit;
    }
    auto* combo = new QComboBox(parent);
    for (const auto& [code, label] : m_choices)
        combo->addItem(label, code);
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const QString value = index.data(Qt::EditRole).toString();
    if (auto* edit = qobject_cast<QDateEdit*>(editor)) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        edit->setDate(date.isValid() ? date : QDate::currentDate().addMonths(3));
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    }
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    if (auto* edit = qobject_cast<QDateEdit*>(editor))
        model->setData(index, edit->date().toString(Qt::ISODate));
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentData());
}

} // namespace capeq::gui
