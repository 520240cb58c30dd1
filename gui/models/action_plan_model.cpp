// SPDX-License-Identifier: Apache-2.0
#include <QDate>

#include <array>
#include <gui/models/action_plan_model.hpp>

namespace capeq::gui {

ActionPlanModel::ActionPlanModel(AssessmentDocument* document, QObject* parent)
    : DocumentListModel(document, DocumentList::Actions, parent) {}

int ActionPlanModel::listSize() const {
    return static_cast<int>(assessment().actions.size());
}

int ActionPlanModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActionPlanModel::statusInWords(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return tr("Planned");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    case ActionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant ActionPlanModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Action& action = assessment().actions[static_cast<std::size_t>(index.row())];
    if (role == StatusCodeRole)
        return QString::fromStdString(toString(action.status));
    if (role == Qt::ToolTipRole && index.column() == DueDate)
        return tr("The date the action should be done by, written as year-month-day (2025-03-31).");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Title:
        return QString::fromStdString(action.title);
    case Characteristic:
        return QString::fromStdString(action.characteristic);
    case Owner:
        return QString::fromStdString(action.owner);
    case DueDate:
        return QString::fromStdString(action.dueDate);
    case Status:
        return role == Qt::EditRole ? QString::fromStdString(toString(action.status))
                                    : statusInWords(action.status);
    case Notes:
        return QString::fromStdString(action.notes);
    default:
        return {};
    }
}

QVariant ActionPlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const std::array<const char*, ColumnCount> kHeaders{
        QT_TR_NOOP("Action"),   QT_TR_NOOP("Characteristic"), QT_TR_NOOP("Owner"),
        QT_TR_NOOP("Due date"), QT_TR_NOOP("Status"),         QT_TR_NOOP("Notes")};
    return section >= 0 && section < ColumnCount ? tr(kHeaders[static_cast<std::size_t>(section)])
                                                 : QVariant();
}

bool ActionPlanModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::EditRole)
        return false;
    Action action = assessment().actions[static_cast<std::size_t>(index.row())];
    const std::string text = value.toString().trimmed().toStdString();
    switch (index.column()) {
    case Title:
        action.title = text;
        break;
    case Characteristic:
        action.characteristic = text;
        break;
    case Owner:
        action.owner = text;
        break;
    case DueDate:
        // Dates are stored as ISO 8601 so files sort and compare the same everywhere.
        if (value.canConvert<QDate>() && value.typeId() == QMetaType::QDate)
            action.dueDate = value.toDate().toString(Qt::ISODate).toStdString();
        else if (text.empty() || QDate::fromString(QString::fromStdString(text), Qt::ISODate).isValid())
            action.dueDate = text;
        else
            return false;
        break;
    case Status: {
        const auto status = parseActionStatus(text);
        if (!status)
            return false;
        action.status = *status;
        break;
    }
    case Notes:
        action.notes = value.toString().toStdString();
        break;
    default:
        return false;
    }
    document()->setAction(static_cast<std::size_t>(index.row()), action);
    return true;
}

MitigationsModel::MitigationsModel(AssessmentDocument* document, QObject* parent)
    : DocumentListModel(document, DocumentList::Mitigations, parent) {}

int MitigationsModel::listSize() const {
    return static_cast<int>(assessment().mitigations.size());
}

int MitigationsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MitigationsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const Mitigation& mitigation = assessment().mitigations[static_cast<std::size_t>(index.row())];
    return QString::fromStdString(index.column() == Characteristic ? mitigation.characteristic
                                                                   : mitigation.description);
}

QVariant MitigationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Characteristic ? tr("Characteristic") : tr("Mitigation");
}

bool MitigationsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::EditRole)
        return false;
    Mitigation mitigation = assessment().mitigations[static_cast<std::size_t>(index.row())];
    (index.column() == Characteristic ? mitigation.characteristic : mitigation.description) =
        value.toString().trimmed().toStdString();
    document()->setMitigation(static_cast<std::size_t>(index.row()), mitigation);
    return true;
}

} // namespace capeq::gui
