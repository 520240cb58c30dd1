// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>

#include <memory>

namespace capeq::gui {

struct ScoringResult;

/// The flags of a scoring result as a list: "Breach: " for a breach of a minimum standard, then the
/// indicator and the core's message. It shares the result instead of copying its flags, and formats a row
/// only when a view asks for it: a large assessment raises thousands of flags and a view shows a screenful.
class FlagListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IndicatorRole = Qt::UserRole, CharacteristicRole };

    explicit FlagListModel(QObject* parent = nullptr);
    ~FlagListModel() override;

    /// Shows the flags of this result (none for a null or failed one).
    void setResult(std::shared_ptr<const ScoringResult> result);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ScoringResult> m_result;
};

} // namespace capeq::gui
