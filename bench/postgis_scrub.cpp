// Scrubbing a PostGIS events table through geo/postgis_events, as the app's feed does: how long
// each new time window takes to arrive, and this process's memory. Run by bench/postgis_scrub.sh,
// which starts a server and fills it with 10 million rows; figures in BENCHMARKS.md.
// Usage: postgis-scrub CONNINFO TABLE [--create-indexes]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "geo/postgis_events.hpp"

namespace idlib {
namespace {

using Clock = std::chrono::steady_clock;

double residentMiB(const char* key) {  // "VmRSS:" now, "VmHWM:" the peak
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(key, 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void report(const char* what, const std::vector<double>& ms, std::size_t rows) {
  std::printf(
      "%-58s n=%3zu  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%zu rows/cells a "
      "window on average)\n",
      what, ms.size(), percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99),
      ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()), ms.empty() ? 0 : rows / ms.size());
}

// A 30-day window moved one day at a time, each waited for: the latency of one window.
void stepThrough(PostgisEventFeed& feed, const char* what, EventWindowRequest w, int steps) {
  std::vector<double> ms;
  std::size_t rows = 0;
  for (int i = 0; i < steps; ++i, ++w.first, ++w.last) {
    const auto start = Clock::now();
    const auto result = feed.waitFor(feed.request(w), 60'000);
    if (!result || !result->error.empty()) {
      std::printf("%s: %s\n", what, result ? result->error.c_str() : "no answer in 60 s");
      return;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    rows += result->rows.size() + result->cells.size();
  }
  report(what, ms, rows);
}

// A drag along the slider, one day a frame at 60 frames a second: a window asked for every frame
// (each cancels the one before), or, as the app does, only when the last one has arrived (then
// each arrives and is shown). Either way the window the drag stops on is asked for at once. Reports
// how old a shown window's request was when it arrived, and the wait for the window the drag stops
// on.
void drag(PostgisEventFeed& feed, const char* what, EventWindowRequest w, int frames,
          bool whenIdle) {
  std::vector<std::pair<std::uint64_t, Clock::time_point>> sent;
  std::vector<double> age;
  const auto before = feed.counts();
  const auto start = Clock::now();
  auto showWhatArrived = [&] {
    if (auto r = feed.take())
      for (const auto& [id, at] : sent)
        if (id == r->requestId)
          age.push_back(std::chrono::duration<double, std::milli>(Clock::now() - at).count());
  };
  for (int f = 0; f < frames; ++f, ++w.first, ++w.last) {
    if (!whenIdle || !feed.busy()) sent.emplace_back(feed.request(w), Clock::now());
    std::this_thread::sleep_until(start + std::chrono::microseconds(16'667) * (f + 1));
    showWhatArrived();
  }
  const auto stopped = Clock::now();
  const auto last = feed.waitFor(feed.request(w), 60'000);  // where the drag stops
  const double settle = std::chrono::duration<double, std::milli>(Clock::now() - stopped).count();
  const auto after = feed.counts();
  std::printf(
      "%-58s %d frames: %zu windows shown while dragging (request to arrival p50 %.1f ms, max %.1f "
      "ms), "
      "%llu cancelled; the last window arrived %.1f ms after the drag stopped (%zu rows/cells)\n",
      what, frames, age.size(), percentile(age, 0.5),
      age.empty() ? 0 : *std::max_element(age.begin(), age.end()),
      static_cast<unsigned long long>(after.cancelled - before.cancelled), settle,
      last ? last->rows.size() + last->cells.size() : 0);
}

int run(const std::string& conninfo, const std::string& table, bool createIndexes) {
  if (createIndexes) {
    const auto start = Clock::now();
    for (const auto& sql : createEventIndexes(conninfo, table))
      std::printf("%s;\n", sql.c_str());
    std::printf("indexes made in %.1f s\n",
                std::chrono::duration<double>(Clock::now() - start).count());
  }
  PostgisEventFeed feed(conninfo, table);
  EventWindowRequest idlib;  // the app's home view of Idlib governorate, a 30-day window
  idlib.first = makeDay(2019, 4, 1);
  idlib.last = idlib.first + 29;
  idlib.box = {35.9, 35.2, 37.3, 36.4};
  EventWindowRequest syria = idlib;  // zoomed out to all of Syria: counts per 0.1-degree cell
  syria.box = {35.4, 32.2, 42.6, 37.4};
  syria.cellDegrees = 0.1;
  EventWindowRequest syriaRows = syria;  // the same, as rows (what aggregation saves)
  syriaRows.cellDegrees = 0;
  EventWindowRequest year = syria;  // a year's window zoomed out
  year.last = year.first + 364;

  stepThrough(feed, "Idlib view, 30-day window, rows", idlib, 60);  // the first connects
  stepThrough(feed, "Syria view, 30-day window, 0.1-degree cells", syria, 60);
  stepThrough(feed, "Syria view, 30-day window, rows (no aggregation)", syriaRows, 10);
  stepThrough(feed, "Syria view, 365-day window, 0.1-degree cells", year, 10);
  drag(feed, "drag at 60 fps, a window every frame, Idlib view, rows", idlib, 120, false);
  drag(feed, "drag at 60 fps, a window when the last arrived, Idlib, rows", idlib, 120, true);
  drag(feed, "drag at 60 fps, a window when the last arrived, Syria, cells", syria, 120, true);
  std::printf("memory of this process: %.0f MiB resident now, %.0f MiB at its peak\n",
              residentMiB("VmRSS:"), residentMiB("VmHWM:"));
  const auto c = feed.counts();
  std::printf(
      "queries sent %llu, cancelled as stale %llu (server confirmed %llu), answered %llu, failed "
      "%llu\n",
      static_cast<unsigned long long>(c.sent), static_cast<unsigned long long>(c.cancelled),
      static_cast<unsigned long long>(c.serverCancelled),
      static_cast<unsigned long long>(c.delivered), static_cast<unsigned long long>(c.failed));
  return c.failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace idlib

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4 || (argc == 4 && std::string(argv[3]) != "--create-indexes")) {
    std::fprintf(stderr, "usage: postgis-scrub CONNINFO TABLE [--create-indexes]\n");
    return 2;
  }
  try {
    return idlib::run(argv[1], argv[2], argc == 4);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
