// SPDX-License-Identifier: Apache-2.0
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QWizardPage>

#include <gui/widgets/assessment_wizard.hpp>
#include <gui/widgets/characteristics_list.hpp>

namespace capeq::gui {

namespace {

QWizardPage* makePage(const QString& title, const QString& subtitle) {
    auto* p = new QWizardPage;
    p->setTitle(title);
    p->setSubTitle(subtitle);
    return p;
}

QLineEdit* lineEdit(const std::string& text, const QString& placeholder, const QString& tip) {
    auto* edit = new QLineEdit(QString::fromStdString(text));
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    return edit;
}

} // namespace

AssessmentWizard::AssessmentWizard(const Catalogue& catalogue, const Assessment& prefill, QWidget* parent)
    : QWizard(parent)
    , m_prefill(prefill) {
    setWindowTitle(tr("New equality assessment"));
    setOption(QWizard::NoBackButtonOnStartPage);
    const AssessmentMetadata& meta = prefill.metadata;

    QWizardPage* who =
        makePage(tr("Who is assessing what"), tr("These details appear on the report's first page."));
    m_organisation =
        lineEdit(meta.organisation, tr("e.g. Northshire County Council"), tr("Your organisation."));
    m_title = lineEdit(meta.title, tr("e.g. Adult social care equality assessment 2024/25"),
                       tr("The report's title."));
    m_author = lineEdit(meta.author, tr("Your name"), tr("Who prepared the assessment."));
    auto* whoForm = new QFormLayout(who);
    whoForm->addRow(tr("&Organisation:"), m_organisation);
    whoForm->addRow(tr("&Title:"), m_title);
    whoForm->addRow(tr("&Author:"), m_author);
    addPage(who);

    QWizardPage* service =
        makePage(tr("Service, area and period"),
                 tr("As they are written in your evidence files. You can leave them empty and "
                    "they are taken from the first evidence you import."));
    m_service =
        lineEdit(meta.service, tr("e.g. adult_social_care"), tr("The service id used in the evidence."));
    m_area = lineEdit(meta.area, tr("e.g. E10999999"), tr("The area code (local authority, region...)."));
    m_period = lineEdit(meta.period, tr("e.g. 2024/25"),
                        tr("The period to assess; the one before it is used to spot gaps that widen."));
    auto* serviceForm = new QFormLayout(service);
    serviceForm->addRow(tr("&Service:"), m_service);
    serviceForm->addRow(tr("A&rea:"), m_area);
    serviceForm->addRow(tr("&Period:"), m_period);
    addPage(service);

    QWizardPage* purpose =
        makePage(tr("Purpose"), tr("What policy, decision or service is being assessed, and why."));
    m_purpose = new QPlainTextEdit(QString::fromStdString(meta.purpose));
    m_purpose->setTabChangesFocus(true);
    auto* purposeLayout = new QVBoxLayout(purpose);
    purposeLayout->addWidget(m_purpose);
    addPage(purpose);

    QWizardPage* scope = makePage(tr("Characteristics in scope"),
                                  tr("The groups of people to compare. Findings are recorded for each one."));
    m_characteristics = new CharacteristicsList;
    m_characteristics->setCatalogue(catalogue);
    m_characteristics->setChecked(prefill.scope.characteristics);
    auto* scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_characteristics);
    addPage(scope);
    resize(720, 520);
}

Assessment AssessmentWizard::assessment() const {
    Assessment result = m_prefill;
    AssessmentMetadata& meta = result.metadata;
    meta.organisation = m_organisation->text().trimmed().toStdString();
    meta.title = m_title->text().trimmed().toStdString();
    meta.author = m_author->text().trimmed().toStdString();
    meta.service = m_service->text().trimmed().toStdString();
    meta.area = m_area->text().trimmed().toStdString();
    meta.period = m_period->text().trimmed().toStdString();
    meta.purpose = m_purpose->toPlainText().trimmed().toStdString();
    result.scope.characteristics = m_characteristics->checked();
    return result;
}

} // namespace capeq::gui
