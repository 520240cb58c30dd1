// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <random>

namespace capeq::stats {

/// The seed used for every simulation and bootstrap unless the caller records another one.
inline constexpr std::uint64_t kDefaultSeed = 20240601;

/// A reproducible random source: std::mt19937_64 (its output sequence is fixed by the C++ standard) with
/// CapEq's own uniform and normal draws, because std::uniform_real_distribution and
/// std::normal_distribution are implementation-defined and would give different numbers per compiler.
class Rng {
public:
    explicit Rng(std::uint64_t seed = kDefaultSeed)
        : m_engine(seed) {}

    /// Uniform on the open interval (0, 1): the top 53 bits of one engine output, offset by half a step.
    double uniform();
    /// Standard normal by inversion of one uniform (normalQuantile), so one draw uses one engine output.
    double normal();
    /// Normal with this mean and standard deviation (sd >= 0).
    double normal(double mean, double sd) { return mean + sd * normal(); }
    /// Uniform integer in [0, n) for n >= 1 (floor of uniform() * n).
    std::size_t index(std::size_t n);

private:
    std::mt19937_64 m_engine;
};

} // namespace capeq::stats
