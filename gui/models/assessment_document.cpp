// SPDX-License-Identifier: Apache-2.0
#include <capeq/assessment/assessment_file.hpp>

#include <QDateTime>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

#include <gui/models/assessment_document.hpp>
#include <utility>

namespace capeq::gui {

namespace {

/// A command made of two functions; the document builds one per edit so every edit kind is undoable
/// without a class per kind.
class FunctionCommand : public QUndoCommand {
public:
    FunctionCommand(const QString& text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo)) {}
    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
};

std::vector<EvidenceRow>& rows(Assessment& a, const EvidenceRow*) {
    return a.evidence;
}
std::vector<Finding>& rows(Assessment& a, const Finding*) {
    return a.findings;
}
std::vector<Mitigation>& rows(Assessment& a, const Mitigation*) {
    return a.mitigations;
}
std::vector<Action>& rows(Assessment& a, const Action*) {
    return a.actions;
}

std::string nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

} // namespace

AssessmentDocument::AssessmentDocument(QObject* parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this)) {
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { updateDirty(); });
}

AssessmentDocument::~AssessmentDocument() = default;

QString AssessmentDocument::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled assessment") : QFileInfo(m_filePath).fileName();
}

bool AssessmentDocument::isDirty() const {
    return m_forcedDirty || !m_undo->isClean();
}

void AssessmentDocument::reset(Assessment initial, QString filePath, bool dirty) {
    m_undo->clear();
    m_assessment = std::move(initial);
    m_forcedDirty = dirty;
    if (m_filePath != filePath) {
        m_filePath = std::move(filePath);
        Q_EMIT filePathChanged(m_filePath);
    }
    emitAllReset();
    updateDirty();
}

void AssessmentDocument::load(const QString& path) {
    Assessment loaded = loadAssessment(path.toStdString()); // throws before anything changes
    reset(std::move(loaded), path, false);
}

void AssessmentDocument::save(const QString& path) {
    Assessment toSave = m_assessment;
    if (toSave.metadata.created.empty())
        toSave.metadata.created = nowIso();
    toSave.metadata.modified = nowIso();
    saveAssessment(path.toStdString(), toSave); // throws; the document stays dirty then
    m_assessment.metadata.created = toSave.metadata.created;
    m_assessment.metadata.modified = toSave.metadata.modified;
    m_forcedDirty = false;
    m_undo->setClean();
    if (m_filePath != path) {
        m_filePath = path;
        Q_EMIT filePathChanged(m_filePath);
    }
    updateDirty();
}

void AssessmentDocument::push(const QString& text, std::function<void()> redo, std::function<void()> undo) {
    m_undo->push(new FunctionCommand(text, std::move(redo), std::move(undo)));
}

void AssessmentDocument::touch() {
    ++m_revision;
    Q_EMIT changed();
    updateDirty();
}

void AssessmentDocument::emitAllReset() {
    Q_EMIT metadataChanged();
    Q_EMIT scopeChanged();
    Q_EMIT weightsChanged();
    Q_EMIT notesChanged();
    for (DocumentList list :
         {DocumentList::Evidence, DocumentList::Findings, DocumentList::Mitigations, DocumentList::Actions})
        Q_EMIT listReset(list);
    touch();
}

void AssessmentDocument::updateDirty() {
    const bool dirty = isDirty();
    if (dirty != m_lastDirty) {
        m_lastDirty = dirty;
        Q_EMIT dirtyChanged(dirty);
    }
}

void AssessmentDocument::setMetadata(const AssessmentMetadata& metadata) {
    if (metadata == m_assessment.metadata)
        return;
    auto apply = [this](const AssessmentMetadata& value) {
        m_assessment.metadata = value;
        Q_EMIT metadataChanged();
        touch();
    };
    push(
        tr("Edit assessment details"), [apply, metadata] { apply(metadata); },
        [apply, old = m_assessment.metadata] { apply(old); });
}

void AssessmentDocument::setScope(const AssessmentScope& scope) {
    if (scope == m_assessment.scope)
        return;
    auto apply = [this](const AssessmentScope& value) {
        m_assessment.scope = value;
        Q_EMIT scopeChanged();
        touch();
    };
    push(
        tr("Change characteristics in scope"), [apply, scope] { apply(scope); },
        [apply, old = m_assessment.scope] { apply(old); });
}

void AssessmentDocument::setWeights(const WeightProfile& weights) {
    if (weights == m_assessment.weights)
        return;
    auto apply = [this](const WeightProfile& value) {
        m_assessment.weights = value;
        Q_EMIT weightsChanged();
        touch();
    };
    push(
        tr("Change weights"), [apply, weights] { apply(weights); },
        [apply, old = m_assessment.weights] { apply(old); });
}

void AssessmentDocument::setNotes(const std::string& notes) {
    if (notes == m_assessment.notes)
        return;
    auto apply = [this](const std::string& value) {
        m_assessment.notes = value;
        Q_EMIT notesChanged();
        touch();
    };
    push(
        tr("Edit notes"), [apply, notes] { apply(notes); },
        [apply, old = m_assessment.notes] { apply(old); });
}

