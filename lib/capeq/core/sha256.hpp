// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace capeq {

/// SHA-256 (FIPS 180-4), used to fingerprint input files so a store and every run record say exactly
/// which bytes they came from. Feed bytes with update() in any chunking, then call finish() once.
class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256() noexcept;
    /// Appends bytes to the message. Must not be called after finish().
    void update(std::string_view bytes) noexcept;
    /// Pads the message and returns its 32-byte digest. The object is spent afterwards.
    Digest finish() noexcept;

    /// The digest as 64 lower-case hexadecimal characters.
    static std::string toHex(const Digest& digest);

private:
    void compress(const std::uint8_t* block) noexcept;

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

/// Lower-case hex SHA-256 of bytes.
std::string sha256Hex(std::string_view bytes);

/// Lower-case hex SHA-256 of a file's bytes, read in chunks (memory independent of file size).
/// Throws InputError naming the file when it cannot be read.
std::string sha256FileHex(const std::filesystem::path& file);

} // namespace capeq
