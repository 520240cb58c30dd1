// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QApplication>
#include <QStandardPaths>

namespace capeq::test {

/// The one QApplication of the GUI test executable, created on first use. gtest_main owns main(), so
/// the application is a function-local static; argc/argv must outlive it, hence static too. Offscreen
/// unless the caller chose a platform, so the tests run on machines without a display.
inline QApplication& guiTestApplication() {
    static int argc = 1;
    static char name[] = "capeq_test_gui";
    static char* argv[] = {name, nullptr};
    static const bool prepared = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Keeps QSettings (window geometry) out of the user's real configuration.
        QStandardPaths::setTestModeEnabled(true);
        return true;
    }();
    static QApplication application(argc, argv);
    if (prepared && QApplication::applicationName() != QStringLiteral("capeq_test_gui")) {
        QApplication::setOrganizationName(QStringLiteral("CapEqTest"));
        QApplication::setApplicationName(QStringLiteral("capeq_test_gui"));
    }
    return application;
}

} // namespace capeq::test
