// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>

#include <cstddef>

namespace capeq::report {

/// The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008), in the order series are coloured.
/// Charts pair each colour with a marker shape or label so colour is never the only cue.
QColor seriesColour(std::size_t index);

/// Colours of the significance classes: better (blue), similar (light grey), worse (orange/vermillion),
/// not compared (white). Blue/orange rather than green/red so red-green colour blindness loses nothing.
QColor significanceColour(int significanceClass);

} // namespace capeq::report
