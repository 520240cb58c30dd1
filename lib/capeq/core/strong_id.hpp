// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <functional>
#include <string>
#include <string_view>

namespace capeq {

/// A string identifier that cannot be mixed up with another kind of identifier (an indicator id is not a
/// group code). Cheap to copy for short ids; compares and hashes like its string.
template <typename Tag>
class StrongId {
public:
    StrongId() = default;
    explicit StrongId(std::string value)
        : m_value(std::move(value)) {}
    const std::string& str() const noexcept { return m_value; }
    bool empty() const noexcept { return m_value.empty(); }
    friend auto operator<=>(const StrongId&, const StrongId&) = default;
    friend bool operator==(const StrongId&, const StrongId&) = default;

private:
    std::string m_value;
};

using IndicatorId = StrongId<struct IndicatorIdTag>;
using DomainId = StrongId<struct DomainIdTag>;
using DimensionId = StrongId<struct DimensionIdTag>;
using CharacteristicId = StrongId<struct CharacteristicIdTag>;
using GroupCode = StrongId<struct GroupCodeTag>;
using ServiceId = StrongId<struct ServiceIdTag>;
using AreaCode = StrongId<struct AreaCodeTag>;

} // namespace capeq

template <typename Tag>
struct std::hash<capeq::StrongId<Tag>> {
    std::size_t operator()(const capeq::StrongId<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
