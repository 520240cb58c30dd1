// SPDX-License-Identifier: Apache-2.0
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/random.hpp>

#include <algorithm>

namespace capeq::stats {

double Rng::uniform() {
    // (k + 0.5) / 2^53 for k in [0, 2^53) never returns 0 or 1, so the normal inversion is always finite.
    const std::uint64_t bits = m_engine() >> 11;
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
}

double Rng::normal() {
    return normalQuantile(uniform());
}

std::size_t Rng::index(std::size_t n) {
    const auto k = static_cast<std::size_t>(uniform() * static_cast<double>(n));
    return std::min(k, n - 1);
}

} // namespace capeq::stats
