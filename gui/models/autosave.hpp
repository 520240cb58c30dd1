// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;
class QTimer;

namespace capeq::gui {

class AssessmentDocument;

/// An autosave left behind by a session that ended without closing its document cleanly (a crash, a
/// killed process, a power cut).
struct RecoverableSession {
    QString recoveryFile; ///< the autosaved `.capeq` bytes
    QString infoFile;     ///< JSON: original path, title, when it was written
    QString lockFile;     ///< held by the session while it runs
    QString originalPath; ///< the document's own file; empty for an untitled one
    QString title;
    QDateTime savedAt;
};

/// The folder of recovery files. Each running studio writes session-<id>.capeq-recovery, a .json
/// beside it, and holds session-<id>.lock; a session whose lock is no longer held by a live process
/// left its autosave behind.
class RecoveryStore {
public:
    /// <AppDataLocation>/recovery.
    static QString defaultDirectory();
    /// Autosaves of dead sessions in directory, newest first. Autosaves that are not newer than their
    /// original file (it was saved later) are removed, not offered.
    static std::vector<RecoverableSession> findRecoverable(const QString& directory);
    /// Reads the autosaved assessment; throws InputError when it is damaged.
    static Assessment restore(const RecoverableSession& session);
    /// Deletes the session's files (after restoring it, or when the user declines).
    static void discard(const RecoverableSession& session);
};

/// Writes the document to its session's recovery file every interval and shortly after each edit while
/// it has unsaved changes, and removes the file once the document is saved or closed cleanly.
class Autosaver : public QObject {
    Q_OBJECT
public:
    /// intervalMs also bounds the delay after an edit (at most 2 s).
    Autosaver(AssessmentDocument* document, const QString& directory, int intervalMs,
              QObject* parent = nullptr);
    ~Autosaver() override;

    QString recoveryFile() const;
    QString directory() const { return m_directory; }
    /// Writes now when there are unsaved changes not yet autosaved; true when a file was written.
    bool autosaveNow();
    /// Removes this session's recovery file (on clean save or close).
    void clear();

Q_SIGNALS:
    void autosaved(const QString& path);
    void failed(const QString& message);

private:
    void onChanged();

    AssessmentDocument* m_document;
    QString m_directory;
    QString m_base; ///< directory/session-<id>
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_periodic = nullptr;
    QTimer* m_afterEdit = nullptr;
    quint64 m_savedRevision = 0;
    bool m_hasFile = false;
};

} // namespace capeq::gui
