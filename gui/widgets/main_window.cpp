// SPDX-License-Identifier: Apache-2.0
#include <gui/widgets/main_window.hpp>

namespace capeq::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("CapEq Studio"));
}

} // namespace capeq::gui
