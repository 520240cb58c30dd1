// SPDX-License-Identifier: Apache-2.0
#include <capeq/core/diagnostic.hpp>
#include <capeq/core/sha256.hpp>

#include <gtest/gtest.h>
#include <string>
#include <support/test_support.hpp>

namespace capeq {
namespace {

// FIPS 180-4 / NIST CSRC example vectors for SHA-256.
TEST(Sha256, EmptyMessage) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Abc) {
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, FourHundredFortyEightBitMessage) {
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, EightHundredNinetySixBitMessage) {
    EXPECT_EQ(
        sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlm"
                  "nopqrsmnopqrstnopqrstu"),
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionAs) {
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the padding boundary (55/56 bytes leave no room for the length; 64 is one full block).
// Expected digests from Python's hashlib over bytes (7 * i + 3) mod 256.
std::string patternBytes(std::size_t n) {
    std::string bytes;
    for (std::size_t i = 0; i < n; ++i)
        bytes += static_cast<char>((i * 7 + 3) % 256);
    return bytes;
}

TEST(Sha256, PaddingBoundaries) {
    EXPECT_EQ(sha256Hex(patternBytes(55)),
              "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b");
    EXPECT_EQ(sha256Hex(patternBytes(56)),
              "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27");
    EXPECT_EQ(sha256Hex(patternBytes(63)),
              "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055");
    EXPECT_EQ(sha256Hex(patternBytes(64)),
              "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241");
    EXPECT_EQ(sha256Hex(patternBytes(65)),
              "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e");
    EXPECT_EQ(sha256Hex(patternBytes(119)),
              "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e");
    EXPECT_EQ(sha256Hex(patternBytes(120)),
              "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5");
}

TEST(Sha256, ChunkingDoesNotMatter) {
    const std::string message = patternBytes(300);
    for (const std::size_t chunk : {1U, 3U, 63U, 64U, 65U, 200U}) {
        Sha256 hash;
        for (std::size_t at = 0; at < message.size(); at += chunk)
            hash.update(std::string_view(message).substr(at, chunk));
        EXPECT_EQ(Sha256::toHex(hash.finish()), sha256Hex(message)) << "chunk " << chunk;
    }
}

class Sha256File : public test::TempDirTest {};

TEST_F(Sha256File, HashesFileBytes) {
    const auto file = tempDir() / "abc.bin";
    test::writeFile(file, "abc");
    EXPECT_EQ(sha256FileHex(file), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Sha256File, MissingFileIsAnInputError) {
    const auto file = tempDir() / "missing.csv";
    try {
        (void)sha256FileHex(file);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        ASSERT_EQ(error.diagnostics().size(), 1U);
        EXPECT_EQ(formatDiagnostic(error.diagnostics()[0]),
                  file.string() +
                      ": error: cannot open the file (fix: check that the path exists and is readable)");
    }
}

} // namespace
} // namespace capeq
