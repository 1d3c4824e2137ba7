#include "core/file_scan.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <fstream>

namespace idlib {
namespace {

// A read-only mapping of a whole file, unmapped when it goes.
class Mapping {
 public:
  explicit Mapping(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      size_ = static_cast<std::size_t>(st.st_size);
      void* base = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      base_ = base == MAP_FAILED ? nullptr : static_cast<char*>(base);
    }
    ::close(fd);  // the mapping keeps the file
  }
  ~Mapping() {
    if (base_) ::munmap(base_, size_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  const char* data() const { return base_; }
  std::size_t size() const { return base_ ? size_ : 0; }
  // Gives the pages of [from, to) back (they stay in the page cache); `from` on a page.
  void release(std::size_t from, std::size_t to) const {
    ::madvise(base_ + from, to - from, MADV_DONTNEED);
  }

 private:
  char* base_ = nullptr;
  std::size_t size_ = 0;
};

// The file read through a stream, a block at a time.
void scanByReading(const std::string& path, const std::function<bool(std::string_view)>& feed) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 64 * 1024> block;
  while (in) {
    in.read(block.data(), block.size());
    if (feed({block.data(), static_cast<std::size_t>(in.gcount())})) return;
  }
}

}  // namespace

void scanFile(const std::string& path, const std::function<bool(std::string_view)>& feed) {
  const Mapping file(path);
  if (!file.data()) return scanByReading(path, feed);
  ::madvise(const_cast<char*>(file.data()), file.size(), MADV_SEQUENTIAL);
  constexpr std::size_t kBlock = std::size_t{16} << 20;  // a multiple of any page size
  for (std::size_t at = 0; at < file.size(); at += kBlock) {
    const std::size_t n = std::min(kBlock, file.size() - at);
    if (feed({file.data() + at, n})) break;
    file.release(at, at + n);
  }
}

}  // namespace idlib
