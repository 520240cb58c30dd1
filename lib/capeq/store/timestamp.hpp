// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace capeq {

/// The current time as ISO 8601 UTC to the second, e.g. "2024-05-01T09:30:00Z": the form the store
/// writes everywhere, so that text order is time order.
std::string utcTimestampNow();

} // namespace capeq
