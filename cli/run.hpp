// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace capeq::cli {

/// Exit codes of SPEC section 7.
enum ExitCode : int { kExitOk = 0, kExitRuleBreached = 1, kExitBadInput = 2 };

/// Runs the `capeq` command line; returns the process exit code.
int run(int argc, char** argv);

} // namespace capeq::cli
