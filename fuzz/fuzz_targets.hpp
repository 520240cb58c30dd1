// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace capeq::fuzz {

/// One fuzzed entry point. run() feeds bytes to the product code; capeq::InputError is a normal outcome
/// and is swallowed. Anything else (another exception, a failed self-check) escapes or aborts, which
/// libFuzzer and the regression replay both treat as a bug.
struct FuzzTarget {
    std::string_view name; ///< also the folder under fuzz/corpus/ and fuzz/regression/
    void (*run)(std::string_view bytes);
};

/// Every target, in a fixed order.
const std::vector<FuzzTarget>& fuzzTargets();

/// The target called name, or nullptr.
const FuzzTarget* findFuzzTarget(std::string_view name);

} // namespace capeq::fuzz
