#pragma once
// Dear ImGui (1.86) sees each key as down or up once a frame, so a key pressed and released between
// two frames never reaches a text box (Backspace tapped while frames come at 5 fps). A frame takes
// events until a key it has already seen pressed is released or pressed again; those events and
// everything after them wait for the next frame, in order. No tap is lost; a burst takes frames.
#include <SDL.h>

#include <vector>

namespace idlib {

class FrameKeys {
 public:
  // Whether `e` must wait for the next frame (call in event order; a `false` counts it taken).
  bool waitsForNextFrame(const SDL_Event& e);
  void nextFrame() { pressed_.clear(); }

 private:
  std::vector<SDL_Scancode> pressed_;
};

// Takes the events of one frame from SDL's queue, passing each to `handle`; `first`, when given,
// is one the frame's wait already took from the queue. Returns how many were handled.
template <typename Handle>
int pollFrameEvents(FrameKeys& keys, Handle&& handle, SDL_Event* first = nullptr) {
  keys.nextFrame();
  int handled = 0;
  if (first) {
    keys.waitsForNextFrame(*first);  // the frame's first event never waits: it only counts
    handle(*first);
    ++handled;
  }
  SDL_PumpEvents();
  SDL_Event event;
  while (SDL_PeepEvents(&event, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0 &&
         !keys.waitsForNextFrame(event)) {
    SDL_PeepEvents(&event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT);
    handle(event);
    ++handled;
  }
  return handled;
}

}  // namespace idlib
