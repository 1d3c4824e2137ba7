// Text for people (issue 10): overlay text never smaller than the UI scale allows, a legend on
// every poster and video, large exports drawn larger, no map label under the legend or a panel,
// every glyph drawn (fontconfig fallbacks), and citations instead of file names.
#include <imgui.h>

#include <optional>

#include "core/format.hpp"
#include "render_fixture.hpp"
#include "ui/imgui_fonts.hpp"
#include "ui/map_view.hpp"
#include "ui/story_mode.hpp"
#include "ui/video_export.hpp"

namespace idlib::test {
namespace {

struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) x [y0, y1)
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

Rgba pixel(const RenderedImage& image, int x, int y) {
  const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

bool isColour(const RenderedImage& image, int x, int y, Rgba c) {
  const Rgba p = pixel(image, x, y);
  return std::abs(p.r - c.r) <= 1 && std::abs(p.g - c.g) <= 1 && std::abs(p.b - c.b) <= 1;
}

// Legend swatches of `colour`: solid rectangles `minWidth` to `maxWidth` pixels wide and at least
// `minHeight` high, with no pixel of that colour to their left or right (an area of control is
// larger, or not a rectangle).
std::vector<PixelBox> swatches(const RenderedImage& image, Rgba colour, int minWidth, int maxWidth,
                               int minHeight) {
  std::vector<PixelBox> found;
  const auto inFound = [&](int x, int y) {
    return std::any_of(found.begin(), found.end(), [&](const PixelBox& b) {
      return x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
    });
  };
  for (int y = 0; y < image.height; ++y)
    for (int x0 = 0; x0 < image.width; ++x0) {
      if (!isColour(image, x0, y, colour) || (x0 > 0 && isColour(image, x0 - 1, y, colour)) ||
          inFound(x0, y))
        continue;
      int x1 = x0;
      while (x1 < image.width && isColour(image, x1, y, colour))
        ++x1;
      if (x1 - x0 < minWidth || x1 - x0 > maxWidth) continue;
      const auto sameRun = [&](int row) {
        for (int x = x0; x < x1; ++x)
          if (!isColour(image, x, row, colour)) return false;
        return (x0 == 0 || !isColour(image, x0 - 1, row, colour)) &&
               (x1 == image.width || !isColour(image, x1, row, colour));
      };
      int y1 = y + 1;
      while (y1 < image.height && sameRun(y1))
        ++y1;
      if (y1 - y >= minHeight) found.push_back({x0, y, x1, y1});
    }
  return found;
}

// The rows of `box` holding a pixel darker than `darkest` in every channel: text ink.
int inkRows(const RenderedImage& image, const PixelBox& box, int darkest = 140) {
  int rows = 0;
  for (int y = std::max(0, box.y0); y < std::min(image.height, box.y1); ++y)
    for (int x = std::max(0, box.x0); x < std::min(image.width, box.x1); ++x) {
      const Rgba p = pixel(image, x, y);
      if (p.r < darkest && p.g < darkest && p.b < darkest) {
        ++rows;
        break;
      }
    }
  return rows;
}

// From the first to the last row of `box` holding a navy pixel (red below 120, blue above it by
// 40: the strokes of dark-blue text, not a pale blue area): the ink height of the subtitle.
int blueInkHeight(const RenderedImage& image, const PixelBox& box) {
  int first = -1, last = -1;
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x) {
      const Rgba p = pixel(image, x, y);
      if (p.r < 120 && p.b - p.r > 40) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  return first < 0 ? 0 : last - first + 1;
}

class TextAndLegend : public BundledMap {
 protected:
  void SetUp() override {
    state_->timeLayers = TimeLayerSettings{};  // what an export shows by default
    state_->playback.jumpTo(makeDay(2020, 2, 20), state_->timeline);
  }
  void TearDown() override {
    state_->uiScale = 1;
    state_->presenter.reset();
    state_->selectedMark = {};
    showOnlyBaseMap();
  }

  // The legend's government swatch and the rows from it to the last area swatch (SDF), in an
  // image whose export scale is `scale`.
  struct Legend {
    PixelBox government, sdf;
    int rowPitch() const { return (sdf.y0 - government.y0) / 3; }
    int height() const { return sdf.y1 - government.y0; }
  };
  static std::optional<Legend> legendIn(const RenderedImage& image, float scale = 1,
                                        PixelBox within = {}) {
    if (within.x1 == 0) within = {0, 0, image.width, image.height};
    const auto find = [&](Controller c) -> std::optional<PixelBox> {
      for (const PixelBox& b : swatches(image, areaColor(c), static_cast<int>(15 * scale),
                                        static_cast<int>(21 * scale), static_cast<int>(8 * scale)))
        if (b.x0 >= within.x0 && b.x1 <= within.x1 && b.y0 >= within.y0 && b.y1 <= within.y1)
          return b;
      return std::nullopt;
    };
    const auto government = find(Controller::Government), sdf = find(Controller::Sdf);
    if (!government || !sdf) return std::nullopt;
    return Legend{*government, *sdf};
  }

  // One frame of a video of `date` at width x height, as --export-video renders it.
  static RenderedImage videoFrame(int width, int height) {
    state_->camera.setViewport({static_cast<double>(width), static_cast<double>(height)});
    state_->camera.setView(
        idlibHomeView({static_cast<double>(width), static_cast<double>(height)}));
    const double date = state_->playback.date;
    auto frames = rangeFrames(date, date, 1, 1);
    RenderedImage frame;
    renderFrames(*state_, *renderer_, *frames, width, height, [&](const RenderedImage& image) {
      frame = image;
      return true;
    });
    return frame;
  }
};

// A 640x360 video used to get no legend and a subtitle about 7 pixels tall.
TEST_F(TextAndLegend, ASmallVideoFrameCarriesALegendAndReadableSubtitle) {
  const RenderedImage frame = videoFrame(640, 360);
  const auto legend = legendIn(frame, 1, {320, 180, 640, 360});
  ASSERT_TRUE(legend) << "no legend swatches in the bottom-right quarter";
  EXPECT_GE(legend->rowPitch(), 14) << "legend rows are too tight to read";
  // "Syrian government and allies": cap height plus descender.
  const PixelBox text{legend->government.x1 + 3, legend->government.y0 - 4, 620,
                      legend->government.y1 + 4};
  EXPECT_GE(inkRows(frame, text), 10) << "the legend's text is too small";
  // The displaced-people subtitle under the date, in its blue, on a frame without the blue
  // symbols of the posts and the displacement layers: the middle of the band under the date.
  state_->timeLayers.flows = state_->timeLayers.arrivals = state_->timeLayers.posts = false;
  const RenderedImage plain = videoFrame(640, 360);
  const int subtitle = blueInkHeight(plain, {220, 30, 420, 70});
  EXPECT_GE(subtitle, 9) << "the subtitle's text is " << subtitle << " px tall";  // was 5
}

// Each poster panel is a small map: it keeps the areas' legend and a readable subtitle.
TEST_F(TextAndLegend, EveryPosterPanelCarriesTheLegend) {
  const int width = 1920, height = 1080, panels = 6;
  const RenderedImage poster =
      renderPoster(*state_, *renderer_, idlibHomeView({1920, 1080}), makeDay(2019, 12, 1),
                   makeDay(2020, 3, 5), panels, width, height);
  const auto found = swatches(poster, areaColor(Controller::Government), 15, 21, 8);
  EXPECT_EQ(found.size(), static_cast<std::size_t>(panels)) << "a legend swatch per panel";
  // The first panel's legend rows and subtitle.
  const PixelBox firstPanel{0, 0, width / 3, height / 2};
  const auto legend = legendIn(poster, 1, firstPanel);
  ASSERT_TRUE(legend);
  EXPECT_GE(legend->rowPitch(), 14);
  const PixelBox text{legend->government.x1 + 3, legend->government.y0 - 4, firstPanel.x1,
                      legend->government.y1 + 4};
  EXPECT_GE(inkRows(poster, text), 10);
}

// 3840x2160 is the 1920x1080 image at twice the size: the legend twice as tall, not the same
// legend lost in four times the pixels.
TEST_F(TextAndLegend, A4kExportDrawsTheLegendTwiceAsLarge) {
  const RenderedImage full =
      renderImage(*state_, *renderer_, idlibHomeView({1920, 1080}), 1920, 1080);
  const RenderedImage k4 =
      renderImage(*state_, *renderer_, idlibHomeView({3840, 2160}), 3840, 2160);
  const auto small = legendIn(full, 1), large = legendIn(k4, 2);
  ASSERT_TRUE(small);
  ASSERT_TRUE(large) << "no legend swatches twice the size in the 4K export";
  const double ratio = static_cast<double>(large->height()) / small->height();
  EXPECT_NEAR(ratio, 2.0, 0.1) << small->height() << " px at 1920x1080, " << large->height()
                               << " px at 3840x2160";
  // The same area either way: Saraqib is at the same place relative to the image.
  const Rgba fullSaraqib = pixelAt(full, {36.80591, 35.86447});
  const Rgba k4Saraqib = pixelAt(k4, {36.80591, 35.86447});
  EXPECT_TRUE(near(fullSaraqib, k4Saraqib, 40));
}

// The legend's opaque white box around its government swatch: from the swatch, outwards along
// the box's top margin and its left margin while the pixels stay white.
PixelBox legendBox(const RenderedImage& image, const PixelBox& government) {
  const Rgba white = rgb(0xffffff);
  const int marginY = government.y0 - 6, marginX = government.x0 - 4;
  PixelBox box{marginX, marginY, marginX, government.y1};
  while (box.x0 > 0 && isColour(image, box.x0 - 1, marginY, white))
    --box.x0;
  while (box.x1 < image.width && isColour(image, box.x1, marginY, white))
    ++box.x1;
  while (box.y0 > 0 && isColour(image, marginX, box.y0 - 1, white))
    --box.y0;
  while (box.y1 < image.height && isColour(image, marginX, box.y1, white))
    ++box.y1;
  return box;
}

// Pixels of `colour` (within 6 a channel) inside `box`.
int pixelsOf(const RenderedImage& image, const PixelBox& box, Rgba colour) {
  int n = 0;
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x)
      n += static_cast<bool>(near(pixel(image, x, y), colour, 6));
  return n;
}

// A small frame's compact legend used to explain the areas and the front line only: the events'
// red dot (events.csv's marks, drawn on the map) is in its box now, a 640x360 video's and a
// poster panel's.
TEST_F(TextAndLegend, ACompactLegendShowsTheEventsSymbol) {
  const Rgba eventRed = rgb(0xb2182b);
  const RenderedImage frame = videoFrame(640, 360);
  const auto legend = legendIn(frame, 1, {320, 180, 640, 360});
  ASSERT_TRUE(legend);
  const PixelBox box = legendBox(frame, legend->government);
  EXPECT_GE(box.width(), 200);
  EXPECT_GE(pixelsOf(frame, box, eventRed), 12)
      << "no event dot in the legend's box " << box.x0 << "," << box.y0 << " to " << box.x1 << ","
      << box.y1;

  const RenderedImage poster =
      renderPoster(*state_, *renderer_, idlibHomeView({1920, 1080}), makeDay(2019, 12, 1),
                   makeDay(2020, 3, 5), 6, 1920, 1080);
  const auto panel = legendIn(poster, 1, {0, 0, 640, 540});
  ASSERT_TRUE(panel);
  EXPECT_GE(pixelsOf(poster, legendBox(poster, panel->government), eventRed), 12);
  // Without events on the map, none in the legend either.
  state_->timeLayers.events = false;
  const RenderedImage quiet = videoFrame(640, 360);
  const auto quietLegend = legendIn(quiet, 1, {320, 180, 640, 360});
  ASSERT_TRUE(quietLegend);
  EXPECT_EQ(pixelsOf(quiet, legendBox(quiet, quietLegend->government), eventRed), 0);
}

// --ui-scale enlarges the legend in exports too.
TEST_F(TextAndLegend, TheUiScaleEnlargesTheLegend) {
  const RenderedImage desk =
      renderImage(*state_, *renderer_, idlibHomeView({1600, 1000}), 1600, 1000);
  state_->uiScale = 1.5f;
  const RenderedImage projector =
      renderImage(*state_, *renderer_, idlibHomeView({1600, 1000}), 1600, 1000);
  const auto a = legendIn(desk, 1), b = legendIn(projector, 1.5f);
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_NEAR(static_cast<double>(b->height()) / a->height(), 1.5, 0.1);
}

// Renders `frame` as the window would, optionally without its map labels.
RenderedImage draw(MapRenderer& renderer, FrameDescription frame, bool labels) {
  if (!labels) frame.labels.clear();
  const int w = static_cast<int>(frame.viewport.width), h = static_cast<int>(frame.viewport.height);
  OffscreenTarget target(w, h);
  target.bind();
  renderer.draw(frame);
  RenderedImage image{w, h, target.readPixels(), {}};
  bindWindowFramebuffer(w, h);
  return image;
}

// Whether `a` and `b` have the same pixels inside `box`.
bool samePixels(const RenderedImage& a, const RenderedImage& b, const PixelBox& box) {
  for (int y = box.y0; y < box.y1; ++y)
    for (int x = box.x0; x < box.x1; ++x)
      if (!isColour(a, x, y, pixel(b, x, y))) return false;
  return true;
}

std::size_t labelsInside(const FrameDescription& frame, const PixelBox& box) {
  std::size_t n = 0;
  for (const MapLabel& l : frame.labels) {
    const Vec2 s = worldToScreen(frame.view, frame.viewport, l.world);
    n += s.x >= box.x0 && s.x < box.x1 && s.y >= box.y0 && s.y < box.y1;
  }
  return n;
}

// Idlib city (GeoNames 36.6339,35.9306) and its neighbours under the legend of a 1280x720 export:
// their labels must not show through it.
TEST_F(TextAndLegend, NoMapLabelShowsThroughTheLegend) {
  View view = idlibHomeView({1280, 720});
  const Vec2 idlib = state_->projection.forward(LonLat{36.6339, 35.9306});
  view.centre = {idlib.x - (1120 - 640) * view.metresPerPoint,
                 idlib.y + (560 - 360) * view.metresPerPoint};
  const FrameDescription frame = describeFrame(*state_, view, {1280, 720}, 1, Viewer::Audience);
  const RenderedImage with = draw(*renderer_, frame, true),
                      without = draw(*renderer_, frame, false);
  const auto legend = legendIn(with);
  ASSERT_TRUE(legend);
  // The legend's box: 8 points left of and above its first swatch, to 10 from the right edge
  // and 34 from the bottom (see drawLegend); a pixel inside for anti-aliasing.
  const PixelBox box{legend->government.x0 - 7, legend->government.y0 - 7, 1280 - 11, 720 - 35};
  ASSERT_GT(labelsInside(frame, box), 0u)
      << "no town lies under the legend: the test proves nothing";
  EXPECT_TRUE(samePixels(with, without, box)) << "label ink inside the legend box";
}

// In the app, no label is drawn under a panel (the window passes the panels' boxes).
TEST_F(TextAndLegend, NoMapLabelUnderAPanel) {
  FrameDescription frame =
      describeFrame(*state_, idlibHomeView({1280, 720}), {1280, 720}, 1, Viewer::Analyst);
  const PixelBox panel{400, 150, 800, 500};  // over Idlib city, Saraqib and Ariha
  ASSERT_GT(labelsInside(frame, panel), 2u);
  frame.occupied = {{{400, 150}, {800, 500}}};
  const RenderedImage with = draw(*renderer_, frame, true),
                      without = draw(*renderer_, frame, false);
  EXPECT_TRUE(samePixels(with, without, panel)) << "label ink under the panel";
  // Outside it labels are still drawn.
  EXPECT_FALSE(samePixels(with, without, {0, 0, 1280, 720}));
}

// One label alone on a blank frame.
RenderedImage labelAlone(MapRenderer& renderer, const std::string& text) {
  FrameDescription frame;
  frame.viewport = {240, 60};
  frame.view = {{0, 0}, 100};
  frame.showScaleBar = false;
  frame.showLegend = false;
  frame.labels.push_back({text, {-8000, 0}, 1, 20, 3});
  return draw(renderer, frame, true);
}

// U+2E3A (two-em dash), a separator DejaVu Sans lacks, used to print as the "?" replacement box.
TEST_F(TextAndLegend, AGlyphTheMainFontLacksComesFromAFallbackFont) {
  const char* dash = "A\u2E3AB";
  EXPECT_TRUE(renderer_->font().draws(U'\u2E3A'));
  const RenderedImage withDash = labelAlone(*renderer_, dash);
  const RenderedImage replacement = labelAlone(*renderer_, "A\uFFFDB");
  const RenderedImage question = labelAlone(*renderer_, "A?B");
  const RenderedImage none = labelAlone(*renderer_, "AB");
  const PixelBox all{0, 0, 240, 60};
  EXPECT_FALSE(samePixels(withDash, replacement, all)) << "the dash drew as the replacement box";
  EXPECT_FALSE(samePixels(withDash, question, all)) << "the dash drew as '?'";
  EXPECT_FALSE(samePixels(withDash, none, all)) << "the dash drew nothing";
  // Its ink is a horizontal bar: wider than tall, between A and B.
  EXPECT_GT(renderer_->font().measure("\u2E3A", 20), renderer_->font().measure("-", 20) * 2);
}

// Dear ImGui gets the same glyphs: dashes, ellipsis, the transliterated names' letters.
TEST(UiFont, ImGuiDrawsDashesAndTransliteratedLetters) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  ASSERT_TRUE(addUiFont(io, 15));
  const ImFont* font = io.Fonts->Fonts[0];
  for (const ImWchar c :
       {0x2014, 0x2013, 0x2026, 0x00b7, 0x2192, 0x011f, 0x015f, 0x0131, 0x1e29, 0x02bf, 0x2e3a})
    EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "U+" << std::hex << c << " missing";
  ImGui::DestroyContext(context);
}

