# SPDX-License-Identifier: Apache-2.0
# `format` rewrites sources with clang-format; `format-check` fails when any file would change.
find_program(CLANG_FORMAT_EXE NAMES clang-format clang-format-14)
if(CLANG_FORMAT_EXE)
  file(GLOB_RECURSE _capeq_format_sources CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/lib/*.cpp ${CMAKE_SOURCE_DIR}/lib/*.hpp
    ${CMAKE_SOURCE_DIR}/cli/*.cpp ${CMAKE_SOURCE_DIR}/cli/*.hpp
    ${CMAKE_SOURCE_DIR}/gui/*.cpp ${CMAKE_SOURCE_DIR}/gui/*.hpp
    ${CMAKE_SOURCE_DIR}/tests/*.cpp ${CMAKE_SOURCE_DIR}/tests/*.hpp)
  add_custom_target(format COMMAND ${CLANG_FORMAT_EXE} -i ${_capeq_format_sources} COMMENT "clang-format")
  add_custom_target(format-check COMMAND ${CLANG_FORMAT_EXE} --dry-run --Werror ${_capeq_format_sources}
    COMMENT "Checking formatting")
endif()
