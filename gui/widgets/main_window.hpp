// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <filesystem>

class QLabel;

namespace capeq::gui {

class CatalogueBrowser;

/// The studio's main window: the catalogue browser in the middle, menus, and a status bar saying what
/// is loaded. Geometry and layout persist between sessions through QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Loads the catalogue from directory into the browser. When it cannot be loaded, shows a message box
    /// listing every diagnostic (window-modal, not blocking the caller), keeps the window usable and
    /// returns false.
    bool loadCatalogue(const std::filesystem::path& directory);

    CatalogueBrowser* catalogueBrowser() const { return m_browser; }
    /// The status bar's permanent text, e.g. "84 indicators loaded from ...".
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void restoreWindowState();
    void saveWindowState() const;
    void showAbout();
    void showLoadError(const QString& directory, const QStringList& problems);

    CatalogueBrowser* m_browser = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace capeq::gui
