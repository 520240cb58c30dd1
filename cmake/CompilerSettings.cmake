# SPDX-License-Identifier: Apache-2.0
# Warnings and standard flags as an INTERFACE target every CapEq target links.
add_library(capeq_compiler_settings INTERFACE)
target_compile_features(capeq_compiler_settings INTERFACE cxx_std_20)
target_compile_options(capeq_compiler_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough
  # GCC 12 reports false -Wrestrict overlaps inside inlined std::string code at -O2 (GCC bug 105651).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${CAPEQ_WARNINGS_AS_ERRORS}>:-Werror>)
