// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment.hpp>
#include <capeq/core/atomic_file.hpp>

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <exception>
#include <gui/models/assessment_document.hpp>
#include <gui/models/findings_model.hpp>
#include <gui/models/score_model.hpp>
#include <gui/widgets/report_page.hpp>
#include <report/service_report.hpp>

namespace capeq::gui {

ReportPage::ReportPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_scores(scores)
    , m_summary(new QTextBrowser(this))
    , m_status(new QLabel(this)) {
    auto* pdf = new QPushButton(tr("Export &PDF..."), this);
    pdf->setShortcut(QKeySequence(tr("Ctrl+E")));
    pdf->setToolTip(tr("The report as a PDF for publishing (Ctrl+E)."));
    auto* html = new QPushButton(tr("Export &HTML..."), this);
    html->setToolTip(tr("The report as one web page with its charts inside, for your website."));
    m_status->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(pdf);
    buttons->addWidget(html);
    buttons->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_summary, 1);
    connect(pdf, &QPushButton::clicked, this, &ReportPage::chooseAndExportPdf);
    connect(html, &QPushButton::clicked, this, &ReportPage::chooseAndExportHtml);
    connect(scores, &QAbstractItemModel::modelReset, this, &ReportPage::refresh);
    connect(document, &AssessmentDocument::changed, this, &ReportPage::refresh);
    refresh();
}

QString ReportPage::reportTitle() const {
    const AssessmentMetadata& meta = m_document->assessment().metadata;
    if (!meta.organisation.empty() && !meta.service.empty())
        return QString::fromStdString(meta.organisation + " — " + meta.service +
                                      (meta.period.empty() ? std::string() : ", " + meta.period));
    return QString::fromStdString(meta.title.empty() ? meta.service : meta.title);
}

void ReportPage::refresh() {
    const Assessment& a = m_document->assessment();
    QString html = QStringLiteral("<h2>%1</h2>").arg(reportTitle().toHtmlEscaped());
    if (!m_scores->score()) {
        html += tr("<p>Import evidence and let the analysis finish; the report is then ready to export.</p>");
    } else {
        const ServiceScore& s = *m_scores->score();
        html += tr("<p><b>Capability-equality index: %1</b> (%2 of %3 domains with evidence).</p>")
                    .arg(m_scores->overallText())
                    .arg(s.coverage.domainsWithEvidence)
                    .arg(s.coverage.domainsTotal);
        html += tr("<p>The report holds the index and its coverage, the capability wheel, a table of domain "
                   "scores, the heat map, gap charts with their uncertainty, the trend, every flag, the "
                   "findings and action plan for each characteristic, and the method and disclosure rule. "
                   "Figures about very few people are never printed.</p>");
    }
    html += tr("<h3>Findings</h3><ul>");
    for (const Finding& f : a.findings)
        html += QStringLiteral("<li>%1: %2%3</li>")
                    .arg(QString::fromStdString(f.characteristic).toHtmlEscaped(),
                         FindingsModel::impactInWords(f.impact),
                         f.confirmed ? tr(" (confirmed)") : tr(" (not yet confirmed)"));
    html += QStringLiteral("</ul>");
    html += tr("<p>%n action(s) in the plan.</p>", nullptr, static_cast<int>(a.actions.size()));
    m_summary->setHtml(html);
}

bool ReportPage::exportPdf(const QString& path, QString* error) {
    return exportTo(path, true, error);
}

bool ReportPage::exportHtml(const QString& path, QString* error) {
    return exportTo(path, false, error);
}

bool ReportPage::exportTo(const QString& path, bool pdf, QString* error) {
    const ScoringResult* result = m_scores->result();
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        m_status->setText(why);
        return false;
    };
    if (!result)
        return fail(tr("There are no scores to report yet: import evidence first."));
    try {
        report::ServiceReportInput input(*result->request.catalogue, result->score);
        input.history = result->history;
        input.rows = result->request.rows;
        input.disclosure = result->request.settings.disclosure;
        input.title = reportTitle().toStdString();
        const Assessment& assessment = m_document->assessment();
        input.assessment =
            report::ReportFindings{assessment.findings, assessment.mitigations, assessment.actions};
        input.provenance.disclosureRule = input.disclosure.describe();
        if (!m_document->filePath().isEmpty())
            input.provenance.inputHashes.emplace_back(m_document->filePath().toStdString(), "");
        // Charts are drawn with Qt Charts, which must run on this (the GUI) thread.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        if (pdf) {
            report::writeServiceReportPdf(input, path.toStdString());
        } else {
            // Atomic like the PDF: a failed export never leaves half a page where the last one was.
            writeFileAtomically(path.toStdString(), report::renderServiceReportHtml(input));
        }
        QApplication::restoreOverrideCursor();
    } catch (const std::exception& failure) {
        QApplication::restoreOverrideCursor();
        return fail(tr("The report could not be written: %1").arg(QString::fromStdString(failure.what())));
    }
    m_status->setText(tr("Report written to %1").arg(path));
    return true;
}

void ReportPage::chooseAndExportPdf() {
    chooseAndExport(true);
}

void ReportPage::chooseAndExportHtml() {
    chooseAndExport(false);
}

void ReportPage::chooseAndExport(bool pdf) {
    const QString suggested = QFileInfo(m_document->filePath()).completeBaseName();
    const QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Export report as PDF") : tr("Export report as HTML"),
                                     (suggested.isEmpty() ? tr("equality-assessment") : suggested) +
                                         (pdf ? QStringLiteral(".pdf") : QStringLiteral(".html")),
                                     pdf ? tr("PDF (*.pdf)") : tr("Web page (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, pdf, &error))
        QMessageBox::warning(this, tr("Report not written"), error);
}

} // namespace capeq::gui
