// SPDX-License-Identifier: Apache-2.0
#include <capeq/disclosure/disclosure_control.hpp>

#include <QColor>
#include <QLocale>

#include <array>
#include <gui/models/assessment_document.hpp>
#include <gui/models/evidence_table_model.hpp>
#include <gui/models/plain_language.hpp>
#include <report/palette.hpp>

namespace capeq::gui {

namespace {

using OptionalNumber = std::optional<double> EvidenceRow::*;

OptionalNumber numberField(int column) {
    switch (column) {
    case EvidenceTableModel::Value:
        return &EvidenceRow::value;
    case EvidenceTableModel::StandardError:
        return &EvidenceRow::standardError;
    case EvidenceTableModel::LowerCi:
        return &EvidenceRow::lowerCi;
    case EvidenceTableModel::UpperCi:
        return &EvidenceRow::upperCi;
    case EvidenceTableModel::Numerator:
        return &EvidenceRow::numerator;
    case EvidenceTableModel::Denominator:
        return &EvidenceRow::denominator;
    case EvidenceTableModel::PopulationShare:
        return &EvidenceRow::populationShare;
    case EvidenceTableModel::SampleSize:
        return &EvidenceRow::sampleSize;
    default:
        return nullptr;
    }
}

QString numberText(const std::optional<double>& value) {
    return value ? QLocale::c().toString(*value, 'g', 10) : QString();
}

std::optional<double> unweightedBase(const EvidenceRow& row) {
    return row.sampleSize ? row.sampleSize : row.denominator;
}

} // namespace

EvidenceTableModel::EvidenceTableModel(AssessmentDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(document, &AssessmentDocument::rowsChanged, this, &EvidenceTableModel::onRowsChanged);
    connect(document, &AssessmentDocument::rowsInserted, this, &EvidenceTableModel::onRowsInserted);
    connect(document, &AssessmentDocument::rowsRemoved, this, &EvidenceTableModel::onRowsRemoved);
    connect(document, &AssessmentDocument::listReset, this, &EvidenceTableModel::onListReset);
}

const std::vector<EvidenceRow>& EvidenceTableModel::rows() const {
    return m_preview ? m_previewRows : m_document->assessment().evidence;
}

const EvidenceRow& EvidenceTableModel::rowAt(int row) const {
    return rows().at(static_cast<std::size_t>(row));
}

void EvidenceTableModel::showPreview(std::vector<EvidenceRow> previewRows,
                                     const std::vector<Diagnostic>& diagnostics) {
    beginResetModel();
    m_preview = true;
    m_previewRows = std::move(previewRows);
    m_problems.clear();
    m_fileProblems.clear();
    std::map<std::size_t, int> rowOfLine;
    for (std::size_t i = 0; i < m_previewRows.size(); ++i)
        rowOfLine.emplace(m_previewRows[i].location.line, static_cast<int>(i));
    for (const Diagnostic& diagnostic : diagnostics) {
        const QString text = QString::fromStdString(formatDiagnostic(diagnostic));
        const auto at = rowOfLine.find(diagnostic.where.line);
        if (diagnostic.where.line != 0 && at != rowOfLine.end())
            m_problems[at->second] << text;
        else
            m_fileProblems << text;
    }
    invalidateStates();
    endResetModel();
}

void EvidenceTableModel::showDocument() {
    beginResetModel();
    m_preview = false;
    m_previewRows.clear();
    m_problems.clear();
    m_fileProblems.clear();
    invalidateStates();
    endResetModel();
}

void EvidenceTableModel::invalidateStates() {
    m_statesStale = true;
}

void EvidenceTableModel::computeStates() const {
    if (!m_statesStale)
        return;
    // Disclosure control is the core's; the table only shows its decision for each row.
    m_suppression = applyDisclosureControl(rows(), m_policy).reasons;
    m_statesStale = false;
}

EvidenceTableModel::RowState EvidenceTableModel::rowState(int row) const {
    if (m_problems.contains(row))
        return RowState::Problem;
    computeStates();
    if (static_cast<std::size_t>(row) < m_suppression.size() &&
        m_suppression[static_cast<std::size_t>(row)] != SuppressionReason::Published)
        return RowState::Suppressed;
    switch (classifyReliability(unweightedBase(rowAt(row)), m_reliability)) {
    case Reliability::LowReliability:
        return RowState::LowReliability;
    case Reliability::ExcludedFromScores:
        return RowState::NotUsed;
    default:
        return RowState::Ok;
    }
}

QStringList EvidenceTableModel::rowProblems(int row) const {
    const auto at = m_problems.find(row);
    return at == m_problems.end() ? QStringList() : at->second;
}

QString EvidenceTableModel::statusText(int row) const {
    switch (rowState(row)) {
    case RowState::Problem:
        return tr("Problem");
    case RowState::Suppressed:
        return tr("Suppressed: %1")
            .arg(QString::fromStdString(reasonText(m_suppression[static_cast<std::size_t>(row)])));
    case RowState::LowReliability:
        return tr("Low reliability");
    case RowState::NotUsed:
        return tr("Too few people to score");
    case RowState::Ok:
        break;
    }
    return {};
}

int EvidenceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows().size());
}

int EvidenceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvidenceTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const EvidenceRow& row = rowAt(index.row());
    const int column = index.column();
    if (role == StateRole)
        return static_cast<int>(rowState(index.row()));
    if (role == ProblemsRole)
        return rowProblems(index.row());
    if (role == Qt::BackgroundRole) {
        // Okabe-Ito hues, lightened; the Status column always says the same in words.
        switch (rowState(index.row())) {
        case RowState::Problem:
            return report::seriesColour(5).lighter(170);
        case RowState::Suppressed:
            return QColor(0xdd, 0xdd, 0xdd);
        case RowState::LowReliability:
            return report::seriesColour(3).lighter(160);
        case RowState::NotUsed:
            return report::seriesColour(1).lighter(170);
        case RowState::Ok:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList tips = rowProblems(index.row());
        switch (rowState(index.row())) {
        case RowState::Suppressed:
            tips << tr("Disclosure control hides this figure in reports and exports, so that nobody can be "
                       "identified from it. You can still see it here.");
            break;
        case RowState::LowReliability:
            tips << tr("Based on fewer than 50 people: the figure may be far from the truth. It is used, "
                       "with care, and flagged in the report.");
            break;
        case RowState::NotUsed:
            tips << tr("Based on fewer than 10 people: shown to you, but never used in scores.");
            break;
        default:
            break;
        }
        if (column == StandardError)
            tips << tr("How uncertain the value is: about two standard errors either side of the value "
                       "is where the true figure probably lies.");
        if (column == PopulationShare)
            tips << tr("The group's share of everyone the service serves, between 0 and 1.");
        return tips.isEmpty() ? QVariant() : QVariant(tips.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (const OptionalNumber field = numberField(column))
        return numberText(row.*field);
    switch (column) {
    case Status:
        return role == Qt::DisplayRole ? statusText(index.row()) : QVariant();
    case Indicator:
        return QString::fromStdString(row.indicator.str());
    case Area:
        return QString::fromStdString(row.area.str());
    case Service:
        return QString::fromStdString(row.service.str());
    case Period:
        return QString::fromStdString(row.period);
    case Characteristic:
        return QString::fromStdString(row.characteristic.str());
    case Group:
        return QString::fromStdString(row.group.str());
    case Note:
        return QString::fromStdString(row.note);
    default:
        return {};
    }
}

QVariant EvidenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    static const std::array<const char*, ColumnCount> kHeaders{QT_TR_NOOP("Status"),
                                                               QT_TR_NOOP("Indicator"),
                                                               QT_TR_NOOP("Area"),
                                                               QT_TR_NOOP("Service"),
                                                               QT_TR_NOOP("Period"),
                                                               QT_TR_NOOP("Characteristic"),
                                                               QT_TR_NOOP("Group"),
                                                               QT_TR_NOOP("Value"),
                                                               QT_TR_NOOP("Std error"),
                                                               QT_TR_NOOP("Lower 95% CI"),
                                                               QT_TR_NOOP("Upper 95% CI"),
                                                               QT_TR_NOOP("Numerator"),
                                                               QT_TR_NOOP("Denominator"),
                                                               QT_TR_NOOP("Population share"),
                                                               QT_TR_NOOP("People asked (n)"),
                                                               QT_TR_NOOP("Note")};
    return section >= 0 && section < ColumnCount ? tr(kHeaders[static_cast<std::size_t>(section)])
                                                 : QVariant();
}

Qt::ItemFlags EvidenceTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (!m_preview && index.isValid() && index.column() != Status)
        result |= Qt::ItemIsEditable;
    return result;
}

bool EvidenceTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (m_preview || role != Qt::EditRole || !index.isValid() || index.column() == Status)
        return false;
    EvidenceRow row = rowAt(index.row());
    const QString text = value.toString().trimmed();
    if (const OptionalNumber field = numberField(index.column())) {
        if (text.isEmpty()) {
            row.*field = std::nullopt; // absent, never 0
        } else {
            bool ok = false;
            double number = QLocale::c().toDouble(text, &ok);
            if (!ok)
                number = QLocale().toDouble(text, &ok);
            if (!ok)
                return false;
            row.*field = number;
        }
    } else {
        const std::string s = text.toStdString();
        switch (index.column()) {
        case Indicator:
            row.indicator = IndicatorId{s};
            break;
        case Area:
            row.area = AreaCode{s};
            break;
        case Service:
            row.service = ServiceId{s};
            break;
        case Period:
            row.period = s;
            break;
        case Characteristic:
            row.characteristic = CharacteristicId{s};
            break;
        case Group:
            row.group = GroupCode{s};
            break;
        case Note:
            row.note = value.toString().toStdString();
            break;
        default:
            return false;
        }
    }
    m_document->setEvidenceRow(static_cast<std::size_t>(index.row()), row);
    return true;
}

void EvidenceTableModel::onRowsChanged(DocumentList list, int first, int last) {
    if (list != DocumentList::Evidence || m_preview)
        return;
    invalidateStates();
    // Suppression of one cell can change its neighbours' (secondary suppression): repaint all.
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_UNUSED(first)
    Q_UNUSED(last)
}

void EvidenceTableModel::onRowsInserted(DocumentList list, int first, int count) {
    if (list != DocumentList::Evidence || m_preview)
        return;
    beginInsertRows({}, first, first + count - 1);
    invalidateStates();
    endInsertRows();
}

void EvidenceTableModel::onRowsRemoved(DocumentList list, int first, int count) {
    if (list != DocumentList::Evidence || m_preview)
        return;
    beginRemoveRows({}, first, first + count - 1);
    invalidateStates();
    endRemoveRows();
}

void EvidenceTableModel::onListReset(DocumentList list) {
    if (list != DocumentList::Evidence || m_preview)
        return;
    beginResetModel();
    invalidateStates();
    endResetModel();
}

} // namespace capeq::gui
