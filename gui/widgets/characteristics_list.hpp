// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QListWidget>

#include <string>
#include <vector>

namespace capeq::gui {

/// A checklist of the catalogue's characteristics and their roll-ups (e.g. ethnicity in 5 groups), each
/// with its description as tooltip. Space toggles the current row.
class CharacteristicsList : public QListWidget {
    Q_OBJECT
public:
    explicit CharacteristicsList(QWidget* parent = nullptr);

    void setCatalogue(const Catalogue& catalogue);
    void setChecked(const std::vector<std::string>& ids);
    std::vector<std::string> checked() const;

Q_SIGNALS:
    /// The user ticked or unticked a row (not emitted by setChecked).
    void checkedChanged();

private:
    bool m_updating = false;
};

} // namespace capeq::gui
