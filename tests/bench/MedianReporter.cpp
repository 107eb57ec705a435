#include "tests/bench/MedianReporter.h"

#include <algorithm>
#include <cstdio>

namespace kasir::bench {

namespace {

MedianReporter::Median toMs(const benchmark::BenchmarkReporter::Run& run)
{
    const double perMs = benchmark::GetTimeUnitMultiplier(run.time_unit) / 1e3;
    return {run.GetAdjustedRealTime() / perMs, run.GetAdjustedCPUTime() / perMs};
}

double middle(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

// Tabular (counters in columns) without colour codes, which would litter a log file.
MedianReporter::MedianReporter() : benchmark::ConsoleReporter(OO_Tabular) { }

void MedianReporter::ReportRuns(const std::vector<Run>& reports)
{
    for (const Run& run : reports) {
        const std::string& name = run.run_name.function_name;
        if (run.error_occurred) {
            m_failures.push_back(name + ": " + run.error_message);
            continue;
        }
        if (run.run_type == Run::RT_Aggregate) {
            if (run.aggregate_name == "median")
                m_medians[name] = toMs(run);
        } else {
            m_runs[name].push_back(toMs(run));
        }
    }
    ConsoleReporter::ReportRuns(reports);
}

std::optional<MedianReporter::Median> MedianReporter::median(const std::string& name) const
{
    if (const auto it = m_medians.find(name); it != m_medians.end())
        return it->second;
    const auto it = m_runs.find(name);
    if (it == m_runs.end() || it->second.empty())
        return std::nullopt;
    std::vector<double> wall, cpu;
    for (const Median& m : it->second) {
        wall.push_back(m.wallMs);
        cpu.push_back(m.cpuMs);
    }
    return Median {middle(wall), middle(cpu)};
}

std::optional<double> MedianReporter::medianMs(const std::string& name) const
{
    const auto m = median(name);
    return m ? std::optional<double>(m->wallMs) : std::nullopt;
}

int MedianReporter::exitCode() const
{
    for (const std::string& failure : m_failures)
        std::fprintf(stderr, "FAILED %s\n", failure.c_str());
    return m_failures.empty() ? 0 : 1;
}

} // namespace kasir::bench
