// SPDX-License-Identifier: Apache-2.0
#include <cli/command.hpp>

#include <CLI/CLI.hpp>

#include <ostream>

namespace capeq::cli {

// Placeholder registration, replaced by the real command.
void addMeasuresCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("measures", "(not yet available)");
    command->callback([&context] {
        context.err << "capeq measures: not yet available\n";
        context.exitCode = 2;
    });
}

} // namespace capeq::cli
