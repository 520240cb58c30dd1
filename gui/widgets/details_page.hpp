// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace capeq::gui {

class AssessmentDocument;
class CharacteristicsList;

/// The assessment's details after the wizard: metadata, status, purpose, characteristics in scope and
/// notes. Each finished edit (leaving a field, ticking a box) is one undoable command; the fields follow
/// the document when an edit is undone.
class DetailsPage : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPage(AssessmentDocument* document, QWidget* parent = nullptr);

    void setCatalogue(const Catalogue& catalogue);
    QLineEdit* organisationEdit() const { return m_organisation; }

private:
    void showMetadata();
    void commitMetadata();
    QLineEdit* addLine(const QString& tip);

    AssessmentDocument* m_document;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_organisation = nullptr;
    QLineEdit* m_author = nullptr;
    QLineEdit* m_service = nullptr;
    QLineEdit* m_area = nullptr;
    QLineEdit* m_period = nullptr;
    QComboBox* m_status = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    CharacteristicsList* m_characteristics = nullptr;
};

} // namespace capeq::gui
