// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QComboBox;
class QListWidget;
class QPushButton;

namespace capeq::gui {

/// The first page: recent assessments, a new one from a template, an existing file, or the sample.
/// Every choice is a button or list row reachable with Tab and Return.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    void setRecentFiles(const QStringList& paths);
    QListWidget* recentList() const { return m_recent; }

Q_SIGNALS:
    /// templateIndex is an index of assessmentTemplates().
    void newRequested(int templateIndex);
    void openRequested();
    void sampleRequested();
    void recentRequested(const QString& path);

private:
    QComboBox* m_template = nullptr;
    QListWidget* m_recent = nullptr;
};

} // namespace capeq::gui
