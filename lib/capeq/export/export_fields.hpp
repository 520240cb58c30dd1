// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace capeq {

/// One column of an exported table, as a Frictionless Table Schema field: name, type ("string",
/// "number") and a description a researcher can rely on.
struct ExportField {
    std::string name;
    std::string type;
    std::string description;
};

/// The columns of the tidy CSV (and the keys of each JSON row), in file order.
const std::vector<ExportField>& tidyFields();

/// The columns of the SDMX-CSV export, in file order.
const std::vector<ExportField>& sdmxFields();

/// The tidy columns that identify a row (the Table Schema primaryKey).
const std::vector<std::string>& tidyPrimaryKey();

/// The SDMX structure the SDMX-CSV export declares: agency, dataflow id and version.
inline constexpr const char* kSdmxStructureId = "CAPEQ:DF_CAPABILITY_EQUALITY(1.0)";

} // namespace capeq
