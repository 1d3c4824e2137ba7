#include "core/temporal.hpp"

#include <gtest/gtest.h>

#include "core/layer.hpp"

namespace idlib {
namespace {

Day day(const char* iso) {
  return *parseDate(iso);
}

TEST(Temporal, DetectsPairsBeforeSingleDates) {
  EXPECT_EQ(detectDateFields({"name", "valid_from", "valid_to"}),
            (TemporalSetting{TimeMode::Period, "valid_from", "valid_to"}));
  EXPECT_EQ(detectDateFields({"Begin", "END", "name"}),
            (TemporalSetting{TimeMode::Period, "Begin", "END"}));
  EXPECT_EQ(detectDateFields({"date", "start", "end"}),
            (TemporalSetting{TimeMode::Period, "start", "end"}));
  EXPECT_EQ(detectDateFields({"event_date", "fatalities"}),
            (TemporalSetting{TimeMode::Accumulate, "event_date", ""}));
  EXPECT_EQ(detectDateFields({"id", "valid_from"}),
            (TemporalSetting{TimeMode::Accumulate, "valid_from", ""}));
  // An end without its start is no period; nothing dated is Off.
  EXPECT_EQ(detectDateFields({"name", "end"}).mode, TimeMode::Off);
  EXPECT_EQ(detectDateFields({}).mode, TimeMode::Off);
  EXPECT_EQ(detectDateFields({"updated", "population"}).mode, TimeMode::Off);
}

TEST(Temporal, PeriodIncludesItsStartAndExcludesItsEnd) {
  const FeaturePeriod p{day("2019-01-01"), day("2019-06-01")};
  const double w = 30;
  EXPECT_FALSE(visibleAt(TimeMode::Period, p, day("2018-12-31"), w));
  EXPECT_TRUE(visibleAt(TimeMode::Period, p, day("2019-01-01"), w));
  EXPECT_TRUE(visibleAt(TimeMode::Period, p, day("2019-05-31") + 0.99, w));  // while playing
  EXPECT_FALSE(visibleAt(TimeMode::Period, p, day("2019-06-01"), w));
  // No end: for ever.
  const FeaturePeriod open{day("2019-06-01"), std::nullopt};
  EXPECT_FALSE(visibleAt(TimeMode::Period, open, day("2019-05-31"), w));
  EXPECT_TRUE(visibleAt(TimeMode::Period, open, day("2019-06-01"), w));
  EXPECT_TRUE(visibleAt(TimeMode::Period, open, day("2030-01-01"), w));
}

TEST(Temporal, AccumulateAndWindow) {
  const FeaturePeriod p{day("2019-03-10"), day("2019-03-11")};
  EXPECT_FALSE(visibleAt(TimeMode::Accumulate, p, day("2019-03-09"), 30));
  EXPECT_TRUE(visibleAt(TimeMode::Accumulate, p, day("2019-03-10"), 30));
  EXPECT_TRUE(visibleAt(TimeMode::Accumulate, p, day("2020-03-10"), 30));  // the end is ignored
  // Window: D - window < start <= D.
  EXPECT_FALSE(visibleAt(TimeMode::Window, p, day("2019-03-09"), 7));
  EXPECT_TRUE(visibleAt(TimeMode::Window, p, day("2019-03-10"), 7));
  EXPECT_TRUE(visibleAt(TimeMode::Window, p, day("2019-03-16"), 7));
  EXPECT_FALSE(visibleAt(TimeMode::Window, p, day("2019-03-17"), 7));
}

TEST(Temporal, UndatedFeaturesAreHiddenOnlyWhileTheLayerMoves) {
  const FeaturePeriod undated{};
  EXPECT_TRUE(visibleAt(TimeMode::Off, undated, day("2019-01-01"), 30));
  for (const TimeMode m : {TimeMode::Period, TimeMode::Accumulate, TimeMode::Window})
    EXPECT_FALSE(visibleAt(m, undated, day("2019-01-01"), 30)) << timeModeName(m);
}

TEST(Temporal, ReadsEachFeaturesPeriodAndNamesBadValues) {
  Layer layer;
  layer.features.resize(4);
  layer.features[0].attributes = {{"valid_from", "2019-01-01"}, {"valid_to", "2019-06-01"}};
  layer.features[1].attributes = {{"valid_from", "2019-06-01T00:00:00Z"}};  // no end: open
  layer.features[2].attributes = {{"valid_from", "soon"}, {"valid_to", "9-May-20"}};
  layer.features[3].attributes = {{"valid_from", "1-Jun-19"}, {"valid_to", "2019-02-30"}};
  const auto problems = applyTemporalSetting(layer, {TimeMode::Period, "valid_from", "valid_to"});
  ASSERT_EQ(layer.periods.size(), 4u);
  EXPECT_EQ(layer.periods[0], (FeaturePeriod{day("2019-01-01"), day("2019-06-01")}));
  EXPECT_EQ(layer.periods[1], (FeaturePeriod{day("2019-06-01"), std::nullopt}));
  EXPECT_EQ(layer.periods[2], (FeaturePeriod{std::nullopt, day("2020-05-09")}));
  EXPECT_EQ(layer.periods[3], (FeaturePeriod{day("2019-06-01"), std::nullopt}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].feature, 2u);
  EXPECT_EQ(problems[0].field, "valid_from");
  EXPECT_EQ(problems[0].value, "soon");
  EXPECT_EQ(problems[1].feature, 3u);
  EXPECT_EQ(problems[1].value, "2019-02-30");

  // Off again: every feature shown, no periods kept.
  EXPECT_TRUE(applyTemporalSetting(layer, {}).empty());
  EXPECT_EQ(layer.time.mode, TimeMode::Off);
}

}  // namespace
}  // namespace idlib
