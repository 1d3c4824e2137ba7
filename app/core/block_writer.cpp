#include "core/block_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace idlib {

BlockWriter::BlockWriter(int fd, std::uint64_t at)
    : fd_(fd),
      written_(at / kBlock * kBlock),
      staged_(at % kBlock),
      stage_(static_cast<char*>(std::aligned_alloc(kBlock, kStage))) {
  if (!stage_) readBackError_ = ENOMEM;
  if (!stage_ || staged_ == 0) return;
  const ssize_t n = ::pread(fd_, stage_.get(), kBlock, static_cast<off_t>(written_));
  if (n < static_cast<ssize_t>(staged_)) readBackError_ = n < 0 ? errno : EIO;
}

bool BlockWriter::tryDirect(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_DIRECT) == 0;
}

void BlockWriter::buffered(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_DIRECT);
}

bool BlockWriter::write(const void* data, std::size_t n) {
  if (failedBefore()) return false;
  for (auto* from = static_cast<const char*>(data); n > 0;) {
    const std::size_t step = std::min(n, kStage - staged_);
    std::memcpy(stage_.get() + staged_, from, step);
    staged_ += step;
    from += step;
    n -= step;
    if (staged_ == kStage && !writeStage(kStage)) return false;
  }
  return true;
}

bool BlockWriter::pad() {
  if (failedBefore()) return false;
  const std::size_t blocks = (staged_ + kBlock - 1) / kBlock * kBlock;
  std::memset(stage_.get() + staged_, 0, blocks - staged_);
  staged_ = blocks;
  return writeStage(blocks);
}

bool BlockWriter::flush() {
  if (failedBefore()) return false;
  if (staged_ == 0) return true;
  const std::size_t whole = staged_ / kBlock * kBlock;
  const std::size_t blocks = (staged_ + kBlock - 1) / kBlock * kBlock;
  std::memset(stage_.get() + staged_, 0, blocks - staged_);
  if (!writeOut(blocks)) return false;
  advance(whole);  // the part block stays, for what comes after it
  return true;
}

bool BlockWriter::failedBefore() const {
  if (readBackError_) errno = readBackError_;
  return readBackError_ != 0;
}

bool BlockWriter::writeStage(std::size_t bytes) {
  if (!writeOut(bytes)) return false;
  advance(bytes);
  return true;
}

bool BlockWriter::writeOut(std::size_t bytes) {
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t n =
        ::pwrite(fd_, stage_.get() + done, bytes - done, static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void BlockWriter::advance(std::size_t bytes) {
  std::memmove(stage_.get(), stage_.get() + bytes, staged_ - bytes);
  written_ += bytes;
  staged_ -= bytes;
}

}  // namespace idlib
