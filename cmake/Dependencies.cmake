# SPDX-License-Identifier: Apache-2.0
# Every external dependency, found once. All come from Debian packages (scripts/install-deps).
find_package(SQLite3 REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(Boost 1.74 REQUIRED COMPONENTS serialization)
find_package(CLI11 REQUIRED)              # libcli11-dev: subcommand parsing for capeq
find_package(nlohmann_json 3.10 REQUIRED) # nlohmann-json3-dev: JSON output and run records
find_package(Threads REQUIRED)
find_package(PostgreSQL REQUIRED)     # libpq-dev: capeq compute --engine postgresql:// (docs/SCALE.md)
if(CAPEQ_BUILD_GUI)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts PrintSupport)
endif()
if(CAPEQ_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
