// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <iosfwd>

namespace CLI {
class App;
}

namespace capeq::cli {

/// What every subcommand gets: where to print, and where to record its exit code.
struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    bool outIsTerminal = false;
    bool errIsTerminal = false;
    int exitCode = 0;
};

/// Each subcommand adds itself to the app; its callback runs the command and sets context.exitCode.
/// An InputError escaping a callback is printed by run() with every diagnostic and exit code 2.
void addCatalogueCommand(CLI::App& app, CommandContext& context);
void addValidateCommand(CLI::App& app, CommandContext& context);
void addImportCommand(CLI::App& app, CommandContext& context);
void addMeasuresCommand(CLI::App& app, CommandContext& context);
void addScoreCommand(CLI::App& app, CommandContext& context);
void addComputeCommand(CLI::App& app, CommandContext& context);
void addExportCommand(CLI::App& app, CommandContext& context);
void addAuditCommand(CLI::App& app, CommandContext& context);

} // namespace capeq::cli
