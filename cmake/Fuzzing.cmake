# SPDX-License-Identifier: Apache-2.0
# CAPEQ_BUILD_FUZZERS: libFuzzer binaries under fuzz/ (clang only). Every CapEq target is compiled with
# coverage instrumentation so the fuzzers see inside the core; combine with CAPEQ_ENABLE_SANITIZERS (the
# `fuzz` preset does) so memory errors and undefined behaviour stop a run.
if(CAPEQ_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CAPEQ_BUILD_FUZZERS needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++ or use the fuzz preset")
  endif()
  target_compile_options(capeq_compiler_settings INTERFACE -fsanitize=fuzzer-no-link)
  target_link_options(capeq_compiler_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
