// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gui/models/document_list_model.hpp>

namespace capeq::gui {

/// The action plan: title, characteristic, owner, due date (ISO 8601, "2025-03-31"), status (edited as
/// its text form "planned", "in_progress", "done", "cancelled"), notes. Every edit is undoable.
class ActionPlanModel : public DocumentListModel {
    Q_OBJECT
public:
    enum Column { Title, Characteristic, Owner, DueDate, Status, Notes, ColumnCount };
    static constexpr int StatusCodeRole = Qt::UserRole + 1;

    explicit ActionPlanModel(AssessmentDocument* document, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString statusInWords(ActionStatus status);

protected:
    int listSize() const override;
};

/// Mitigations: characteristic and what is done to remove or reduce a negative impact.
class MitigationsModel : public DocumentListModel {
    Q_OBJECT
public:
    enum Column { Characteristic, Description, ColumnCount };

    explicit MitigationsModel(AssessmentDocument* document, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

protected:
    int listSize() const override;
};

} // namespace capeq::gui
