// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <gui/widgets/characteristics_list.hpp>

namespace capeq::gui {

CharacteristicsList::CharacteristicsList(QWidget* parent)
    : QListWidget(parent) {
    connect(this, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            Q_EMIT checkedChanged();
    });
}

void CharacteristicsList::setCatalogue(const Catalogue& catalogue) {
    const std::vector<std::string> keep = checked();
    m_updating = true;
    clear();
    auto add = [this](const std::string& id, const QString& label, const QString& tip) {
        auto* item = new QListWidgetItem(label, this);
        item->setData(Qt::UserRole, QString::fromStdString(id));
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    };
    for (const Characteristic& c : catalogue.characteristics())
        if (!c.openCodeList)
            add(c.id.str(), QString::fromStdString(c.name), QString::fromStdString(c.description));
    for (const Rollup& r : catalogue.rollups())
        add(r.targetCharacteristic.str(), QString::fromStdString(r.name),
            tr("%1 groups combined into %2")
                .arg(QString::fromStdString(r.characteristic.str()))
                .arg(r.targetGroups.size()));
    m_updating = false;
    setChecked(keep);
}

void CharacteristicsList::setChecked(const std::vector<std::string>& ids) {
    m_updating = true;
    for (int row = 0; row < count(); ++row) {
        const std::string id = item(row)->data(Qt::UserRole).toString().toStdString();
        item(row)->setCheckState(std::find(ids.begin(), ids.end(), id) != ids.end() ? Qt::Checked
                                                                                    : Qt::Unchecked);
    }
    m_updating = false;
}

std::vector<std::string> CharacteristicsList::checked() const {
    std::vector<std::string> ids;
    for (int row = 0; row < count(); ++row)
        if (item(row)->checkState() == Qt::Checked)
            ids.push_back(item(row)->data(Qt::UserRole).toString().toStdString());
    return ids;
}

} // namespace capeq::gui
