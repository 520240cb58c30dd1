// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace capeq::gui {

/// The catalogue as a three-level tree, Domain -> Dimension -> Indicator, in the catalogue's display
/// order. Every domain shows all dimensions, even empty ones, because a cell without indicators is itself
/// something an equality officer needs to see. Qt Core only, so tests use it without a window.
class CatalogueModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class NodeKind { Domain, Dimension, Indicator };

    enum Role {
        IdRole = Qt::UserRole + 1, ///< stable id of the domain, dimension or indicator (QString)
        KindRole,                  ///< NodeKind as int
        SearchTextRole,            ///< id, title and descriptions joined, lower case, for the filter
        IndicatorCountRole,        ///< indicators at or below this node (int)
    };

    explicit CatalogueModel(QObject* parent = nullptr);
    ~CatalogueModel() override;

    /// Replaces the shown catalogue; the model keeps its own copy so the caller's may go away.
    void setCatalogue(Catalogue catalogue);
    const Catalogue& catalogue() const noexcept { return m_catalogue; }

    /// The indicator behind index (from this model, not a proxy), or nullptr for domain/dimension rows.
    const Indicator* indicatorAt(const QModelIndex& index) const;
    /// The index of the indicator with this id, or an invalid index.
    QModelIndex indexOfIndicator(const QString& id) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    void rebuild();
    const Node* nodeAt(const QModelIndex& index) const;
    QVariant domainData(const Node& node, int role) const;
    QVariant dimensionData(const Node& node, int role) const;
    QVariant indicatorData(const Node& node, int role) const;

    Catalogue m_catalogue;
    std::vector<std::unique_ptr<Node>> m_roots;
};

} // namespace capeq::gui
