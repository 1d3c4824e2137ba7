#include "core/subprocess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace idlib {
namespace {

constexpr std::size_t kKeptErrorBytes = 8192;

// Owns a posix_spawn attribute or file-action object for the scope of start().
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
};

void closeIfOpen(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

std::variant<std::unique_ptr<ChildProcess>, std::string> ChildProcess::start(
    const std::vector<std::string>& argv) {
  ::signal(SIGPIPE, SIG_IGN);  // a child that exits early is a failed write, not our death
  int input[2], error[2];
  if (::pipe2(input, O_CLOEXEC) != 0)
    return fmt::format("cannot make a pipe ({})", strerror(errno));
  if (::pipe2(error, O_CLOEXEC) != 0) {
    ::close(input[0]), ::close(input[1]);
    return fmt::format("cannot make a pipe ({})", strerror(errno));
  }
  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, input[0], STDIN_FILENO);
  posix_spawn_file_actions_addopen(&setup.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, error[1], STDERR_FILENO);
  // The child gets the signals this process blocks or ignores back to normal.
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGINT, SIGTERM})
    sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&setup.attributes, &none);
  posix_spawnattr_setsigdefault(&setup.attributes, &defaults);
  posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int failed =
      posix_spawnp(&pid, args[0], &setup.actions, &setup.attributes, args.data(), environ);
  ::close(input[0]);
  ::close(error[1]);
  if (failed != 0) {
    ::close(input[1]);
    ::close(error[0]);
    return failed == ENOENT ? fmt::format("the {} program is not installed", argv[0])
                            : fmt::format("cannot start {} ({})", argv[0], strerror(failed));
  }
  std::unique_ptr<ChildProcess> child(new ChildProcess);
  child->pid_ = pid;
  child->guard_ = std::make_unique<ChildProcessGuard>(pid);
  child->input_ = input[1];
  child->errorPipe_ = error[0];
  child->errorReader_ = std::thread([c = child.get()] {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(c->errorPipe_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      c->errorOutput_.append(buffer, static_cast<std::size_t>(n));
      if (c->errorOutput_.size() > kKeptErrorBytes)
        c->errorOutput_.erase(0, c->errorOutput_.size() - kKeptErrorBytes);
    }
  });
  return child;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    finish();
  }
}

bool ChildProcess::write(std::span<const std::uint8_t> bytes) {
  std::size_t done = 0;
  while (input_ >= 0 && done < bytes.size()) {
    const ssize_t n = ::write(input_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // EPIPE: the child has gone
    done += static_cast<std::size_t>(n);
  }
  return done == bytes.size();
}

ChildProcess::Result ChildProcess::finish() {
  closeIfOpen(input_);
  Result result;
  int status = 0;
  while (pid_ > 0 && ::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  if (pid_ > 0 && WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  pid_ = -1;
  if (errorReader_.joinable()) errorReader_.join();
  closeIfOpen(errorPipe_);
  guard_.reset();
  result.errorOutput = std::move(errorOutput_);
  return result;
}

}  // namespace idlib
