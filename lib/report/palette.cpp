// SPDX-License-Identifier: Apache-2.0
#include <array>
#include <report/palette.hpp>

namespace capeq::report {

QColor seriesColour(std::size_t index) {
    static constexpr std::array<QRgb, 8> kOkabeIto = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                      0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
    return QColor::fromRgb(kOkabeIto[index % kOkabeIto.size()]);
}

QColor significanceColour(int significanceClass) {
    switch (significanceClass) {
    case -1:
        return QColor::fromRgb(0xD55E00); // worse
    case 0:
        return QColor::fromRgb(0xD9D9D9); // similar
    case 1:
        return QColor::fromRgb(0x0072B2); // better
    default:
        return QColor::fromRgb(0xFFFFFF); // not compared
    }
}

} // namespace capeq::report
