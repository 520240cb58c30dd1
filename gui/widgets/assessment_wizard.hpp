// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>
#include <capeq/catalogue/catalogue.hpp>

#include <QWizard>

class QLineEdit;
class QPlainTextEdit;

namespace capeq::gui {

class CharacteristicsList;

/// The new-assessment wizard: who and what (organisation, title, author), the service, area and period,
/// the purpose, and the characteristics in scope. Starts from a template's pre-filled fields.
class AssessmentWizard : public QWizard {
    Q_OBJECT
public:
    AssessmentWizard(const Catalogue& catalogue, const Assessment& prefill, QWidget* parent = nullptr);

    /// The assessment as filled in (the template's other fields kept).
    Assessment assessment() const;

    QLineEdit* organisationEdit() const { return m_organisation; }
    QLineEdit* titleEdit() const { return m_title; }
    QLineEdit* serviceEdit() const { return m_service; }
    QLineEdit* areaEdit() const { return m_area; }
    QLineEdit* periodEdit() const { return m_period; }
    CharacteristicsList* characteristics() const { return m_characteristics; }

private:
    Assessment m_prefill;
    QLineEdit* m_organisation = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_author = nullptr;
    QLineEdit* m_service = nullptr;
    QLineEdit* m_area = nullptr;
    QLineEdit* m_period = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    CharacteristicsList* m_characteristics = nullptr;
};

} // namespace capeq::gui
