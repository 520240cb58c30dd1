// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <gui/models/catalogue_model.hpp>
#include <gui/models/plain_language.hpp>
#include <numeric>

namespace capeq::gui {

// One row of the tree. item is the position of the domain, dimension or indicator in the catalogue's own
// vectors: indices stay valid for as long as m_catalogue is unchanged, and setCatalogue() rebuilds.
struct CatalogueModel::Node {
    NodeKind kind = NodeKind::Domain;
    int row = 0;
    const Node* parent = nullptr;
    std::size_t item = 0;
    int indicatorCount = 0;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

// Catalogue vectors are expected in display order already; sorting by `order` keeps the tree right
// even when a data file lists things out of order.
template <typename T>
std::vector<std::size_t> displayOrder(const std::vector<T>& items) {
    std::vector<std::size_t> positions(items.size());
    std::iota(positions.begin(), positions.end(), std::size_t{0});
    std::stable_sort(positions.begin(), positions.end(),
                     [&items](std::size_t a, std::size_t b) { return items[a].order < items[b].order; });
    return positions;
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

CatalogueModel::CatalogueModel(QObject* parent)
    : QAbstractItemModel(parent) {}

CatalogueModel::~CatalogueModel() = default;

void CatalogueModel::setCatalogue(Catalogue catalogue) {
    beginResetModel();
    m_catalogue = std::move(catalogue);
    rebuild();
    endResetModel();
}

void CatalogueModel::rebuild() {
    m_roots.clear();
    const auto& indicators = m_catalogue.indicators();
    const auto dimensionOrder = displayOrder(m_catalogue.dimensions());
    for (const std::size_t d : displayOrder(m_catalogue.domains())) {
        auto domainNode = std::make_unique<Node>();
        domainNode->kind = NodeKind::Domain;
        domainNode->row = static_cast<int>(m_roots.size());
        domainNode->item = d;
        for (const std::size_t m : dimensionOrder) {
            auto dimensionNode = std::make_unique<Node>();
            dimensionNode->kind = NodeKind::Dimension;
            dimensionNode->row = static_cast<int>(domainNode->children.size());
            dimensionNode->parent = domainNode.get();
            dimensionNode->item = m;
            const auto selected =
                m_catalogue.select(m_catalogue.domains()[d].id, m_catalogue.dimensions()[m].id);
            for (const Indicator* indicator : selected) {
                auto leaf = std::make_unique<Node>();
                leaf->kind = NodeKind::Indicator;
                leaf->row = static_cast<int>(dimensionNode->children.size());
                leaf->parent = dimensionNode.get();
                leaf->item = static_cast<std::size_t>(indicator - indicators.data());
                leaf->indicatorCount = 1;
                dimensionNode->children.push_back(std::move(leaf));
            }
            dimensionNode->indicatorCount = static_cast<int>(dimensionNode->children.size());
            domainNode->indicatorCount += dimensionNode->indicatorCount;
            domainNode->children.push_back(std::move(dimensionNode));
        }
        m_roots.push_back(std::move(domainNode));
    }
}

const CatalogueModel::Node* CatalogueModel::nodeAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<const Node*>(index.internalPointer());
}

const Indicator* CatalogueModel::indicatorAt(const QModelIndex& index) const {
    const Node* node = nodeAt(index);
    if (node == nullptr || node->kind != NodeKind::Indicator)
        return nullptr;
    return &m_catalogue.indicators()[node->item];
}

QModelIndex CatalogueModel::indexOfIndicator(const QString& id) const {
    for (const auto& domainNode : m_roots)
        for (const auto& dimensionNode : domainNode->children)
            for (const auto& leaf : dimensionNode->children)
                if (qs(m_catalogue.indicators()[leaf->item].id.str()) == id)
                    return createIndex(leaf->row, 0, leaf.get());
    return {};
}

QModelIndex CatalogueModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column != 0)
        return {};
    const auto& siblings = parent.isValid() ? nodeAt(parent)->children : m_roots;
    if (static_cast<std::size_t>(row) >= siblings.size())
        return {};
    return createIndex(row, column, siblings[static_cast<std::size_t>(row)].get());
}

QModelIndex CatalogueModel::parent(const QModelIndex& child) const {
    const Node* node = nodeAt(child);
    if (node == nullptr || node->parent == nullptr)
        return {};
    // createIndex takes a non-const pointer; the model never writes through it.
    return createIndex(node->parent->row, 0, const_cast<Node*>(node->parent));
}

int CatalogueModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(nodeAt(parent)->children.size());
}

int CatalogueModel::columnCount(const QModelIndex& /*parent*/) const {
    return 1;
}

QVariant CatalogueModel::data(const QModelIndex& index, int role) const {
    const Node* node = nodeAt(index);
    if (node == nullptr)
        return {};
    if (role == KindRole)
        return static_cast<int>(node->kind);
    if (role == IndicatorCountRole)
        return node->indicatorCount;
    switch (node->kind) {
    case NodeKind::Domain:
        return domainData(*node, role);
    case NodeKind::Dimension:
        return dimensionData(*node, role);
    case NodeKind::Indicator:
        return indicatorData(*node, role);
    }
    return {};
}

QVariant CatalogueModel::domainData(const Node& node, int role) const {
    const Domain& domain = m_catalogue.domains()[node.item];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(qs(domain.name), indicatorCountInWords(node.indicatorCount));
    case Qt::ToolTipRole:
        return capabilityInWords(domain);
    case IdRole:
        return qs(domain.id.str());
    case SearchTextRole:
        return QString(qs(domain.id.str()) + QLatin1Char(' ') + qs(domain.name)).toLower();
    default:
        return {};
    }
}

QVariant CatalogueModel::dimensionData(const Node& node, int role) const {
    const Dimension& dimension = m_catalogue.dimensions()[node.item];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(qs(dimension.name), indicatorCountInWords(node.indicatorCount));
    case Qt::ToolTipRole:
        return qs(dimension.description);
    case IdRole:
        return qs(dimension.id.str());
    case SearchTextRole:
        return QString(qs(dimension.id.str()) + QLatin1Char(' ') + qs(dimension.name)).toLower();
    default:
        return {};
    }
}

QVariant CatalogueModel::indicatorData(const Node& node, int role) const {
    const Indicator& indicator = m_catalogue.indicators()[node.item];
    switch (role) {
    case Qt::DisplayRole:
        return qs(indicator.title);
    case Qt::ToolTipRole:
        return indicatorToolTip(indicator);
    case IdRole:
        return qs(indicator.id.str());
    case SearchTextRole:
        return QStringList{qs(indicator.id.str()), qs(indicator.title), qs(indicator.description),
                           qs(indicator.plainLanguage), qs(indicator.source)}
            .join(QLatin1Char(' '))
            .toLower();
    default:
        return {};
    }
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Domain / dimension / indicator");
    return {};
}

QHash<int, QByteArray> CatalogueModel::roleNames() const {
    auto names = QAbstractItemModel::roleNames();
    names.insert(IdRole, QByteArrayLiteral("id"));
    names.insert(KindRole, QByteArrayLiteral("kind"));
    names.insert(SearchTextRole, QByteArrayLiteral("searchText"));
    names.insert(IndicatorCountRole, QByteArrayLiteral("indicatorCount"));
    return names;
}

} // namespace capeq::gui
