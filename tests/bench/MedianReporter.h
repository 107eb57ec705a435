#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kasir::bench {

// The console output of Google Benchmark, remembering each benchmark's median times so
// that the program can compare benchmarks with their baselines and targets at the end.
// With --benchmark_repetitions=N the median aggregate is used; with one repetition, the
// median of the runs seen.
class MedianReporter final : public benchmark::ConsoleReporter
{
public:
    MedianReporter();

    void ReportRuns(const std::vector<Run>& reports) override;

    struct Median
    {
        double wallMs = 0; // what the targets are about
        double cpuMs = 0; // steadier than wall time on a busy machine
    };

    // A benchmark's medians by its registered name; nullopt when it did not run (filtered
    // out) or failed.
    std::optional<Median> median(const std::string& name) const;
    std::optional<double> medianMs(const std::string& name) const;
    // Benchmarks that called SkipWithError, with their messages.
    const std::vector<std::string>& failures() const { return m_failures; }
    // Prints each failed benchmark on stderr; the program's exit code (1 when any failed).
    int exitCode() const;

private:
    std::map<std::string, Median> m_medians;
    std::map<std::string, std::vector<Median>> m_runs;
    std::vector<std::string> m_failures;
};

} // namespace kasir::bench
