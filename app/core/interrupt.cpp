#include "core/interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <ctime>
#include <mutex>
#include <set>
#include <thread>

namespace idlib {
namespace {

// Signals are process-wide, so this is too: what to clean up if the process must end at once.
struct Registry {
  std::atomic<int> signal{0};
  std::atomic<void (*)()> waker{nullptr};
  std::mutex mutex;
  std::set<std::filesystem::path> files;
  std::set<pid_t> children;
};

Registry& registry() {
  static Registry& r = *new Registry;  // never destroyed: the watcher may use it during exit
  return r;
}

constexpr long kGraceNanoseconds = 700'000'000;  // the app's own shutdown; then we end it

void endNow(int signal) {
  Registry& r = registry();
  {
    std::lock_guard lock(r.mutex);
    for (pid_t child : r.children)
      ::kill(child, SIGKILL);
    for (const auto& file : r.files)
      ::unlink(file.c_str());
  }
  _exit(128 + signal);
}

void watch(sigset_t signals) {
  int signal = 0;
  while (sigwait(&signals, &signal) != 0) {
  }
  registry().signal.store(signal);
  if (auto* wake = registry().waker.load()) wake();
  static constexpr char kMessage[] = "\nidlib-atlas: interrupted\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  // A second signal, or the grace period over while the app is still busy: end it here.
  const timespec grace{0, kGraceNanoseconds};
  siginfo_t info;
  while (sigtimedwait(&signals, &info, &grace) < 0 && errno == EINTR) {
  }
  endNow(signal);
}

}  // namespace

void installInterruptHandling() {
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  registry();
  std::thread(watch, signals).detach();
}

bool interruptRequested() {
  return registry().signal.load() != 0;
}

void setInterruptWaker(void (*wake)()) {
  registry().waker.store(wake);
}

int interruptExitCode() {
  const int signal = registry().signal.load();
  return signal ? 128 + signal : 0;
}

TemporaryFileGuard::TemporaryFileGuard(std::filesystem::path path) : path_(std::move(path)) {
  std::lock_guard lock(registry().mutex);
  registry().files.insert(path_);
}

TemporaryFileGuard::~TemporaryFileGuard() {
  std::lock_guard lock(registry().mutex);
  registry().files.erase(path_);
}

ChildProcessGuard::ChildProcessGuard(pid_t pid) : pid_(pid) {
  std::lock_guard lock(registry().mutex);
  registry().children.insert(pid_);
}

ChildProcessGuard::~ChildProcessGuard() {
  std::lock_guard lock(registry().mutex);
  registry().children.erase(pid_);
}

}  // namespace idlib
