#pragma once
// Ctrl+C and SIGTERM, honoured at any moment. The signals are blocked in every thread and taken by
// one watcher thread: it asks the app to stop (interruptRequested()), and if the app has not
// finished within a second (a long GDAL or GEOS call cannot be interrupted), it removes the
// temporary files and child processes registered below and ends the process itself. SIGPIPE is
// ignored, so a child that exits early is a failed write, not a dead app.
#include <sys/types.h>
#include <filesystem>

namespace idlib {

// Call first thing in main(), before any thread starts (threads inherit the blocked signals).
void installInterruptHandling();

bool interruptRequested();
// A function the watcher thread calls once a signal has arrived (after interruptRequested() turns
// true), e.g. to wake a window asleep in its event queue; nullptr for none. It must be safe to
// call from any thread.
void setInterruptWaker(void (*wake)());
// 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as shells report it; 0 if none.
int interruptExitCode();

// Registers a temporary file for removal should the process be ended by a signal; unregisters on
// destruction (whoever owns the file removes or renames it in the normal course).
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(std::filesystem::path path);
  ~TemporaryFileGuard();
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;

 private:
  std::filesystem::path path_;
};

// The same for a child process: killed should the process be ended by a signal.
class ChildProcessGuard {
 public:
  explicit ChildProcessGuard(pid_t pid);
  ~ChildProcessGuard();
  ChildProcessGuard(const ChildProcessGuard&) = delete;
  ChildProcessGuard& operator=(const ChildProcessGuard&) = delete;

 private:
  pid_t pid_;
};

}  // namespace idlib
