// SPDX-License-Identifier: Apache-2.0
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/pipeline/evidence_input.hpp>

#include <algorithm>
#include <exception>
#include <gui/workers/import_worker.hpp>
#include <gui/workers/run_job.hpp>

namespace capeq::gui {

bool ImportResult::hasErrors() const {
    return errorCount() > 0;
}

int ImportResult::errorCount() const {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

ImportResult importEvidence(const QString& path, const Catalogue& catalogue) {
    ImportResult result;
    result.path = path;
    const std::filesystem::path file = path.toStdString();
    try {
        const InputKind kind = detectInputKind(file);
        if (kind != InputKind::EvidenceFile) {
            // Stores and assessments were validated when their evidence was imported.
            EvidenceInput input = loadEvidenceInput(file, catalogue);
            result.format = kind == InputKind::Store ? QStringLiteral("sqlite") : QStringLiteral("capeq");
            result.rows = std::move(input.rows);
            result.unmapped = std::move(input.unmapped);
            return result;
        }
        EvidenceSet set = readEvidenceFile(file, catalogue);
        result.format = QString::fromStdString(set.format);
        const DiagnosticList problems = validateEvidence(set, catalogue);
        result.diagnostics = set.warnings;
        result.diagnostics.insert(result.diagnostics.end(), problems.items().begin(), problems.items().end());
        result.rows = std::move(set.rows);
        result.unmapped = std::move(set.unmapped);
    } catch (const InputError& error) {
        result.diagnostics = error.diagnostics();
    } catch (const std::exception& error) {
        result.diagnostics.push_back(Diagnostic{Severity::Error, SourceLocation{path.toStdString(), 0, 0, {}},
                                                error.what(), "check that the file exists and can be read"});
    }
    return result;
}

ImportWorker::ImportWorker(QObject* parent)
    : QObject(parent) {}

ImportWorker::~ImportWorker() {
    waitForJobs(this);
}

void ImportWorker::start(const QString& path, std::shared_ptr<const Catalogue> catalogue) {
    const quint64 id = m_next++;
    m_wanted = id;
    ++m_running;
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    runJob<ImportResult>(
        this, [path, catalogue = std::move(catalogue)] { return importEvidence(path, *catalogue); },
        [this, id](ImportResult result) {
            if (--m_running == 0 && m_busy) {
                m_busy = false;
                Q_EMIT busyChanged(false);
            }
            if (id == m_wanted)
                Q_EMIT finished(result);
        });
}

void ImportWorker::cancel() {
    m_wanted = 0;
    if (m_busy) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
}

} // namespace capeq::gui
