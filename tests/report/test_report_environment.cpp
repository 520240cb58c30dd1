// SPDX-License-Identifier: Apache-2.0
// The one QApplication of the report test executable, made through OffscreenGui exactly as the command-line
// tools make theirs. gtest_main owns main(), so it lives in a global test environment, torn down before
// static destructors run.
#include <gtest/gtest.h>
#include <memory>
#include <report/service_report.hpp>

namespace {

class OffscreenGuiEnvironment : public ::testing::Environment {
public:
    void SetUp() override { m_gui = std::make_unique<capeq::report::OffscreenGui>(); }
    void TearDown() override { m_gui.reset(); }

private:
    std::unique_ptr<capeq::report::OffscreenGui> m_gui;
};

// gtest takes ownership of the environment and runs it around all tests.
[[maybe_unused]] const ::testing::Environment* const kGuiEnvironment =
    ::testing::AddGlobalTestEnvironment(new OffscreenGuiEnvironment);

} // namespace
