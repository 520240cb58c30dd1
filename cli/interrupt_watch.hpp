// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <mutex>
#include <thread>

namespace capeq::cli {

/// Catches SIGINT and SIGTERM while it lives, without a signal handler or global state: it blocks both
/// signals in the creating thread (threads started later inherit the mask) and waits for them on a thread
/// of its own, which sets the flag and calls the callback. Create it before any worker thread. The
/// destructor restores the signal mask.
class InterruptWatch {
public:
    InterruptWatch();
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

    bool interrupted() const noexcept { return m_interrupted.load(); }
    /// Called (on the watch thread) when a signal arrives; pass {} to remove it before what it uses dies.
    void onInterrupt(std::function<void()> callback);

private:
    sigset_t m_signals{};
    sigset_t m_previous{};
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::function<void()> m_callback;
    std::thread m_thread;
};

} // namespace capeq::cli
