# SPDX-License-Identifier: Apache-2.0
# capeq_add_gtest(NAME SOURCES... [LIBS ...] [LABELS ...]): one GoogleTest executable, discovered by CTest.
include(CTest)
include(GoogleTest)
function(capeq_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE capeq_compiler_settings capeq_test_support ${ARG_LIBS}
                        GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
