// SPDX-License-Identifier: Apache-2.0
#include <cli/command.hpp>

#include <CLI/CLI.hpp>

#include <ostream>

namespace capeq::cli {

// Placeholder registration, replaced by the real command.
void addValidateCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("validate", "(not yet available)");
    command->callback([&context] {
        context.err << "capeq validate: not yet available\n";
        context.exitCode = 2;
    });
}

} // namespace capeq::cli
