// SPDX-License-Identifier: Apache-2.0
#include <capeq/compute/compute_engine.hpp>
#include <capeq/compute/compute_plan.hpp>
#include <capeq/compute/range_scanner.hpp>
#include <capeq/compute/row_accumulator.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <fcntl.h>
#include <future>
#include <map>
#include <memory>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace capeq::compute {

namespace {

/// Closes the file descriptor on every path.
class FileHandle {
public:
    explicit FileHandle(const std::filesystem::path& path)
        : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (m_fd < 0)
            throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
    }
    ~FileHandle() { ::close(m_fd); }
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    int fd() const noexcept { return m_fd; }

private:
    int m_fd;
};

struct Worker {
    ByteRange range;
    std::unique_ptr<RowAccumulator> accumulator;
    RangeOutcome outcome;
};

std::vector<ByteRange> splitRanges(int fd, std::uint64_t dataStart, std::uint64_t fileSize, unsigned jobs) {
    std::vector<ByteRange> ranges;
    std::uint64_t begin = dataStart;
    for (unsigned i = 1; i < jobs; ++i) {
        const std::uint64_t target = dataStart + (fileSize - dataStart) * i / jobs;
        const std::uint64_t split = nextRecordStart(fd, std::max(begin, target - 1), fileSize);
        if (split >= fileSize)
            break;
        ranges.push_back({begin, split});
        begin = split;
    }
    ranges.push_back({begin, fileSize});
    return ranges;
}

// Runs every range on its own thread; the calling thread reports progress. A worker that hits a bad row
// tells the workers after it to stop: rows before it must still be read for its line number and so that
// the first bad row in the file is the one reported.
void runWorkers(int fd, std::vector<Worker>& workers, const ComputeOptions& options, std::uint64_t fileSize) {
    std::atomic<std::uint64_t> bytesDone{0};
    std::atomic<std::size_t> firstFailed{SIZE_MAX};
    std::vector<std::future<void>> running;
    for (std::size_t i = 0; i < workers.size(); ++i) {
        running.push_back(std::async(std::launch::async, [&, i] {
            Worker& worker = workers[i];
            worker.outcome = scanRange(
                fd, worker.range, options.blockBytes, *worker.accumulator,
                [&] { return firstFailed.load() < i; }, bytesDone);
            if (worker.outcome.problem) {
                std::size_t expected = firstFailed.load();
                while (i < expected && !firstFailed.compare_exchange_weak(expected, i)) {
                }
            } else {
                worker.accumulator->flush();
            }
        }));
    }
    for (std::future<void>& future : running) {
        while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
            if (options.progress)
                options.progress(bytesDone.load(), fileSize);
        }
    }
    for (std::future<void>& future : running)
        future.get(); // rethrows a worker's I/O error
    if (options.progress)
        options.progress(fileSize, fileSize);
}

[[noreturn]] void throwRowProblem(const RangeProblem& problem, std::uint64_t lineOffset,
                                  const std::string& file) {
    Diagnostic diagnostic;
    diagnostic.where = {file, lineOffset + problem.localLine, problem.row.column, problem.row.field};
    diagnostic.message = problem.row.message;
    diagnostic.hint = problem.row.hint;
    throw InputError(std::move(diagnostic));
}

std::vector<std::string> groupOrder(const ComputeSpec& spec, const std::string& characteristic) {
    for (const CharacteristicSpec& c : spec.characteristics) {
        if (c.id == characteristic) {
            std::vector<std::string> order;
            for (const GroupMapping& group : c.groups)
                order.push_back(group.code);
            return order;
        }
    }
    return {};
}

