# SPDX-License-Identifier: Apache-2.0
# ASan + UBSan for every CapEq target when CAPEQ_ENABLE_SANITIZERS is on.
add_library(capeq_sanitizers INTERFACE)
if(CAPEQ_ENABLE_SANITIZERS)
  set(_capeq_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(capeq_sanitizers INTERFACE ${_capeq_san})
  target_link_options(capeq_sanitizers INTERFACE ${_capeq_san})
endif()
target_link_libraries(capeq_compiler_settings INTERFACE capeq_sanitizers)
