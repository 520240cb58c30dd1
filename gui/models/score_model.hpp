// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>

#include <gui/workers/scoring_worker.hpp>
#include <memory>
#include <optional>
#include <vector>

namespace capeq::gui {

/// A service's scores as a tree for views: the capability-equality index, then each domain, its
/// domain x dimension cells, and their indicators. Every row carries the core's explanation of its
/// number (ExplanationRole), the same text as `capeq score --explain`. Numbers are the core's; the
/// model only formats them.
class ScoreModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Score, Achievement, Equality, Remarks, ColumnCount };
    enum Role { ExplanationRole = Qt::UserRole + 1, KindRole, IdRole, ScoreValueRole };
    enum class Kind { Overall, Domain, Cell, Indicator };

    explicit ScoreModel(QObject* parent = nullptr);

    /// Shows a finished scoring run (a failed one clears the model). Shared, not copied: a large
    /// assessment's result holds tens of thousands of rows and the charts, flags and report read it too.
    void setResult(std::shared_ptr<const ScoringResult> result);
    /// As above, for a result the caller owns (copied once).
    void setResult(const ScoringResult& result);
    void clear();
    bool hasScore() const { return m_result != nullptr; }
    const ServiceScore* score() const { return m_result ? &m_result->score : nullptr; }
    const ScoringResult* result() const { return m_result.get(); }
    const std::shared_ptr<const ScoringResult>& sharedResult() const { return m_result; }
    /// The index shown as text ("62.4", or "not available"), as the analysis header and the report say.
    QString overallText() const;
    /// The row of an indicator (column 0), or an invalid index.
    QModelIndex indexOfIndicator(const QString& id) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        Kind kind = Kind::Overall;
        int parent = -1;      ///< node index, -1 for top-level rows
        int row = 0;          ///< row under the parent
        std::size_t item = 0; ///< index into domains, cells or indicators of the score
        std::vector<int> children;
    };
    void build();
    QString nameOf(const Node& node) const;
    std::optional<double> scoreOf(const Node& node) const;
    QString remarksOf(const Node& node) const;
    QString explanationOf(const Node& node) const;

    std::shared_ptr<const ScoringResult> m_result; ///< null when there is no (successful) result
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
};

} // namespace capeq::gui
