// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/core/diagnostic.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/disclosure/reliability.hpp>
#include <capeq/evidence/evidence.hpp>

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace capeq::gui {

class AssessmentDocument;
enum class DocumentList;

/// The evidence rows as an editable table. Shows the document's evidence (edits become undoable
/// commands on the document) or, in preview mode, rows read from a file that failed validation, each
/// marked with the validator's messages for its line. Every row is also marked when disclosure control
/// would suppress it or its base makes it low-reliability or unusable for scores.
class EvidenceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Status,
        Indicator,
        Area,
        Service,
        Period,
        Characteristic,
        Group,
        Value,
        StandardError,
        LowerCi,
        UpperCi,
        Numerator,
        Denominator,
        PopulationShare,
        SampleSize,
        Note,
        ColumnCount
    };
    /// Extra data roles: the row's RowState as an int, and its problems as a QStringList.
    enum Role { StateRole = Qt::UserRole + 1, ProblemsRole };
    enum class RowState { Ok, LowReliability, NotUsed, Suppressed, Problem };

    explicit EvidenceTableModel(AssessmentDocument* document, QObject* parent = nullptr);

    /// Shows rows read from a file with their diagnostics (matched to rows by line), read-only.
    void showPreview(std::vector<EvidenceRow> rows, const std::vector<Diagnostic>& diagnostics);
    /// Back to the document's evidence.
    void showDocument();
    bool isPreview() const { return m_preview; }
    /// Diagnostics that point at no row (whole-file problems), formatted.
    QStringList fileProblems() const { return m_fileProblems; }

    RowState rowState(int row) const;
    QStringList rowProblems(int row) const;
    const EvidenceRow& rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    const std::vector<EvidenceRow>& rows() const;
    void invalidateStates();
    void computeStates() const;
    QString statusText(int row) const;
    void onRowsChanged(DocumentList list, int first, int last);
    void onRowsInserted(DocumentList list, int first, int count);
    void onRowsRemoved(DocumentList list, int first, int count);
    void onListReset(DocumentList list);

    AssessmentDocument* m_document;
    DisclosurePolicy m_policy;
    ReliabilityRule m_reliability;
    bool m_preview = false;
    std::vector<EvidenceRow> m_previewRows;
    std::map<int, QStringList> m_problems; ///< preview row -> messages
    QStringList m_fileProblems;
    mutable bool m_statesStale = true;
    mutable std::vector<SuppressionReason> m_suppression;
};

} // namespace capeq::gui
