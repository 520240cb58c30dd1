// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <gui/models/document_list_model.hpp>

namespace capeq::gui {

/// The findings, one row per characteristic: suggested impact (read-only), the officer's impact
/// (edited as its text form: "positive", "neutral", "negative", "unknown"), confirmed, evidence,
/// narrative. Characteristic names come from the catalogue when one is set.
class FindingsModel : public DocumentListModel {
    Q_OBJECT
public:
    enum Column { Characteristic, Suggested, Impact, Confirmed, Evidence, Narrative, ColumnCount };
    /// Role carrying the impact's stable text form for delegates.
    static constexpr int ImpactCodeRole = Qt::UserRole + 1;

    explicit FindingsModel(AssessmentDocument* document, QObject* parent = nullptr);
    void setCatalogue(const Catalogue* catalogue);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// "Negative impact", "Neutral", ... as shown to the officer.
    static QString impactInWords(capeq::Impact impact);

protected:
    int listSize() const override;

private:
    const Catalogue* m_catalogue = nullptr;
};

} // namespace capeq::gui
