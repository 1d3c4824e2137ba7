// Presenter mode's windows (issue 10): the speaker's window never covers the audience's.
#include "core/presenter_layout.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace idlib {
namespace {

constexpr DisplayRect kLaptop{0, 0, 1920, 1080};
constexpr DisplayRect kProjector{1920, 0, 1280, 720};

// What must hold for every placement: both windows on their displays, never overlapping.
void expectSound(const std::vector<DisplayRect>& displays, const PresenterPlacement& p) {
  EXPECT_FALSE(overlap(p.audience, p.speaker));
  EXPECT_TRUE(contains(displays[p.audienceDisplay], p.audience));
  EXPECT_TRUE(contains(displays[p.speakerDisplay], p.speaker));
  EXPECT_GT(p.speaker.w, 0);
  EXPECT_GT(p.speaker.h, 0);
}

TEST(PresenterLayout, OneDisplayIsSharedSideBySide) {
  const std::vector<DisplayRect> one{kLaptop};
  const PresenterPlacement p = placePresenterWindows(one, 0, std::nullopt);
  expectSound(one, p);
  EXPECT_FALSE(p.audienceFullscreen);
  EXPECT_EQ(p.speakerDisplay, 0);
  // The audience keeps most of the screen, the speaker a readable column beside it.
  EXPECT_GE(p.audience.w, 1920 * 6 / 10);
  EXPECT_EQ(p.audience.h, 1080);
  EXPECT_GE(p.speaker.w, 360);
  EXPECT_EQ(p.audience.x + p.audience.w, p.speaker.x);  // touching: no screen wasted
}

TEST(PresenterLayout, ASecondDisplayTakesTheSpeakerAndTheAudienceFillsItsOwn) {
  const std::vector<DisplayRect> two{kLaptop, kProjector};
  const PresenterPlacement onProjector = placePresenterWindows(two, 1, std::nullopt);
  expectSound(two, onProjector);
  EXPECT_TRUE(onProjector.audienceFullscreen);
  EXPECT_EQ(onProjector.audience, kProjector);
  EXPECT_EQ(onProjector.speakerDisplay, 0);

  const PresenterPlacement onLaptop = placePresenterWindows(two, 0, std::nullopt);
  expectSound(two, onLaptop);
  EXPECT_EQ(onLaptop.audience, kLaptop);
  EXPECT_EQ(onLaptop.speakerDisplay, 1);
}

TEST(PresenterLayout, TheSpeakersDisplayIsTheUsersChoice) {
  const std::vector<DisplayRect> three{kLaptop, kProjector, {-1280, 0, 1280, 1024}};
  const PresenterPlacement p = placePresenterWindows(three, 1, 2);
  expectSound(three, p);
  EXPECT_EQ(p.speakerDisplay, 2);
  EXPECT_TRUE(p.audienceFullscreen);
  // The audience's own display, asked for: they share it, side by side.
  const PresenterPlacement shared = placePresenterWindows(three, 1, 1);
  expectSound(three, shared);
  EXPECT_EQ(shared.speakerDisplay, 1);
  EXPECT_FALSE(shared.audienceFullscreen);
  // A display that is not there: the usual choice, not a window off every screen.
  const PresenterPlacement missing = placePresenterWindows(three, 1, 7);
  expectSound(three, missing);
  EXPECT_EQ(missing.speakerDisplay, 2);
  EXPECT_EQ(placePresenterWindows(three, 9, -1).audienceDisplay, 2);  // clamped
}

TEST(PresenterLayout, NeverOverlapsOnAnyArrangement) {
  const std::vector<std::vector<DisplayRect>> arrangements = {
      {{0, 0, 800, 600}},
      {{0, 0, 1024, 768}},
      {{0, 0, 3840, 2160}},
      {{0, 0, 600, 1024}},                          // portrait
      {{0, 0, 320, 240}},                           // tiny
      {{0, 0, 1920, 1080}, {0, 1080, 1920, 1080}},  // stacked
      {{-1920, -200, 1920, 1080}, {0, 0, 2560, 1440}},
  };
  for (const auto& displays : arrangements)
    for (int audience = 0; audience < static_cast<int>(displays.size()); ++audience)
      for (const std::optional<int> speaker : {std::optional<int>{}, std::optional<int>{0},
                                               std::optional<int>{1}, std::optional<int>{5}}) {
        SCOPED_TRACE(testing::Message() << displays.size() << " displays, first " << displays[0].w
                                        << "x" << displays[0].h << ", audience " << audience);
        expectSound(displays, placePresenterWindows(displays, audience, speaker));
      }
}

TEST(PresenterLayout, NoDisplayReportedStillGivesTwoWindows) {
  const PresenterPlacement p = placePresenterWindows({}, 0, std::nullopt);
  EXPECT_FALSE(overlap(p.audience, p.speaker));
  EXPECT_GT(p.audience.w, 0);
  EXPECT_GT(p.speaker.w, 0);
}

// The speaker's text follows the UI scale (it was 22 px whatever the scale): 33 px at 1.5, 44 at
// a 4K display's 2, never below 22.
TEST(PresenterLayout, TheSpeakersTextFollowsTheUiScale) {
  EXPECT_FLOAT_EQ(speakerTextPixels(1), 22);
  EXPECT_FLOAT_EQ(speakerTextPixels(1.5f), 33);
  EXPECT_FLOAT_EQ(speakerTextPixels(2), 44);
  EXPECT_FLOAT_EQ(speakerTextPixels(0.5f), 22);
  // Its window grows with it: a third of a shared 4K display at scale 2 (640 px at scale 1), and
  // on a display of its own twice its size, both on their displays and apart.
  const std::vector<DisplayRect> k4{{0, 0, 3840, 2160}};
  EXPECT_EQ(placePresenterWindows(k4, 0, std::nullopt, 1).speaker.w, 640);
  const PresenterPlacement shared = placePresenterWindows(k4, 0, std::nullopt, 2);
  EXPECT_EQ(shared.speaker.w, 1280);
  expectSound(k4, shared);
  const std::vector<DisplayRect> two{kLaptop, {1920, 0, 3840, 2160}};
  const PresenterPlacement own = placePresenterWindows(two, 0, 1, 2);
  EXPECT_EQ(own.speaker.w, 1800);
  expectSound(two, own);
}

}  // namespace
}  // namespace idlib
