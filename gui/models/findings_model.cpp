// SPDX-License-Identifier: Apache-2.0
#include <QColor>

#include <array>
#include <gui/models/findings_model.hpp>
#include <report/palette.hpp>

namespace capeq::gui {

FindingsModel::FindingsModel(AssessmentDocument* document, QObject* parent)
    : DocumentListModel(document, DocumentList::Findings, parent) {}

void FindingsModel::setCatalogue(const Catalogue* catalogue) {
    beginResetModel();
    m_catalogue = catalogue;
    endResetModel();
}

int FindingsModel::listSize() const {
    return static_cast<int>(assessment().findings.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::impactInWords(capeq::Impact impact) {
    switch (impact) {
    case capeq::Impact::Positive:
        return tr("Positive");
    case capeq::Impact::Neutral:
        return tr("Neutral");
    case capeq::Impact::Negative:
        return tr("Negative");
    case capeq::Impact::Unknown:
        break;
    }
    return tr("Not known");
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Finding& finding = assessment().findings[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == Qt::CheckStateRole && column == Confirmed)
        return finding.confirmed ? Qt::Checked : Qt::Unchecked;
    if (role == ImpactCodeRole && (column == Impact || column == Suggested))
        return QString::fromStdString(toString(column == Impact ? finding.impact : finding.suggestedImpact));
    if (role == Qt::BackgroundRole && (column == Impact || column == Suggested)) {
        // Vermillion for negative, blue for positive (Okabe-Ito); the cell always says it in words too.
        const capeq::Impact impact = column == Impact ? finding.impact : finding.suggestedImpact;
        if (impact == capeq::Impact::Negative)
            return report::seriesColour(5).lighter(160);
        if (impact == capeq::Impact::Positive)
            return report::seriesColour(4).lighter(170);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Suggested:
            return tr("What the evidence suggests: negative when a group fares significantly worse or falls "
                      "below a minimum standard. You decide the impact.");
        case Impact:
            return tr("Your judgement of the service's impact on people with this characteristic.");
        case Confirmed:
            return tr("Tick when you have checked the suggestion and recorded your reasoning.");
        case Evidence:
            return QString::fromStdString(finding.evidence);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case Characteristic: {
        const auto* found =
            m_catalogue ? m_catalogue->findCharacteristic(CharacteristicId{finding.characteristic}) : nullptr;
        return found ? QString::fromStdString(found->name) : QString::fromStdString(finding.characteristic);
    }
    case Suggested:
        return impactInWords(finding.suggestedImpact);
    case Impact:
        return role == Qt::EditRole ? QString::fromStdString(toString(finding.impact))
                                    : impactInWords(finding.impact);
    case Confirmed:
        return finding.confirmed ? tr("Confirmed") : tr("To check");
    case Evidence:
        return QString::fromStdString(finding.evidence);
    case Narrative:
        return QString::fromStdString(finding.narrative);
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const std::array<const char*, ColumnCount> kHeaders{
        QT_TR_NOOP("Characteristic"), QT_TR_NOOP("Suggested impact"), QT_TR_NOOP("Your judgement"),
        QT_TR_NOOP("Confirmed"),      QT_TR_NOOP("Evidence"),         QT_TR_NOOP("Reasoning")};
    return section >= 0 && section < ColumnCount ? tr(kHeaders[static_cast<std::size_t>(section)])
                                                 : QVariant();
}

Qt::ItemFlags FindingsModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags result = DocumentListModel::flags(index);
    if (index.column() == Characteristic || index.column() == Suggested)
        result &= ~Qt::ItemIsEditable;
    if (index.column() == Confirmed)
        result = (result & ~Qt::ItemIsEditable) | Qt::ItemIsUserCheckable;
    return result;
}

bool FindingsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    Finding finding = assessment().findings[static_cast<std::size_t>(index.row())];
    if (index.column() == Confirmed && role == Qt::CheckStateRole) {
        finding.confirmed = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == Impact) {
        const auto impact = parseImpact(value.toString().toStdString());
        if (!impact)
            return false;
        finding.impact = *impact;
    } else if (index.column() == Evidence) {
        finding.evidence = value.toString().toStdString();
    } else if (index.column() == Narrative) {
        finding.narrative = value.toString().toStdString();
    } else {
        return false;
    }
    document()->setFinding(static_cast<std::size_t>(index.row()), finding);
    return true;
}

} // namespace capeq::gui
