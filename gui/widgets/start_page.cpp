// SPDX-License-Identifier: Apache-2.0
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <gui/models/assessment_templates.hpp>
#include <gui/widgets/start_page.hpp>

namespace capeq::gui {

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
    , m_template(new QComboBox(this))
    , m_recent(new QListWidget(this)) {
    auto* heading = new QLabel(tr("<h2>CapEq Studio</h2><p>Assess how fairly a public service treats people: "
                                  "gather evidence for each group, see where some fare worse, record your "
                                  "findings and actions, and publish the report.</p>"),
                               this);
    heading->setWordWrap(true);

    auto* start = new QGroupBox(tr("Start"), this);
    auto* newButton = new QPushButton(tr("&New assessment..."), start);
    newButton->setToolTip(tr("Walks you through the service, area, period, purpose and the characteristics "
                             "to assess (Ctrl+N)."));
    for (const AssessmentTemplate& t : assessmentTemplates()) {
        m_template->addItem(t.name);
        m_template->setItemData(m_template->count() - 1, t.description, Qt::ToolTipRole);
    }
    m_template->setCurrentIndex(1); // the annual review is what most officers start with
    auto* templateLabel = new QLabel(tr("&Template:"), start);
    templateLabel->setBuddy(m_template);
    auto* openButton = new QPushButton(tr("&Open an assessment..."), start);
    openButton->setToolTip(tr("Open a .capeq file (Ctrl+O)."));
    auto* sampleButton = new QPushButton(tr("Open the &sample"), start);
    sampleButton->setToolTip(tr("A fictional county council's adult social care service, with evidence, "
                                "to try everything out."));
    auto* startLayout = new QVBoxLayout(start);
    auto* newRow = new QHBoxLayout;
    newRow->addWidget(newButton);
    newRow->addWidget(templateLabel);
    newRow->addWidget(m_template, 1);
    startLayout->addLayout(newRow);
    startLayout->addWidget(openButton);
    startLayout->addWidget(sampleButton);

    auto* recent = new QGroupBox(tr("Recent assessments"), this);
    auto* recentLayout = new QVBoxLayout(recent);
    recentLayout->addWidget(m_recent);
    m_recent->setObjectName(QStringLiteral("recentFiles"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(start);
    layout->addWidget(recent, 1);
    layout->setContentsMargins(24, 16, 24, 16);

    connect(newButton, &QPushButton::clicked, this,
            [this] { Q_EMIT newRequested(m_template->currentIndex()); });
    connect(openButton, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(sampleButton, &QPushButton::clicked, this, &StartPage::sampleRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT recentRequested(item->data(Qt::UserRole).toString()); });
}

void StartPage::setRecentFiles(const QStringList& paths) {
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item =
            new QListWidgetItem(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path, m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    if (paths.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent assessments yet"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace capeq::gui
