#pragma once
// A file written from an offset on in whole blocks, through a buffer of its own (issue 12): with
// direct I/O the blocks go from the buffer to the disk, not through the page cache. A cache of
// hundreds of megabytes then costs no copy into fresh page-cache pages (on the 2-core benchmark
// machine each fresh page costs ten times its copy: 2.7 s for 320 MB, against 0.3 s direct), and
// does not push out what other programs have cached.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace idlib {

class BlockWriter {
 public:
  static constexpr std::size_t kBlock = 4096;  // direct I/O's unit: offsets, sizes, the buffer

  // Writes `fd`, which it does not own, from `at` on; where `at` is within a block, that block's
  // first bytes are read back to be written again with what follows.
  BlockWriter(int fd, std::uint64_t at);
  // Asks for direct I/O on `fd` (and every descriptor of its open file); false where the file
  // system has none: the blocks then go through the page cache, as any write.
  static bool tryDirect(int fd);
  // Direct I/O off again, for reads and writes of any size and place.
  static void buffered(int fd);

  // Appends; false (errno set) where a write failed.
  bool write(const void* data, std::size_t n);
  // Zeros up to a whole block, and everything written.
  bool pad();
  // Writes the last part block, zero-filled to a whole one, and keeps it for more: the file is
  // then to be cut at end().
  bool flush();
  std::uint64_t end() const { return written_ + staged_; }

 private:
  bool failedBefore() const;           // the buffer or `at`'s block could not be had
  bool writeStage(std::size_t bytes);  // writes the first `bytes`, and moves on
  bool writeOut(std::size_t bytes);    // writes the first `bytes`
  void advance(std::size_t bytes);     // drops the first `bytes`, written

  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  static constexpr std::size_t kStage = std::size_t{1} << 20;
  int fd_;
  std::uint64_t written_;  // where the buffer's first block goes
  std::size_t staged_ = 0;
  std::unique_ptr<char[], Free> stage_;
  int readBackError_ = 0;  // errno of the read of `at`'s block, failing every write
};

}  // namespace idlib
