// SPDX-License-Identifier: Apache-2.0
// The one QApplication of the GUI test executable. gtest_main owns main(), so the application lives in a
// global test environment: created before the first test and destroyed in TearDown, before static
// destructors run. (A function-local static QApplication would be destroyed after Qt's own global
// statics, such as the input-device list, and crash at exit.)
#include <QApplication>
#include <QStandardPaths>

#include <array>
#include <gtest/gtest.h>
#include <memory>

namespace {

class QtApplicationEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        // Offscreen unless the caller chose a platform, so the tests run without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Keeps QSettings (window geometry) out of the user's real configuration.
        QStandardPaths::setTestModeEnabled(true);
        m_application = std::make_unique<QApplication>(m_argc, m_argv.data());
        QApplication::setOrganizationName(QStringLiteral("CapEqTest"));
        QApplication::setApplicationName(QStringLiteral("capeq_test_gui"));
    }
    void TearDown() override { m_application.reset(); }

private:
    // QApplication keeps references to argc and argv for its whole life.
    char m_name[16] = "capeq_test_gui";
    std::array<char*, 2> m_argv = {m_name, nullptr};
    int m_argc = 1;
    std::unique_ptr<QApplication> m_application;
};

// gtest takes ownership of the environment and runs it around all tests.
[[maybe_unused]] const ::testing::Environment* const kQtEnvironment =
    ::testing::AddGlobalTestEnvironment(new QtApplicationEnvironment);

} // namespace
