// Lean events (issue 12), in one process: GDAL's own read of an event table, the app's load of it
// (read, intern, cache), its reopening from the cache, and what the loaded events keep resident:
// bytes per event by the process's resident memory (VmRSS) and by malloc's count, with the table
// held, and each step's peak resident memory (VmHWM, set back before each step). Usage:
// idlib-event-bench TABLE.csv [CACHE_DIR] (default: a fresh folder under /tmp). The million-row
// figures in BENCHMARKS.md come from bench/acled_sample.py 1000000.
#include <gdal/ogrsf_frmts.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "geo/timeline_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// A line of /proc/self/status in bytes: "VmRSS" (resident now), "VmHWM" (its peak).
double statusBytes(const std::string& name) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(name + ":", 0) == 0) return std::stod(line.substr(name.size() + 1)) * 1024.0;
  return 0;
}

double rssBytes() {
  return statusBytes("VmRSS");
}

// Sets the peak back to what is resident now (Linux 4.0 and later), so the next step's is its own.
void resetPeak() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

double peakMiB() {
  return statusBytes("VmHWM") / (1024.0 * 1024.0);
}

double heapBytes() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd);
}

// Every feature and every field as text: GDAL's part of the app's read, and no more.
std::size_t gdalRead(const std::string& path) {
  const GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  std::size_t features = 0;
  if (!ds) return 0;
  for (OGRLayer* layer : ds->GetLayers())
    for (auto& feature : *layer) {
      ++features;
      for (int i = 0; i < feature->GetFieldCount(); ++i)
        (void)feature->GetFieldAsString(i);
    }
  return features;
}

void report(const char* name, double s, std::size_t events, double rss, double heap, double peak) {
  std::printf(
      "%s: %.3f s, %zu events, resident %.1f bytes/event, heap %.1f bytes/event, peak %.0f MiB\n",
      name, s, events, events ? rss / events : 0.0, events ? heap / events : 0.0, peak);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: idlib-event-bench TABLE.csv [CACHE_DIR]\n");
    return 2;
  }
  const std::string table = argv[1];
  const std::filesystem::path cache = argc > 2
                                          ? std::filesystem::path(argv[2])
                                          : std::filesystem::temp_directory_path() /
                                                ("idlib-event-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(cache);
  ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  GDALAllRegister();
  idlib::TimelineSources sources{{{table}}, "", ""};

  resetPeak();
  auto t = Clock::now();
  const std::size_t features = gdalRead(table);
  std::printf("gdal_read: %.3f s, %zu features, peak %.0f MiB\n", seconds(t), features, peakMiB());

  for (const char* pass : {"load (no cache: read, then cached)", "reopen (from the cache)"}) {
    const double rss = rssBytes(), heap = heapBytes();
    resetPeak();
    t = Clock::now();
    idlib::TimelineLoad load = idlib::loadTimeline(sources);
    const double s = seconds(t);
    const double peak = peakMiB();
    malloc_trim(0);  // what the load freed goes back, so the resident figure is what is kept
    report(pass, s, load.timeline.events.size(), rssBytes() - rss, heapBytes() - heap, peak);
    for (const auto& n : load.notices)
      std::printf("  notice: %s\n", n.message.c_str());
  }
  std::filesystem::remove_all(cache);
  return 0;
}
