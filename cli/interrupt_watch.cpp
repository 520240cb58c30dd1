// SPDX-License-Identifier: Apache-2.0
#include <cli/interrupt_watch.hpp>
#include <pthread.h>
#include <time.h>

namespace capeq::cli {

InterruptWatch::InterruptWatch() {
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    m_thread = std::thread([this] {
        // A timed wait, so the destructor can stop the thread without sending a signal of its own.
        const timespec tick{0, 50'000'000};
        while (!m_stop.load()) {
            siginfo_t info{};
            const int signal = sigtimedwait(&m_signals, &info, &tick);
            if (signal != SIGINT && signal != SIGTERM)
                continue;
            m_interrupted.store(true);
            const std::lock_guard lock(m_mutex);
            if (m_callback)
                m_callback();
        }
    });
}

InterruptWatch::~InterruptWatch() {
    m_stop.store(true);
    m_thread.join();
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

void InterruptWatch::onInterrupt(std::function<void()> callback) {
    const std::lock_guard lock(m_mutex);
    m_callback = std::move(callback);
}

} // namespace capeq::cli
