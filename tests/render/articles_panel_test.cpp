// The Articles panel end to end (issue 13): an article the test writes itself is read against the
// bundled map's places, a candidate is accepted into the analyst's file, and after the events are
// read again, as at the next start, it is on the map at its date with the words it rests on.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "render_fixture.hpp"
#include "ui/article_reading.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

// A made-up report: a town and a day where the bundled data has no event.
constexpr const char* kArticle =
    "IDLIB, Syria, 14 March 2018\n\n"
    "Shelling hit Kafr Takharim on Monday, killing five civilians, local medics said. The town "
    "had been calm for weeks.\n";
constexpr LonLat kKafrTakharim{36.5152, 36.1168};

class ArticlesPanel : public BundledMap {
 public:
  void SetUp() override {
    state_->dataDir = IDLIB_DATA_DIR;
    folder_ = fs::temp_directory_path() / ("idlib-articles-" + std::to_string(getpid()));
    fs::create_directories(folder_);
    article_ = folder_ / "report.txt";
    std::ofstream(article_) << kArticle;
    panel_.acceptedFile = (folder_ / "mine" / "accepted.csv").string();
  }
  void TearDown() override {
    fs::remove_all(folder_);
    state_->setTimeline(loadDatedData(IDLIB_DATA_DIR));
    renderer_->timeLayers().upload(state_->timeline, state_->controlAreas, state_->displacement);
    showOnlyBaseMap();
  }

  std::size_t candidateAt(const std::string& place) {
    const auto& all = panel_.extraction.candidates;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].location == place) return i;
    ADD_FAILURE() << "no candidate at " << place;
    return 0;
  }

  // The home view at 800x600 on `date`, only the events drawn over the base map.
  static Rgba eventPixel(const char* date) {
    showOnlyBaseMap();
    state_->timeLayers.events = true;
    return pixelAt(renderAt(date), kKafrTakharim);
  }

  fs::path folder_, article_;
  panels::ArticlesPanelState panel_;
};

TEST_F(ArticlesPanel, AnAcceptedCandidateIsOnTheMapAtItsDateWithItsWords) {
  AppState& state = *state_;
  const Rgba before = eventPixel("2018-03-12");
  panels::openArticleIn(state, panel_, article_.string());
  ASSERT_TRUE(panel_.article) << panel_.message;
  const std::size_t i = candidateAt("Kafr Takharim");
  panels::selectCandidate(state, panel_, i);
  EXPECT_EQ(formatDate(static_cast<Day>(state.playback.date)), "2018-03-12");  // "on Monday"
  {  // the panel laid out in a real ImGui frame, the candidate selected
    ImGuiFrames imgui(1280, 720);
    ImGui::NewFrame();
    panels::articles(state, panel_);
    ImGui::EndFrame();
  }
  panels::decideOnCandidate(state, panel_, Verdict::Accepted);
  ASSERT_EQ(panel_.reload, std::vector<std::string>{panel_.acceptedFile}) << panel_.message;
  EXPECT_EQ(panel_.verdicts[i], Verdict::Accepted);

  // Read again as the window does, and as the next start does.
  state.setTimeline(loadDatedData(IDLIB_DATA_DIR, withAcceptedEvents({}, panel_.acceptedFile)));
  renderer_->timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
  const Rgba after = eventPixel("2018-03-12");
  EXPECT_FALSE(near(after, before, 20)) << "no marker drawn at Kafr Takharim";
  EXPECT_TRUE(near(eventPixel("2018-05-20"), before, 3)) << "the marker outlives its window";
  const auto accepted = std::find_if(state.timeline.events.begin(), state.timeline.events.end(),
                                     [](EventRef e) { return e.location() == "Kafr Takharim"; });
  ASSERT_NE(accepted, state.timeline.events.end());
  const auto span = parseArticleSpanSource((*accepted).provenance().source);
  ASSERT_TRUE(span);
  const std::string words = readArticleWords(*span).words;
  EXPECT_NE(words.find("Kafr Takharim on Monday"), std::string::npos) << words;

  // Opened again, the article shows what was decided.
  panels::ArticlesPanelState again{.acceptedFile = panel_.acceptedFile};
  panels::openArticleIn(state, again, article_.string());
  EXPECT_EQ(again.verdicts[i], Verdict::Accepted);
}

TEST_F(ArticlesPanel, AcceptedEventsNeverGoIntoTheArticleOrTheBundledData) {
  AppState& state = *state_;
  panels::openArticleIn(state, panel_, article_.string());
  panels::selectCandidate(state, panel_, candidateAt("Kafr Takharim"));
  for (const fs::path target : {article_, fs::path(IDLIB_DATA_DIR) / "geodata" / "mine.csv"}) {
    panel_.acceptedFile = target.string();
    panels::decideOnCandidate(state, panel_, Verdict::Accepted);
    EXPECT_TRUE(panel_.messageIsError) << target;
    EXPECT_TRUE(panel_.reload.empty());
  }
  std::ifstream in(article_);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), kArticle);
  EXPECT_FALSE(fs::exists(fs::path(IDLIB_DATA_DIR) / "geodata" / "mine.csv"));
}

TEST_F(ArticlesPanel, AMissingOrBinaryArticleIsSaidAndNothingOpens) {
  panels::openArticleIn(*state_, panel_, (folder_ / "gone.txt").string());
  EXPECT_TRUE(panel_.messageIsError);
  EXPECT_NE(panel_.message.find("gone.txt': no such file"), std::string::npos) << panel_.message;
  std::ofstream(folder_ / "binary.txt") << std::string("PK\0\3", 4);
  panels::openArticleIn(*state_, panel_, (folder_ / "binary.txt").string());
  EXPECT_NE(panel_.message.find("a binary file"), std::string::npos) << panel_.message;
  EXPECT_FALSE(panel_.article);
}

}  // namespace
}  // namespace idlib::test