void AssessmentDocument::replaceEvidence(std::vector<EvidenceRow> newRows, const QString& text) {
    auto apply = [this](const std::vector<EvidenceRow>& value) {
        m_assessment.evidence = value;
        Q_EMIT listReset(DocumentList::Evidence);
        touch();
    };
    push(
        text, [apply, value = std::move(newRows)] { apply(value); },
        [apply, old = m_assessment.evidence] { apply(old); });
}

template <typename T>
void AssessmentDocument::setRow(DocumentList which, std::size_t index, const T& value, const QString& text) {
    std::vector<T>& list = rows(m_assessment, static_cast<const T*>(nullptr));
    if (index >= list.size())
        return;
    auto apply = [this, which, index](const T& v) {
        rows(m_assessment, static_cast<const T*>(nullptr))[index] = v;
        Q_EMIT rowsChanged(which, static_cast<int>(index), static_cast<int>(index));
        touch();
    };
    push(
        text, [apply, value] { apply(value); }, [apply, old = list[index]] { apply(old); });
}

template <typename T>
void AssessmentDocument::insertRow(DocumentList which, std::size_t index, const T& value,
                                   const QString& text) {
    if (index > rows(m_assessment, static_cast<const T*>(nullptr)).size())
        return;
    auto insert = [this, which, index](const T& v) {
        auto& list = rows(m_assessment, static_cast<const T*>(nullptr));
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(index), v);
        Q_EMIT rowsInserted(which, static_cast<int>(index), 1);
        touch();
    };
    auto remove = [this, which, index] {
        auto& list = rows(m_assessment, static_cast<const T*>(nullptr));
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
        Q_EMIT rowsRemoved(which, static_cast<int>(index), 1);
        touch();
    };
    push(
        text, [insert, value] { insert(value); }, remove);
}

template <typename T>
void AssessmentDocument::removeRows(DocumentList which, std::size_t first, std::size_t count,
                                    const QString& text) {
    auto& list = rows(m_assessment, static_cast<const T*>(nullptr));
    if (count == 0 || first >= list.size() || count > list.size() - first)
        return;
    const auto begin = list.begin() + static_cast<std::ptrdiff_t>(first);
    std::vector<T> removed(begin, begin + static_cast<std::ptrdiff_t>(count));
    auto remove = [this, which, first, count] {
        auto& l = rows(m_assessment, static_cast<const T*>(nullptr));
        const auto from = l.begin() + static_cast<std::ptrdiff_t>(first);
        l.erase(from, from + static_cast<std::ptrdiff_t>(count));
        Q_EMIT rowsRemoved(which, static_cast<int>(first), static_cast<int>(count));
        touch();
    };
    auto restore = [this, which, first, removed] {
        auto& l = rows(m_assessment, static_cast<const T*>(nullptr));
        l.insert(l.begin() + static_cast<std::ptrdiff_t>(first), removed.begin(), removed.end());
        Q_EMIT rowsInserted(which, static_cast<int>(first), static_cast<int>(removed.size()));
        touch();
    };
    push(text, remove, restore);
}

void AssessmentDocument::setEvidenceRow(std::size_t index, const EvidenceRow& row) {
    setRow(DocumentList::Evidence, index, row, tr("Edit evidence"));
}
void AssessmentDocument::insertEvidenceRow(std::size_t index, const EvidenceRow& row) {
    insertRow(DocumentList::Evidence, index, row, tr("Add evidence row"));
}
void AssessmentDocument::removeEvidenceRows(std::size_t first, std::size_t count) {
    removeRows<EvidenceRow>(DocumentList::Evidence, first, count,
                            count == 1 ? tr("Delete evidence row")
                                       : tr("Delete %1 evidence rows").arg(count));
}
void AssessmentDocument::setFinding(std::size_t index, const Finding& finding) {
    setRow(DocumentList::Findings, index, finding, tr("Edit finding"));
}
void AssessmentDocument::replaceFindings(std::vector<Finding> findings, const QString& text) {
    auto apply = [this](const std::vector<Finding>& value) {
        m_assessment.findings = value;
        Q_EMIT listReset(DocumentList::Findings);
        touch();
    };
    push(
        text, [apply, value = std::move(findings)] { apply(value); },
        [apply, old = m_assessment.findings] { apply(old); });
}
void AssessmentDocument::insertMitigation(std::size_t index, const Mitigation& mitigation) {
    insertRow(DocumentList::Mitigations, index, mitigation, tr("Add mitigation"));
}
void AssessmentDocument::setMitigation(std::size_t index, const Mitigation& mitigation) {
    setRow(DocumentList::Mitigations, index, mitigation, tr("Edit mitigation"));
}
void AssessmentDocument::removeMitigation(std::size_t index) {
    removeRows<Mitigation>(DocumentList::Mitigations, index, 1, tr("Delete mitigation"));
}
void AssessmentDocument::insertAction(std::size_t index, const Action& action) {
    insertRow(DocumentList::Actions, index, action, tr("Add action"));
}
void AssessmentDocument::setAction(std::size_t index, const Action& action) {
    setRow(DocumentList::Actions, index, action, tr("Edit action"));
}
void AssessmentDocument::removeAction(std::size_t index) {
    removeRows<Action>(DocumentList::Actions, index, 1, tr("Delete action"));
}

} // namespace capeq::gui
