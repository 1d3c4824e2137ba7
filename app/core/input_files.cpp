#include "core/input_files.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace idlib {

std::optional<std::string> refuseInput(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);  // follows links: what is read
  if (error || !fs::exists(status) || fs::is_regular_file(status) || fs::is_directory(status))
    return std::nullopt;
  const char* what = fs::is_fifo(status)     ? "a named pipe (FIFO)"
                     : fs::is_socket(status) ? "a socket"
                                             : "a device";
  return fmt::format("is {}, not a file; reading it would wait for data without end", what);
}

}  // namespace idlib
