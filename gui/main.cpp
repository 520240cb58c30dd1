// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/paths.hpp>

#include <QApplication>

#include <gui/widgets/main_window.hpp>

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CapEq"));
    QApplication::setApplicationName(QStringLiteral("capeq-studio"));
    QApplication::setApplicationVersion(QStringLiteral(CAPEQ_VERSION));
    capeq::gui::MainWindow window;
    window.show();
    // Loaded after show() so that a load error appears over the window rather than before it.
    window.loadCatalogue(capeq::defaultCatalogueDirectory());
    return QApplication::exec();
}
