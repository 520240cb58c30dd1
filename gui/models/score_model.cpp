// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/explain.hpp>

#include <QLocale>

#include <gui/models/score_model.hpp>

namespace capeq::gui {

namespace {

QString scoreText(const std::optional<double>& score) {
    return score ? QLocale::c().toString(*score, 'f', 1) : QString();
}

} // namespace

ScoreModel::ScoreModel(QObject* parent)
    : QAbstractItemModel(parent) {}

void ScoreModel::setResult(std::shared_ptr<const ScoringResult> result) {
    beginResetModel();
    if (result && result->ok)
        m_result = std::move(result);
    else
        m_result.reset();
    build();
    endResetModel();
}

void ScoreModel::setResult(const ScoringResult& result) {
    setResult(result.ok ? std::make_shared<const ScoringResult>(result) : nullptr);
}

void ScoreModel::clear() {
    beginResetModel();
    m_result.reset();
    build();
    endResetModel();
}

void ScoreModel::build() {
    m_nodes.clear();
    m_topLevel.clear();
    if (!m_result)
        return;
    const ServiceScore& s = m_result->score;
    auto add = [this](Kind kind, int parent, std::size_t item) {
        const int id = static_cast<int>(m_nodes.size());
        std::vector<int>& siblings =
            parent < 0 ? m_topLevel : m_nodes[static_cast<std::size_t>(parent)].children;
        m_nodes.push_back(Node{kind, parent, static_cast<int>(siblings.size()), item, {}});
        // siblings may dangle after push_back reallocated m_nodes; look it up again.
        (parent < 0 ? m_topLevel : m_nodes[static_cast<std::size_t>(parent)].children).push_back(id);
        return id;
    };
    add(Kind::Overall, -1, 0);
    for (std::size_t d = 0; d < s.domains.size(); ++d) {
        const int domainNode = add(Kind::Domain, -1, d);
        for (std::size_t c = 0; c < s.cells.size(); ++c) {
            if (s.cells[c].domain != s.domains[d].domain)
                continue;
            const int cellNode = add(Kind::Cell, domainNode, c);
            for (const IndicatorId& id : s.cells[c].indicators)
                for (std::size_t i = 0; i < s.indicators.size(); ++i)
                    if (s.indicators[i].indicator == id)
                        add(Kind::Indicator, cellNode, i);
        }
    }
}

QString ScoreModel::overallText() const {
    if (!m_result || !m_result->score.overall)
        return tr("not available");
    return scoreText(m_result->score.overall);
}

QModelIndex ScoreModel::indexOfIndicator(const QString& id) const {
    if (!m_result)
        return {};
    for (std::size_t n = 0; n < m_nodes.size(); ++n)
        if (m_nodes[n].kind == Kind::Indicator &&
            m_result->score.indicators[m_nodes[n].item].indicator.str() == id.toStdString())
            return createIndex(m_nodes[n].row, 0, static_cast<quintptr>(n));
    return {};
}

QModelIndex ScoreModel::index(int row, int column, const QModelIndex& parent) const {
    const std::vector<int>& rows =
        parent.isValid() ? m_nodes[static_cast<std::size_t>(parent.internalId())].children : m_topLevel;
    if (row < 0 || row >= static_cast<int>(rows.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, static_cast<quintptr>(rows[static_cast<std::size_t>(row)]));
}

QModelIndex ScoreModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const int parent = m_nodes[static_cast<std::size_t>(child.internalId())].parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes[static_cast<std::size_t>(parent)].row, 0, static_cast<quintptr>(parent));
}

int ScoreModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[static_cast<std::size_t>(parent.internalId())].children.size());
}

int ScoreModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString ScoreModel::nameOf(const Node& node) const {
    const ServiceScore& s = m_result->score;
    const Catalogue& catalogue = *m_result->request.catalogue;
    switch (node.kind) {
    case Kind::Overall:
        return tr("Capability-equality index");
    case Kind::Domain: {
        const Domain* domain = catalogue.findDomain(s.domains[node.item].domain);
        return domain ? QString::fromStdString(domain->name)
                      : QString::fromStdString(s.domains[node.item].domain.str());
    }
    case Kind::Cell: {
        const Dimension* dimension = catalogue.findDimension(s.cells[node.item].dimension);
        return dimension ? QString::fromStdString(dimension->name)
                         : QString::fromStdString(s.cells[node.item].dimension.str());
    }
    case Kind::Indicator: {
        const Indicator* indicator = catalogue.findIndicator(s.indicators[node.item].indicator);
        return indicator ? QString::fromStdString(indicator->title)
                         : QString::fromStdString(s.indicators[node.item].indicator.str());
    }
    }
    return {};
}

