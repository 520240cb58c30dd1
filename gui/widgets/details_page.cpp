// SPDX-License-Identifier: Apache-2.0
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <functional>
#include <gui/models/assessment_document.hpp>
#include <gui/widgets/characteristics_list.hpp>
#include <gui/widgets/details_page.hpp>

namespace capeq::gui {

namespace {

/// Commits a plain-text edit when it loses focus, so one edit is one undo step rather than one per key.
class FocusOutCommit : public QObject {
public:
    FocusOutCommit(QObject* parent, std::function<void()> commit)
        : QObject(parent)
        , m_commit(std::move(commit)) {}
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::FocusOut)
            m_commit();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_commit;
};

} // namespace

DetailsPage::DetailsPage(AssessmentDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_status(new QComboBox(this))
    , m_purpose(new QPlainTextEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_characteristics(new CharacteristicsList(this)) {
    m_title = addLine(tr("The report's title."));
    m_organisation = addLine(tr("Your organisation."));
    m_author = addLine(tr("Who prepared the assessment."));
    m_service = addLine(tr("The service id as written in the evidence (e.g. adult_social_care)."));
    m_area = addLine(tr("The area code as written in the evidence."));
    m_period = addLine(tr("The period assessed (e.g. 2024/25); the one before is used for change."));
    for (AssessmentStatus s : {AssessmentStatus::Draft, AssessmentStatus::InReview,
                               AssessmentStatus::Approved, AssessmentStatus::Published})
        m_status->addItem(QString::fromStdString(toString(s)).replace(QLatin1Char('_'), QLatin1Char(' ')),
                          static_cast<int>(s));
    m_status->setToolTip(tr("Where the assessment is in its sign-off."));
    m_purpose->setTabChangesFocus(true);
    m_notes->setTabChangesFocus(true);
    m_purpose->setToolTip(tr("What policy, decision or service is being assessed, and why."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Organisation:"), m_organisation);
    form->addRow(tr("&Author:"), m_author);
    form->addRow(tr("&Service:"), m_service);
    form->addRow(tr("A&rea:"), m_area);
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("Stat&us:"), m_status);
    form->addRow(tr("P&urpose:"), m_purpose);
    form->addRow(tr("&Notes:"), m_notes);
    auto* scope = new QGroupBox(tr("Characteristics in scope"), this);
    auto* scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_characteristics);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(form, 3);
    layout->addWidget(scope, 2);

    for (QLineEdit* edit : {m_title, m_organisation, m_author, m_service, m_area, m_period})
        connect(edit, &QLineEdit::editingFinished, this, &DetailsPage::commitMetadata);
    connect(m_status, &QComboBox::activated, this, &DetailsPage::commitMetadata);
    m_purpose->installEventFilter(new FocusOutCommit(this, [this] { commitMetadata(); }));
    m_notes->installEventFilter(
        new FocusOutCommit(this, [this] { m_document->setNotes(m_notes->toPlainText().toStdString()); }));
    connect(m_characteristics, &CharacteristicsList::checkedChanged, this, [this] {
        AssessmentScope changed = m_document->assessment().scope;
        changed.characteristics = m_characteristics->checked();
        m_document->setScope(changed);
    });
    connect(document, &AssessmentDocument::metadataChanged, this, &DetailsPage::showMetadata);
    connect(document, &AssessmentDocument::notesChanged, this,
            [this] { m_notes->setPlainText(QString::fromStdString(m_document->assessment().notes)); });
    connect(document, &AssessmentDocument::scopeChanged, this,
            [this] { m_characteristics->setChecked(m_document->assessment().scope.characteristics); });
    showMetadata();
}

QLineEdit* DetailsPage::addLine(const QString& tip) {
    auto* edit = new QLineEdit(this);
    edit->setToolTip(tip);
    return edit;
}

void DetailsPage::setCatalogue(const Catalogue& catalogue) {
    m_characteristics->setCatalogue(catalogue);
    m_characteristics->setChecked(m_document->assessment().scope.characteristics);
}

void DetailsPage::showMetadata() {
    const AssessmentMetadata& meta = m_document->assessment().metadata;
    m_title->setText(QString::fromStdString(meta.title));
    m_organisation->setText(QString::fromStdString(meta.organisation));
    m_author->setText(QString::fromStdString(meta.author));
    m_service->setText(QString::fromStdString(meta.service));
    m_area->setText(QString::fromStdString(meta.area));
    m_period->setText(QString::fromStdString(meta.period));
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(meta.status)));
    if (m_purpose->toPlainText().toStdString() != meta.purpose)
        m_purpose->setPlainText(QString::fromStdString(meta.purpose));
}

void DetailsPage::commitMetadata() {
    AssessmentMetadata meta = m_document->assessment().metadata;
    meta.title = m_title->text().trimmed().toStdString();
    meta.organisation = m_organisation->text().trimmed().toStdString();
    meta.author = m_author->text().trimmed().toStdString();
    meta.service = m_service->text().trimmed().toStdString();
    meta.area = m_area->text().trimmed().toStdString();
    meta.period = m_period->text().trimmed().toStdString();
    meta.status = static_cast<AssessmentStatus>(m_status->currentData().toInt());
    meta.purpose = m_purpose->toPlainText().trimmed().toStdString();
    m_document->setMetadata(meta); // no command when nothing changed
}

} // namespace capeq::gui
