#include "core/camera.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

const Viewport kViewport{1600, 900};

TEST(Camera, ScreenAndWorldRoundTrip) {
  const View v{{12000, -3000}, 150};
  const Vec2 s{321, 654};
  const Vec2 back = worldToScreen(v, kViewport, screenToWorld(v, kViewport, s));
  EXPECT_NEAR(back.x, s.x, 1e-9);
  EXPECT_NEAR(back.y, s.y, 1e-9);
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
  const View v{{0, 0}, 200};
  const Vec2 cursor{1200, 150};
  const Vec2 before = screenToWorld(v, kViewport, cursor);
  const View zoomed = zoomedAbout(v, kViewport, cursor, 2.0);
  EXPECT_DOUBLE_EQ(zoomed.metresPerPoint, 100);
  const Vec2 after = screenToWorld(zoomed, kViewport, cursor);
  EXPECT_NEAR(after.x, before.x, 1e-6);
  EXPECT_NEAR(after.y, before.y, 1e-6);
}

TEST(Camera, DragMovesTheMapWithTheMouse) {
  const View v{{0, 0}, 100};
  const Vec2 grabbed = screenToWorld(v, kViewport, {500, 500});
  const View moved = panned(v, {30, -20});
  const Vec2 now = worldToScreen(moved, kViewport, grabbed);
  EXPECT_NEAR(now.x, 530, 1e-9);
  EXPECT_NEAR(now.y, 480, 1e-9);
}

TEST(Camera, ZoomLevelsMatchWebMaps) {
  EXPECT_NEAR(zoomAtMetresPerPoint(metresPerPointAtZoom(9.3)), 9.3, 1e-12);
  EXPECT_NEAR(metresPerPointAtZoom(9) / metresPerPointAtZoom(10), 2.0, 1e-12);
}

TEST(Camera, FlightStartsAndEndsAtItsViewsAndZoomsOutOnTheWay) {
  const View from{{0, 0}, 50}, to{{200000, 50000}, 40};
  const Flight flight(from, to, kViewport);
  EXPECT_EQ(flight.at(0), from);
  EXPECT_EQ(flight.at(flight.durationSeconds()), to);
  const View middle = flight.at(flight.durationSeconds() / 2);
  EXPECT_GT(middle.metresPerPoint, from.metresPerPoint);  // zoomed out to see both ends
}

TEST(Camera, SmoothZoomArrivesAtTheRequestedScale) {
  Camera camera;
  camera.setViewport(kViewport);
  camera.setView({{0, 0}, 400});
  camera.zoomSmoothly({800, 450}, 4.0);
  for (int frame = 0; frame < 120 && camera.animating(); ++frame)
    camera.advance(1.0 / 60);
  EXPECT_FALSE(camera.animating());
  EXPECT_NEAR(camera.view().metresPerPoint, 100, 1e-6);
}

TEST(Camera, FittingShowsTheWholeBox) {
  Box box;
  box.extend(Vec2{-50000, -20000});
  box.extend(Vec2{70000, 90000});
  const View v = fitting(box, kViewport, 10);
  const Box seen = visibleWorld(v, kViewport);
  EXPECT_LE(seen.min.x, box.min.x);
  EXPECT_LE(seen.min.y, box.min.y);
  EXPECT_GE(seen.max.x, box.max.x);
  EXPECT_GE(seen.max.y, box.max.y);
}

}  // namespace
}  // namespace idlib
