// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/core/diagnostic.hpp>
#include <capeq/evidence/evidence.hpp>

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace capeq::gui {

/// What reading and validating an evidence file found. When any diagnostic is an error nothing may be
/// imported; rows still holds what could be read so the problems can be shown against them.
struct ImportResult {
    QString path;
    QString format; ///< "capeq-long", "heat-plus", "fingertips", "ethnicity-facts", "sqlite", "capeq"
    std::vector<EvidenceRow> rows;
    std::vector<Diagnostic> diagnostics;
    std::vector<UnmappedItem> unmapped;

    bool hasErrors() const;
    int errorCount() const;
};

/// Reads an evidence CSV (CapEq long, HEAT Plus, Fingertips, Ethnicity facts), a SQLite store or a
/// `.capeq` file and validates it against the catalogue with the core's reader and validator. Never
/// throws: unreadable files come back as diagnostics.
ImportResult importEvidence(const QString& path, const Catalogue& catalogue);

/// Runs importEvidence on a worker thread. Cancelling drops the result.
class ImportWorker : public QObject {
    Q_OBJECT
public:
    explicit ImportWorker(QObject* parent = nullptr);
    ~ImportWorker() override;

    void start(const QString& path, std::shared_ptr<const Catalogue> catalogue);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void busyChanged(bool busy);
    void finished(const capeq::gui::ImportResult& result);

private:
    quint64 m_wanted = 0;
    quint64 m_next = 1;
    bool m_busy = false;
    int m_running = 0;
};

} // namespace capeq::gui
