// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>

#include <QObject>
#include <QString>

#include <cstddef>
#include <functional>
#include <vector>

class QUndoStack;

namespace capeq::gui {

/// The lists of an assessment that views show row by row.
enum class DocumentList { Evidence, Findings, Mitigations, Actions };

/// The open `.capeq` assessment: owns the capeq::Assessment and a QUndoStack. Every change goes through
/// one of the edit functions below, each pushing one undoable command, so undo/redo and the dirty flag
/// cover every kind of edit. Views never change the assessment directly; they listen to the signals.
/// Lives in the GUI thread; not thread-safe (workers get copies).
class AssessmentDocument : public QObject {
    Q_OBJECT
public:
    explicit AssessmentDocument(QObject* parent = nullptr);
    ~AssessmentDocument() override;

    const Assessment& assessment() const { return m_assessment; }
    QUndoStack* undoStack() const { return m_undo; }

    /// The file this document was opened from or last saved to; empty for a new one.
    QString filePath() const { return m_filePath; }
    /// The file name, or "Untitled assessment".
    QString displayName() const;
    /// True when there are changes that are not in filePath() (or there is no file yet and anything was
    /// entered, or the document was restored from an autosave).
    bool isDirty() const;
    /// Counts every change, including undo and redo; autosave compares it to decide whether to write.
    quint64 revision() const { return m_revision; }

    // Whole-document operations: they are not undoable and clear the undo history.
    /// Starts a new document; `initial` is what the wizard filled in. It counts as unsaved.
    void reset(Assessment initial, QString filePath = {}, bool dirty = false);
    /// Opens a `.capeq` file; throws InputError (the document is unchanged then).
    void load(const QString& path);
    /// Saves atomically to path and makes it the document's file; throws std::exception on failure.
    void save(const QString& path);

    // Undoable edits. Indices must be valid; out-of-range indices are ignored.
    void setMetadata(const AssessmentMetadata& metadata);
    void setScope(const AssessmentScope& scope);
    void setWeights(const WeightProfile& weights);
    void setNotes(const std::string& notes);
    /// Replaces every evidence row (an import); text names the command in the Edit menu.
    void replaceEvidence(std::vector<EvidenceRow> rows, const QString& text);
    void setEvidenceRow(std::size_t index, const EvidenceRow& row);
    void insertEvidenceRow(std::size_t index, const EvidenceRow& row);
    void removeEvidenceRows(std::size_t first, std::size_t count);
    void setFinding(std::size_t index, const Finding& finding);
    /// Replaces all findings at once (e.g. applying suggestions), as one undo step.
    void replaceFindings(std::vector<Finding> findings, const QString& text);
    void insertMitigation(std::size_t index, const Mitigation& mitigation);
    void setMitigation(std::size_t index, const Mitigation& mitigation);
    void removeMitigation(std::size_t index);
    void insertAction(std::size_t index, const Action& action);
    void setAction(std::size_t index, const Action& action);
    void removeAction(std::size_t index);

Q_SIGNALS:
    /// Anything changed (after every edit, undo, redo, reset or load).
    void changed();
    void metadataChanged();
    void scopeChanged();
    void weightsChanged();
    void notesChanged();
    /// Rows first..last of a list now hold new values.
    void rowsChanged(capeq::gui::DocumentList list, int first, int last);
    void rowsInserted(capeq::gui::DocumentList list, int first, int count);
    void rowsRemoved(capeq::gui::DocumentList list, int first, int count);
    /// A whole list (or, after reset/load, every list) was replaced.
    void listReset(capeq::gui::DocumentList list);
    void dirtyChanged(bool dirty);
    void filePathChanged(const QString& path);

private:
    /// Pushes a command whose redo and undo are the given functions (redo runs at once).
    void push(const QString& text, std::function<void()> redo, std::function<void()> undo);
    void touch();
    void emitAllReset();
    void updateDirty();
    template <typename T>
    void setRow(DocumentList which, std::size_t index, const T& value, const QString& text);
    template <typename T>
    void insertRow(DocumentList which, std::size_t index, const T& value, const QString& text);
    template <typename T>
    void removeRows(DocumentList which, std::size_t first, std::size_t count, const QString& text);

    Assessment m_assessment;
    QUndoStack* m_undo = nullptr;
    QString m_filePath;
    bool m_forcedDirty = false; ///< restored or new-from-wizard content that is in no file yet
    bool m_lastDirty = false;
    quint64 m_revision = 0;
};

} // namespace capeq::gui
