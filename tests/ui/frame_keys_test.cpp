#include "ui/frame_keys.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace idlib {
namespace {

SDL_Event key(Uint32 type, SDL_Scancode code) {
  SDL_Event e{};
  e.type = type;
  e.key.keysym.scancode = code;
  return e;
}

// What each frame sees, one string a frame: "d"/"u" for a key's press/release, its scancode's name.
std::vector<std::string> framesFor(const std::vector<SDL_Event>& queued) {
  EXPECT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError();
  SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
  for (SDL_Event e : queued)
    SDL_PushEvent(&e);
  FrameKeys keys;
  std::vector<std::string> frames;
  for (int frame = 0; frame < 10; ++frame) {
    std::string seen;
    pollFrameEvents(keys, [&](const SDL_Event& e) {
      if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP)
        seen += std::string(e.type == SDL_KEYDOWN ? "d" : "u") +
                SDL_GetScancodeName(e.key.keysym.scancode) + " ";
      else if (e.type == SDL_MOUSEMOTION)
        seen += "move ";
    });
    if (seen.empty()) break;
    frames.push_back(seen);
  }
  SDL_Quit();
  return frames;
}

TEST(FrameKeys, ATapBetweenTwoFramesIsSeenDownThenUp) {
  // Three Backspace taps, all queued before one slow frame: ImGui must see three presses.
  const auto frames =
      framesFor({key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE),
                 key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE),
                 key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE)});
  EXPECT_EQ(frames, (std::vector<std::string>{"dBackspace ", "uBackspace dBackspace ",
                                              "uBackspace dBackspace ", "uBackspace "}));
}

TEST(FrameKeys, DifferentKeysAndOtherEventsShareAFrameInOrder) {
  SDL_Event move{};
  move.type = SDL_MOUSEMOTION;
  const auto frames =
      framesFor({key(SDL_KEYDOWN, SDL_SCANCODE_A), move, key(SDL_KEYDOWN, SDL_SCANCODE_B),
                 key(SDL_KEYUP, SDL_SCANCODE_A), move});
  // A's release waits, and the move after it too: events never overtake each other.
  EXPECT_EQ(frames, (std::vector<std::string>{"dA move dB ", "uA move "}));
}

}  // namespace
}  // namespace idlib