// A caption made from an event cites the article, not its file.
TEST_F(TextAndLegend, ACaptionFromAnEventCitesTheArticle) {
  for (std::size_t i = 0; i < state_->timeline.events.size(); ++i)
    if (state_->timeline.events[i].id() == "a004-01")
      state_->selectedMark = {DatedPick::Kind::Event, i};
  ASSERT_EQ(state_->selectedMark.kind, DatedPick::Kind::Event);
  const Cue cue = cueFromCurrentView(*state_);
  EXPECT_NE(cue.caption.find("Article 004 (3 February 2020)"), std::string::npos) << cue.caption;
  EXPECT_EQ(cue.caption.find("seeds/"), std::string::npos) << cue.caption;
  EXPECT_EQ(cue.caption.find(".txt"), std::string::npos) << cue.caption;
}

// The bundled story's captions, burned into videos and shown to the audience, name no file.
TEST(StoryCaptions, CiteArticlesAndOutletsNotFiles) {
  const StoryLoad load =
      loadStoryFile(std::string(IDLIB_DATA_DIR) + "/assets/stories/idlib-2018-2020.story");
  ASSERT_TRUE(load.notices.empty());
  ASSERT_FALSE(load.story.cues.empty());
  for (const Cue& cue : load.story.cues)
    for (const char* fileName : {"seeds/", ".csv", ".txt", "geodata/", "/work/", "/home/"})
      EXPECT_EQ(cue.caption.find(fileName), std::string::npos) << cue.caption;
}

}  // namespace
}  // namespace idlib::test
