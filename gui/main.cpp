// SPDX-License-Identifier: Apache-2.0
#include <gui/widgets/main_window.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CapEq"));
    QApplication::setApplicationName(QStringLiteral("capeq-studio"));
    QApplication::setApplicationVersion(QStringLiteral(CAPEQ_VERSION));
    capeq::gui::MainWindow window;
    window.show();
    return QApplication::exec();
}