std::optional<double> ScoreModel::scoreOf(const Node& node) const {
    const ServiceScore& s = m_result->score;
    switch (node.kind) {
    case Kind::Overall:
        return s.overall;
    case Kind::Domain:
        return s.domains[node.item].score;
    case Kind::Cell:
        return s.cells[node.item].score;
    case Kind::Indicator:
        return s.indicators[node.item].adjusted;
    }
    return std::nullopt;
}

QString ScoreModel::remarksOf(const Node& node) const {
    const ServiceScore& s = m_result->score;
    switch (node.kind) {
    case Kind::Overall: {
        QString text = tr("%1 of %2 cells, %3 of %4 domains with evidence")
                           .arg(s.coverage.cellsWithEvidence)
                           .arg(s.coverage.cellsTotal)
                           .arg(s.coverage.domainsWithEvidence)
                           .arg(s.coverage.domainsTotal);
        return s.coverage.partial ? tr("Partial: %1").arg(text) : text;
    }
    case Kind::Domain:
        return s.domains[node.item].score ? QString() : tr("No evidence");
    case Kind::Cell:
        return s.cells[node.item].score ? QString() : tr("No evidence");
    case Kind::Indicator: {
        int flags = 0;
        for (const Flag& flag : s.flags)
            flags += flag.indicator == s.indicators[node.item].indicator ? 1 : 0;
        return flags == 0 ? QString() : tr("%n flag(s)", nullptr, flags);
    }
    }
    return {};
}

QString ScoreModel::explanationOf(const Node& node) const {
    const ServiceScore& s = m_result->score;
    const ScoringRequest& request = m_result->request;
    switch (node.kind) {
    case Kind::Overall:
        return explanationFor(s, request, {}); // the same text the worker works out in advance
    case Kind::Domain:
        return QString::fromStdString(explainDomain(s, s.domains[node.item].domain, request.weights));
    case Kind::Cell:
        return QString::fromStdString(explainDomain(s, s.cells[node.item].domain, request.weights));
    case Kind::Indicator:
        return explanationFor(s, request, s.indicators[node.item].indicator.str());
    }
    return {};
}

QVariant ScoreModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_result)
        return {};
    const Node& node = m_nodes[static_cast<std::size_t>(index.internalId())];
    switch (role) {
    case ExplanationRole:
        return explanationOf(node);
    case KindRole:
        return static_cast<int>(node.kind);
    case ScoreValueRole: {
        const auto value = scoreOf(node);
        return value ? QVariant(*value) : QVariant();
    }
    case IdRole:
        switch (node.kind) {
        case Kind::Domain:
            return QString::fromStdString(m_result->score.domains[node.item].domain.str());
        case Kind::Cell:
            return QString::fromStdString(m_result->score.cells[node.item].dimension.str());
        case Kind::Indicator:
            return QString::fromStdString(m_result->score.indicators[node.item].indicator.str());
        default:
            return QString();
        }
    case Qt::ToolTipRole:
        return headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole);
    case Qt::TextAlignmentRole:
        return index.column() == Score || index.column() == Achievement || index.column() == Equality
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool isIndicator = node.kind == Kind::Indicator;
    switch (index.column()) {
    case Name:
        return nameOf(node);
    case Score:
        return scoreText(scoreOf(node));
    case Achievement:
        return isIndicator ? scoreText(m_result->score.indicators[node.item].achievement) : QString();
    case Equality:
        return isIndicator ? scoreText(m_result->score.indicators[node.item].equality) : QString();
    case Remarks:
        return remarksOf(node);
    default:
        return {};
    }
}

QVariant ScoreModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Score:
            return tr("0 to 100, higher is better: how well people do, lowered where some groups fare "
                      "worse than others. Click a row to see how it was worked out.");
        case Achievement:
            return tr("How everyone served does on this measure, from 0 (the low goalpost) to 100 (the high "
                      "goalpost).");
        case Equality:
            return tr("100 when no group falls clearly behind; lower by how far the worst-off group trails "
                      "the best, counted only when the gap is statistically clear.");
        case Remarks:
            return tr("Coverage of the evidence, and flags such as groups below a minimum standard.");
        default:
            return tr("Select a row and read the explanation below.");
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Measure");
    case Score:
        return tr("Score");
    case Achievement:
        return tr("Achievement");
    case Equality:
        return tr("Equality");
    case Remarks:
        return tr("Remarks");
    default:
        return {};
    }
}

} // namespace capeq::gui
