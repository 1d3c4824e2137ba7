#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/interrupt.hpp"

namespace idlib {

std::optional<std::string> writeFileAtomically(const std::filesystem::path& path,
                                               std::string_view content) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  const TemporaryFileGuard guard(temp);
  if (fd < 0)
    return fmt::format("{}: cannot create a file in {} ({})", path.string(), folder.string(),
                       std::strerror(errno));
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return fmt::format("{}: cannot write ({})", path.string(), std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return fmt::format("{}: cannot flush to disk ({})", path.string(), std::strerror(errno));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return fmt::format("{}: cannot replace the file ({})", path.string(), std::strerror(error));
  }
  return std::nullopt;
}

}  // namespace idlib
