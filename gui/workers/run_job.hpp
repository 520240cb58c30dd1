// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>
#include <utility>

namespace capeq::gui {

/// Runs work() on a new thread and calls done(result) in owner's thread when it has finished. The
/// thread is a child of owner; an owner must wait for its running jobs in its destructor (see
/// waitForJobs). work must not touch GUI objects: it gets copies of plain data and returns a value.
template <typename Result, typename Work, typename Done>
QThread* runJob(QObject* owner, Work work, Done done) {
    auto result = std::make_shared<std::optional<Result>>();
    QThread* thread =
        QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
    thread->setParent(owner);
    QObject::connect(thread, &QThread::finished, owner, [thread, result, done = std::move(done)]() mutable {
        thread->deleteLater();
        if (*result)
            done(std::move(**result));
    });
    thread->start();
    return thread;
}

/// Blocks until every job thread owned by owner has finished (jobs are short; used on destruction).
inline void waitForJobs(QObject* owner) {
    for (QThread* thread : owner->findChildren<QThread*>(Qt::FindDirectChildrenOnly))
        thread->wait();
}

} // namespace capeq::gui
