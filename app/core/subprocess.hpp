#pragma once
// Another program (ffmpeg), started without a shell: its arguments reach it exactly as given,
// so no file name can ever be read as a command.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "core/interrupt.hpp"

namespace idlib {

class ChildProcess {
 public:
  // Starts argv[0], found in PATH, with its standard input a pipe from us and its error output
  // kept (the last few kilobytes). Returns why it could not start, e.g. "ffmpeg is not installed".
  static std::variant<std::unique_ptr<ChildProcess>, std::string> start(
      const std::vector<std::string>& argv);
  ~ChildProcess();  // a child still running is killed and waited for
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // False once the child has stopped reading (it exited or failed); never raises SIGPIPE.
  bool write(std::span<const std::uint8_t> bytes);

  struct Result {
    std::optional<int> exitCode;  // none when a signal ended it
    std::string errorOutput;
  };
  // Closes its input and waits for it to exit.
  Result finish();

 private:
  ChildProcess() = default;
  pid_t pid_ = -1;
  int input_ = -1;
  int errorPipe_ = -1;
  std::thread errorReader_;
  std::string errorOutput_;
  std::unique_ptr<ChildProcessGuard> guard_;
};

}  // namespace idlib
