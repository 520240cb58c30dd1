// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capeq::compute {

/// Interns the text values of one characteristic column to small group codes, without allocating on a
/// hit. Known values map to their group; an unknown value is either given a new group (identity
/// characteristics) or recorded as unmapped, counted, and mapped to kNoGroup.
class CodeTable {
public:
    static constexpr std::uint16_t kNoGroup = 0xFFFF; ///< row is outside this characteristic's breakdown
    static constexpr std::size_t kMaxGroups = 0xFFFE;

    /// Values first seen where, for the "unmapped" warnings.
    struct Unmapped {
        std::string value;
        std::uint64_t count = 0;
        std::uint64_t firstLine = 0; ///< as passed to lookup()
    };

    /// identity: every new value becomes a group; otherwise only values added with addSource() are known.
    explicit CodeTable(bool identity);

    /// Declares a group (returns its code); codes are given in call order.
    std::uint16_t addGroup(const std::string& code);
    /// Maps source text to an already declared group code, or to kNoGroup (a missing-value code).
    void addSource(std::string_view source, std::uint16_t code);

    /// The code of value; line only matters when the value is new. Throws std::length_error when an
    /// identity characteristic would get more than kMaxGroups groups.
    std::uint16_t lookup(std::string_view value, std::uint64_t line) {
        const std::uint64_t hash = hashOf(value);
        std::size_t slot = hash & m_mask;
        while (true) {
            const std::uint32_t index = m_slots[slot];
            if (index == 0)
                return insertNew(value, hash, line);
            const Entry& entry = m_entries[index - 1];
            if (entry.hash == hash && std::string_view(entry.text) == value) {
                if (entry.unmapped != kNotUnmapped)
                    ++m_unmapped[entry.unmapped].count;
                return entry.code;
            }
            slot = (slot + 1) & m_mask;
        }
    }

    /// Group codes' text, indexed by code.
    const std::vector<std::string>& groups() const noexcept { return m_groups; }
    const std::vector<Unmapped>& unmapped() const noexcept { return m_unmapped; }

private:
    static constexpr std::uint32_t kNotUnmapped = 0xFFFFFFFF;
    struct Entry {
        std::string text;
        std::uint64_t hash = 0;
        std::uint16_t code = kNoGroup;
        std::uint32_t unmapped = kNotUnmapped;
    };

    static std::uint64_t hashOf(std::string_view value) noexcept {
        std::uint64_t hash = 0xcbf29ce484222325ULL; // FNV-1a: values are short, so this is cheap enough
        for (const char c : value)
            hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        return hash;
    }
    std::uint16_t insertNew(std::string_view value, std::uint64_t hash, std::uint64_t line);
    void insertEntry(Entry entry);

    bool m_identity;
    std::vector<std::uint32_t> m_slots; ///< 0 = empty, else entry index + 1
    std::size_t m_mask = 0;
    std::vector<Entry> m_entries;
    std::vector<std::string> m_groups;
    std::vector<Unmapped> m_unmapped;
};

} // namespace capeq::compute
