// SPDX-License-Identifier: Apache-2.0
// The libFuzzer entry point, compiled once per target with CAPEQ_FUZZ_TARGET naming it.
#include "fuzz_targets.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const capeq::fuzz::FuzzTarget* const target = capeq::fuzz::findFuzzTarget(CAPEQ_FUZZ_TARGET);
    if (target == nullptr) {
        std::fprintf(stderr, "no fuzz target called %s\n", CAPEQ_FUZZ_TARGET);
        std::abort();
    }
    target->run({reinterpret_cast<const char*>(data), size});
    return 0;
}
