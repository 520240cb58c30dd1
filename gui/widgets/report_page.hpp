// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace capeq::gui {

class AssessmentDocument;
class ScoreModel;

/// Report: what the published report will hold, and export to PDF or self-contained HTML through
/// lib/report (the same report `capeq report` writes). Disclosure control is always applied.
class ReportPage : public QWidget {
    Q_OBJECT
public:
    ReportPage(AssessmentDocument* document, ScoreModel* scores, QWidget* parent = nullptr);

    /// The report's title: "<organisation> — <service>, <period>", or the assessment's own title.
    QString reportTitle() const;
    /// Writes the report; on failure returns false with the reason in error.
    bool exportPdf(const QString& path, QString* error = nullptr);
    bool exportHtml(const QString& path, QString* error = nullptr);

public Q_SLOTS:
    void chooseAndExportPdf();
    void chooseAndExportHtml();
    void refresh();

private:
    bool exportTo(const QString& path, bool pdf, QString* error);
    void chooseAndExport(bool pdf);

    AssessmentDocument* m_document;
    ScoreModel* m_scores;
    QTextBrowser* m_summary = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace capeq::gui
