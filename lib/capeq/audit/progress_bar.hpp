// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <ostream>

namespace capeq::audit {

/// A one-line progress bar redrawn in place ("\r"), for a terminal only: disabled, it writes nothing, so
/// output piped to a file or another program stays clean.
class ProgressBar {
public:
    ProgressBar(std::ostream& out, bool enabled, std::size_t total);
    /// done of total finished; redraws only when the bar moves (or every 50 units), so it costs nothing.
    void update(std::size_t done);
    /// Ends the line the bar was drawn on.
    void finish();

private:
    std::ostream& m_out;
    bool m_enabled;
    std::size_t m_total;
    std::size_t m_lastFilled = static_cast<std::size_t>(-1);
};

} // namespace capeq::audit
