// SPDX-License-Identifier: Apache-2.0
#include <gui/models/flag_list_model.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

FlagListModel::FlagListModel(QObject* parent)
    : QAbstractListModel(parent) {}

FlagListModel::~FlagListModel() = default;

void FlagListModel::setResult(std::shared_ptr<const ScoringResult> result) {
    beginResetModel();
    m_result = result && result->ok ? std::move(result) : nullptr;
    endResetModel();
}

void FlagListModel::clear() {
    setResult(nullptr);
}

int FlagListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->score.flags.size());
}

QVariant FlagListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Flag& flag = m_result->score.flags[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return (flag.breach ? tr("Breach: ") : QString()) + QString::fromStdString(flag.indicator.str()) +
               QStringLiteral(" — ") + QString::fromStdString(flag.message);
    case IndicatorRole:
        return QString::fromStdString(flag.indicator.str());
    case CharacteristicRole:
        return QString::fromStdString(flag.characteristic.str());
    default:
        return {};
    }
}

} // namespace capeq::gui
