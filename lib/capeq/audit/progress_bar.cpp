// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/progress_bar.hpp>

#include <string>

namespace capeq::audit {

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::size_t total)
    : m_out(out)
    , m_enabled(enabled && total > 0)
    , m_total(total) {}

void ProgressBar::update(std::size_t done) {
    if (!m_enabled)
        return;
    const std::size_t width = 40;
    const std::size_t filled = done * width / m_total;
    if (filled == m_lastFilled && done != m_total && done % 50 != 0)
        return;
    m_lastFilled = filled;
    m_out << "\rAuditing [" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << done
          << "/" << m_total << std::flush;
}

void ProgressBar::finish() {
    if (m_enabled)
        m_out << '\n';
}

} // namespace capeq::audit
