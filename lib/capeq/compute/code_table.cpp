// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/code_table.hpp>

#include <stdexcept>

namespace capeq::compute {

CodeTable::CodeTable(bool identity)
    : m_identity(identity)
    , m_slots(64, 0)
    , m_mask(63) {}

std::uint16_t CodeTable::addGroup(const std::string& code) {
    if (m_groups.size() >= kMaxGroups)
        throw std::length_error("more than 65534 groups in one characteristic");
    m_groups.push_back(code);
    return static_cast<std::uint16_t>(m_groups.size() - 1);
}

void CodeTable::addSource(std::string_view source, std::uint16_t code) {
    insertEntry({std::string(source), hashOf(source), code, kNotUnmapped});
}

std::uint16_t CodeTable::insertNew(std::string_view value, std::uint64_t hash, std::uint64_t line) {
    Entry entry{std::string(value), hash, kNoGroup, kNotUnmapped};
    if (m_identity) {
        entry.code = addGroup(entry.text);
    } else {
        entry.unmapped = static_cast<std::uint32_t>(m_unmapped.size());
        m_unmapped.push_back({entry.text, 1, line});
    }
    const std::uint16_t code = entry.code;
    insertEntry(std::move(entry));
    return code;
}

void CodeTable::insertEntry(Entry entry) {
    // Keep the table at most half full so probes stay short.
    if ((m_entries.size() + 1) * 2 > m_slots.size()) {
        m_slots.assign(m_slots.size() * 2, 0);
        m_mask = m_slots.size() - 1;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            std::size_t slot = m_entries[i].hash & m_mask;
            while (m_slots[slot] != 0)
                slot = (slot + 1) & m_mask;
            m_slots[slot] = static_cast<std::uint32_t>(i + 1);
        }
    }
    std::size_t slot = entry.hash & m_mask;
    while (m_slots[slot] != 0) {
        if (m_entries[m_slots[slot] - 1].text == entry.text)
            return; // already known: the first mapping stands
        slot = (slot + 1) & m_mask;
    }
    m_entries.push_back(std::move(entry));
    m_slots[slot] = static_cast<std::uint32_t>(m_entries.size());
}

} // namespace capeq::compute
