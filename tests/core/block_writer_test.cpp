// A file written in whole blocks, direct where the file system allows: what is read back is what
// was written, whatever the sizes of the writes and where a writer takes up after another.
#include "core/block_writer.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace idlib {
namespace {

namespace fs = std::filesystem;

class BlockWriterFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path = fs::temp_directory_path() / ("idlib-block-writer-" + std::to_string(::getpid()));
    fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
  }
  void TearDown() override {
    ::close(fd);
    fs::remove(path);
  }
  std::string contents(std::size_t size) const {
    BlockWriter::buffered(fd);
    EXPECT_EQ(::ftruncate(fd, static_cast<off_t>(size)), 0);
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  static std::string text(std::size_t n, char seed) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i)
      s[i] = static_cast<char>(seed + i * 7 % 61);
    return s;
  }

  fs::path path;
  int fd = -1;
};

TEST_F(BlockWriterFile, WritesOfAnySizeReadBackInOrder) {
  BlockWriter::tryDirect(fd);  // either way, the same bytes
  std::string expected;
  BlockWriter out(fd, 0);
  for (const std::size_t n : {1u, 4095u, 4097u, 3u << 20, 123u, 2u << 20, 1u}) {
    const std::string piece = text(n, static_cast<char>('a' + n % 26));
    ASSERT_TRUE(out.write(piece.data(), piece.size()));
    expected += piece;
  }
  ASSERT_TRUE(out.flush());
  EXPECT_EQ(out.end(), expected.size());
  EXPECT_EQ(contents(out.end()), expected);
}

// A writer that takes up within a block (after a part joined in the middle of one) keeps the
// block's first bytes.
TEST_F(BlockWriterFile, AWriterTakingUpWithinABlockKeepsWhatWasThere) {
  BlockWriter::tryDirect(fd);
  const std::string first = text(10000, 'x'), second = text(5000, 'k');
  {
    BlockWriter out(fd, 0);
    ASSERT_TRUE(out.write(first.data(), first.size()));
    ASSERT_TRUE(out.flush());
  }
  BlockWriter more(fd, first.size());
  ASSERT_TRUE(more.write(second.data(), second.size()));
  ASSERT_TRUE(more.flush());
  EXPECT_EQ(contents(first.size() + second.size()), first + second);
}

TEST_F(BlockWriterFile, PaddingEndsAtAWholeBlock) {
  BlockWriter out(fd, 0);
  ASSERT_TRUE(out.write("abc", 3));
  ASSERT_TRUE(out.pad());
  EXPECT_EQ(out.end(), BlockWriter::kBlock);
  EXPECT_EQ(contents(out.end()), "abc" + std::string(BlockWriter::kBlock - 3, '\0'));
}

}  // namespace
}  // namespace idlib
