// SPDX-License-Identifier: Apache-2.0
#include <capeq/store/timestamp.hpp>

#include <array>
#include <ctime>

namespace capeq {

std::string utcTimestampNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc); // the reentrant form: std::gmtime shares a static buffer between threads
    std::array<char, 32> text{};
    const std::size_t size = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text.data(), size);
}

} // namespace capeq
