#include "core/subprocess.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace idlib {
namespace {
namespace fs = std::filesystem;

// A name full of shell syntax reaches the program as one argument and is never run.
TEST(ChildProcess, PassesArgumentsWithoutAShell) {
  const fs::path dir = fs::temp_directory_path() / ("idlib-spawn-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string hostile = (dir / "x';touch pwned;'.mp4").string();
  auto started = ChildProcess::start({"touch", hostile});
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<ChildProcess>>(started));
  EXPECT_EQ(std::get<std::unique_ptr<ChildProcess>>(started)->finish().exitCode, 0);
  EXPECT_TRUE(fs::exists(hostile));
  EXPECT_FALSE(fs::exists(dir / "pwned"));
  EXPECT_FALSE(fs::exists("pwned"));
  fs::remove_all(dir);
}

TEST(ChildProcess, SaysWhenTheProgramIsMissing) {
  auto started = ChildProcess::start({"idlib-no-such-program"});
  ASSERT_TRUE(std::holds_alternative<std::string>(started));
  EXPECT_EQ(std::get<std::string>(started), "the idlib-no-such-program program is not installed");
}

// Writing to a child that has exited fails instead of killing us with SIGPIPE.
TEST(ChildProcess, AWriteToAChildThatExitedFails) {
  auto started = ChildProcess::start({"sh", "-c", "echo 'cannot open output' >&2; exit 3"});
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<ChildProcess>>(started));
  auto& child = *std::get<std::unique_ptr<ChildProcess>>(started);
  const std::vector<std::uint8_t> frame(1 << 20, 7);
  bool accepted = true;
  for (int i = 0; i < 64 && accepted; ++i)
    accepted = child.write(frame);
  EXPECT_FALSE(accepted);
  const auto result = child.finish();
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_EQ(result.errorOutput, "cannot open output\n");
}

}  // namespace
}  // namespace idlib
