// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment_file.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <exception>
#include <gui/models/assessment_document.hpp>
#include <gui/models/autosave.hpp>

namespace capeq::gui {

namespace {

const QString kRecoverySuffix = QStringLiteral(".capeq-recovery");
const QString kInfoSuffix = QStringLiteral(".json");
const QString kLockSuffix = QStringLiteral(".lock");
// An edit is autosaved after this delay at most, so a crash soon after typing loses little.
constexpr int kMaxAfterEditMs = 2000;

} // namespace

QString RecoveryStore::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

std::vector<RecoverableSession> RecoveryStore::findRecoverable(const QString& directory) {
    std::vector<RecoverableSession> found;
    const QDir dir(directory);
    const QStringList infos = dir.entryList({QStringLiteral("session-*") + kInfoSuffix}, QDir::Files);
    for (const QString& info : infos) {
        const QString base = dir.filePath(info.chopped(kInfoSuffix.size()));
        RecoverableSession session{
            base + kRecoverySuffix, base + kInfoSuffix, base + kLockSuffix, {}, {}, {}};
        // A live session (this process or another) still holds its lock; a dead one's lock is stale.
        QLockFile lock(session.lockFile);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QFile file(session.infoFile);
        if (!file.open(QIODevice::ReadOnly) || !QFileInfo::exists(session.recoveryFile)) {
            discard(session);
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        session.originalPath = json.value(QStringLiteral("originalPath")).toString();
        session.title = json.value(QStringLiteral("title")).toString();
        session.savedAt =
            QDateTime::fromString(json.value(QStringLiteral("savedAt")).toString(), Qt::ISODate);
        const QFileInfo original(session.originalPath);
        if (!session.originalPath.isEmpty() && original.exists() &&
            original.lastModified() >= session.savedAt) {
            discard(session); // the document was saved after this autosave: nothing to recover
            continue;
        }
        found.push_back(session);
    }
    std::sort(found.begin(), found.end(),
              [](const RecoverableSession& a, const RecoverableSession& b) { return a.savedAt > b.savedAt; });
    return found;
}

Assessment RecoveryStore::restore(const RecoverableSession& session) {
    return loadAssessment(session.recoveryFile.toStdString());
}

void RecoveryStore::discard(const RecoverableSession& session) {
    QFile::remove(session.recoveryFile);
    QFile::remove(session.infoFile);
    QFile::remove(session.lockFile);
}

Autosaver::Autosaver(AssessmentDocument* document, const QString& directory, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
    , m_periodic(new QTimer(this))
    , m_afterEdit(new QTimer(this)) {
    QDir().mkpath(directory);
    m_base = QDir(directory).filePath(QStringLiteral("session-") +
                                      QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_lock = std::make_unique<QLockFile>(m_base + kLockSuffix);
    m_lock->setStaleLockTime(0); // only a dead process makes it stale, never its age
    m_lock->tryLock(0);
    m_periodic->setInterval(std::max(intervalMs, 50));
    m_afterEdit->setSingleShot(true);
    m_afterEdit->setInterval(std::clamp(intervalMs, 50, kMaxAfterEditMs));
    connect(m_periodic, &QTimer::timeout, this, &Autosaver::autosaveNow);
    connect(m_afterEdit, &QTimer::timeout, this, &Autosaver::autosaveNow);
    connect(document, &AssessmentDocument::changed, this, &Autosaver::onChanged);
    connect(document, &AssessmentDocument::dirtyChanged, this, [this](bool dirty) {
        if (!dirty)
            clear();
    });
    m_periodic->start();
}

Autosaver::~Autosaver() {
    clear();
}

QString Autosaver::recoveryFile() const {
    return m_base + kRecoverySuffix;
}

void Autosaver::onChanged() {
    if (m_document->isDirty())
        m_afterEdit->start();
}

bool Autosaver::autosaveNow() {
    if (!m_document->isDirty() || (m_hasFile && m_savedRevision == m_document->revision()))
        return false;
    try {
        saveAssessment(recoveryFile().toStdString(), m_document->assessment());
        QSaveFile info(m_base + kInfoSuffix);
        const QJsonObject json{
            {QStringLiteral("originalPath"), m_document->filePath()},
            {QStringLiteral("title"), QString::fromStdString(m_document->assessment().metadata.title)},
            {QStringLiteral("savedAt"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs)},
            {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
        if (!info.open(QIODevice::WriteOnly) || info.write(QJsonDocument(json).toJson()) < 0 ||
            !info.commit())
            throw std::runtime_error(info.errorString().toStdString());
    } catch (const std::exception& error) {
        Q_EMIT failed(tr("Autosave failed: %1").arg(QString::fromStdString(error.what())));
        return false;
    }
    m_savedRevision = m_document->revision();
    m_hasFile = true;
    Q_EMIT autosaved(recoveryFile());
    return true;
}

void Autosaver::clear() {
    QFile::remove(recoveryFile());
    QFile::remove(m_base + kInfoSuffix);
    m_hasFile = false;
}

} // namespace capeq::gui