// Merges the workers' tables by group text (each worker numbered identity groups as it met them) and
// puts the groups in output order.
ComputeSums mergeWorkers(const ComputePlan& plan, std::vector<Worker>& workers, const std::string& file,
                         std::uint64_t headerLines) {
    ComputeSums result;
    const std::size_t indicatorCount = plan.indicators.size();
    for (std::size_t t = 0; t < plan.tables.size(); ++t) {
        std::map<std::string, std::vector<DomainSums>> merged;
        for (const Worker& worker : workers) {
            const WorkerTable& table = worker.accumulator->tables()[t];
            for (std::size_t g = 0; g < table.keys.size(); ++g) {
                std::vector<DomainSums>& into = merged[worker.accumulator->groupName(t, table.keys[g])];
                into.resize(indicatorCount);
                for (std::size_t j = 0; j < indicatorCount; ++j)
                    into[j].merge(table.sums[g * indicatorCount + j]);
            }
        }
        TableSums table{plan.tables[t].characteristic, {}};
        const TablePlan& tablePlan = plan.tables[t];
        if (tablePlan.first >= 0) {
            const auto firstOrder = groupOrder(*plan.spec, plan.spec->characteristics[tablePlan.first].id);
            const auto secondOrder =
                tablePlan.second >= 0
                    ? groupOrder(*plan.spec, plan.spec->characteristics[tablePlan.second].id)
                    : std::vector<std::string>{};
            const auto rank = [](const std::vector<std::string>& order, const std::string& code) {
                return static_cast<std::size_t>(std::find(order.begin(), order.end(), code) - order.begin());
            };
            std::vector<std::pair<std::string, std::vector<DomainSums>>> groups(merged.begin(), merged.end());
            std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
                const std::size_t starA = a.first.find('*');
                const std::size_t starB = b.first.find('*');
                const auto keyA = std::make_pair(
                    rank(firstOrder, a.first.substr(0, starA)),
                    starA == std::string::npos ? 0 : rank(secondOrder, a.first.substr(starA + 1)));
                const auto keyB = std::make_pair(
                    rank(firstOrder, b.first.substr(0, starB)),
                    starB == std::string::npos ? 0 : rank(secondOrder, b.first.substr(starB + 1)));
                return keyA < keyB;
            });
            for (auto& [group, sums] : groups)
                table.groups.push_back({group, std::move(sums)});
        } else {
            for (auto& [group, sums] : merged)
                table.groups.push_back({group, std::move(sums)});
        }
        result.tables.push_back(std::move(table));
    }

    // Unmapped values: one warning per characteristic and value, with the total count and first line.
    std::uint64_t lineOffset = headerLines;
    std::map<std::pair<std::size_t, std::string>, std::pair<std::uint64_t, std::uint64_t>> unmapped;
    for (const Worker& worker : workers) {
        const auto& codeTables = worker.accumulator->codeTables();
        for (std::size_t k = 0; k < codeTables.size(); ++k) {
            for (const CodeTable::Unmapped& item : codeTables[k].unmapped()) {
                auto [it, inserted] = unmapped.try_emplace({k, item.value}, 0, lineOffset + item.firstLine);
                it->second.first += item.count;
            }
        }
        result.designRows += worker.accumulator->rows();
        lineOffset += worker.outcome.lines;
    }
    for (const auto& [key, counts] : unmapped)
        result.warnings.push_back(
            unmappedValueWarning(*plan.spec, key.first, key.second, counts.first,
                                 {file, counts.second, plan.characteristicColumns[key.first] + 1,
                                  plan.spec->characteristics[key.first].column}));
    return result;
}

} // namespace

ComputeSums computeSums(const std::filesystem::path& data, const ComputeSpec& spec,
                        const ComputeOptions& options) {
    const FileHandle file(data);
    const std::uint64_t fileSize = std::filesystem::file_size(data);
    ::posix_fadvise(file.fd(), 0, 0, POSIX_FADV_SEQUENTIAL);
    std::uint64_t dataStart = 0;
    std::uint64_t headerLines = 0;
    std::vector<std::string> header = readHeader(file.fd(), fileSize, dataStart, headerLines);
    const ComputePlan plan = makeComputePlan(spec, std::move(header), data.string());

    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    const std::uint64_t bytes = fileSize - dataStart;
    jobs = static_cast<unsigned>(
        std::clamp<std::uint64_t>(bytes / std::max<std::uint64_t>(1, options.minimumBytesPerJob), 1, jobs));

    const auto makeWorkers = [&](const std::vector<ByteRange>& ranges) {
        std::vector<Worker> workers(ranges.size());
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            workers[i].range = ranges[i];
            workers[i].accumulator = std::make_unique<RowAccumulator>(plan, options.cellBudgetBytes);
        }
        return workers;
    };
    std::vector<Worker> workers = makeWorkers(splitRanges(file.fd(), dataStart, fileSize, jobs));
    runWorkers(file.fd(), workers, options, fileSize);

    // A range that ended inside quotes means the next one started mid-record: the byte split is unsafe for
    // this file (quoted line breaks), so read it again front to back on one thread.
    bool reran = false;
    for (std::size_t i = 0; i + 1 < workers.size(); ++i) {
        if (workers[i].outcome.endedInQuote) {
            workers = makeWorkers({ByteRange{dataStart, fileSize}});
            runWorkers(file.fd(), workers, options, fileSize);
            reran = true;
            break;
        }
    }
    std::uint64_t lineOffset = headerLines;
    for (const Worker& worker : workers) {
        if (worker.outcome.problem)
            throwRowProblem(*worker.outcome.problem, lineOffset, data.string());
        lineOffset += worker.outcome.lines;
    }
    ComputeSums result = mergeWorkers(plan, workers, data.string(), headerLines);
    result.jobsUsed = static_cast<unsigned>(workers.size());
    result.reranSerially = reran;
    return result;
}

Diagnostic unmappedValueWarning(const ComputeSpec& spec, std::size_t characteristic, const std::string& value,
                                std::uint64_t rows, SourceLocation where) {
    const CharacteristicSpec& mapped = spec.characteristics.at(characteristic);
    return {Severity::Warning, std::move(where),
            "value '" + value + "' of characteristic '" + mapped.id + "' is not mapped to a group (" +
                std::to_string(rows) + " rows left out of its breakdown, kept in 'all')",
            "map it with 'group = CODE | " + value + "' in [characteristic " + mapped.id + "] of " +
                spec.file + ", or list it under 'missing'"};
}

} // namespace capeq::compute
