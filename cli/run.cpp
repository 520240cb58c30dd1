// SPDX-License-Identifier: Apache-2.0
#include <cli/run.hpp>

#include <cli/command.hpp>

#include <capeq/core/diagnostic.hpp>

#include <CLI/CLI.hpp>

#include <iostream>
#include <unistd.h>

namespace capeq::cli {

int run(int argc, char** argv) {
    CommandContext context{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1, 0};
    CLI::App app{"capeq: assess how fairly public services treat the people they serve, across ten life "
                 "domains, for every group.\nVersion " CAPEQ_VERSION ", method " CAPEQ_METHOD_VERSION ".",
                 "capeq"};
    app.require_subcommand(1);
    app.set_version_flag("--version", CAPEQ_VERSION);
    app.set_help_all_flag("--help-all", "Show help for every subcommand");

    addCatalogueCommand(app, context);
    addValidateCommand(app, context);
    addImportCommand(app, context);
    addMeasuresCommand(app, context);
    addScoreCommand(app, context);
    addComputeCommand(app, context);
    addExportCommand(app, context);
    addAuditCommand(app, context);

    // `capeq help CMD` is the same as `capeq CMD --help`.
    auto* help = app.add_subcommand("help", "Show help for a subcommand: capeq help <command>");
    std::string helpTopic;
    help->add_option("command", helpTopic, "Subcommand to explain");
    help->callback([&] {
        if (helpTopic.empty()) {
            context.out << app.help();
            return;
        }
        try {
            context.out << app.get_subcommand(helpTopic)->help();
        } catch (const CLI::OptionNotFound&) {
            context.err << "capeq: no subcommand '" << helpTopic << "' (see capeq --help)\n";
            context.exitCode = kExitBadInput;
        }
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error, context.out, context.err);
        return code == 0 ? kExitOk : kExitBadInput;
    } catch (const InputError& error) {
        for (const Diagnostic& diagnostic : error.diagnostics())
            context.err << formatDiagnostic(diagnostic) << '\n';
        return kExitBadInput;
    } catch (const std::exception& error) {
        context.err << "capeq: " << error.what() << '\n';
        return kExitBadInput;
    }
    return context.exitCode;
}

} // namespace capeq::cli
