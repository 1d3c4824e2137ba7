#include "ui/frame_keys.hpp"

#include <algorithm>

namespace idlib {

bool FrameKeys::waitsForNextFrame(const SDL_Event& e) {
  if (e.type != SDL_KEYDOWN && e.type != SDL_KEYUP) return false;
  const SDL_Scancode key = e.key.keysym.scancode;
  const bool seen = std::find(pressed_.begin(), pressed_.end(), key) != pressed_.end();
  if (e.type == SDL_KEYUP || seen) return seen;
  pressed_.push_back(key);
  return false;
}

}  // namespace idlib
