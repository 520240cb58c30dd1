// SPDX-License-Identifier: Apache-2.0
#include <capeq/io/csv_writer.hpp>

#include <ostream>

namespace capeq {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i > 0 ? "," : "") << csvField(fields[i]);
    out << '\n';
}

} // namespace capeq
