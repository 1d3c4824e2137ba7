#include "core/layer_style.hpp"

#include <gtest/gtest.h>

#include "core/layer.hpp"

namespace idlib {
namespace {

// A layer of point features, each with one field `field` set to the value given.
Layer pointsWith(const std::string& field, const std::vector<std::string>& values) {
  Layer layer;
  layer.title = "test";
  layer.fields = {field, "name"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    Feature f;
    f.attributes = {{field, values[i]}, {"name", "n" + std::to_string(i)}};
    layer.pointFeatures.push_back(static_cast<std::uint32_t>(i));
    layer.features.push_back(f);
  }
  return layer;
}

TEST(LayerStyle, QuantilesPutAboutAsManyValuesInEachClass) {
  const std::vector<double> values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  EXPECT_EQ(classBreaks(values, 4, ClassMethod::Quantiles), (std::vector<double>{3, 6, 9, 12}));
  // Unsorted input, an outlier: quantiles ignore how far it lies.
  EXPECT_EQ(classBreaks({1000, 1, 3, 2}, 2, ClassMethod::Quantiles),
            (std::vector<double>{2, 1000}));
}

TEST(LayerStyle, EqualIntervalsSplitTheRangeEvenly) {
  EXPECT_EQ(classBreaks({0, 1, 3, 100}, 4, ClassMethod::EqualIntervals),
            (std::vector<double>{25, 50, 75, 100}));
  // The outlier leaves the small values in the first class.
  EXPECT_EQ(classOf(3, classBreaks({0, 1, 3, 100}, 4, ClassMethod::EqualIntervals)), 0u);
}

TEST(LayerStyle, RepeatedValuesGiveFewerClassesNeverAnEmptyOne) {
  EXPECT_EQ(classBreaks({5, 5, 5, 5, 9}, 4, ClassMethod::Quantiles), (std::vector<double>{5, 9}));
  EXPECT_EQ(classBreaks({7, 7}, 3, ClassMethod::EqualIntervals), (std::vector<double>{7}));
  EXPECT_TRUE(classBreaks({}, 5, ClassMethod::Quantiles).empty());
}

TEST(LayerStyle, ClassOfAValueIsTheFirstBoundAtOrAboveIt) {
  const std::vector<double> bounds = {10, 20, 30};
  EXPECT_EQ(classOf(-5, bounds), 0u);
  EXPECT_EQ(classOf(10, bounds), 0u);
  EXPECT_EQ(classOf(10.5, bounds), 1u);
  EXPECT_EQ(classOf(30, bounds), 2u);
  EXPECT_EQ(classOf(31, bounds), 2u);
}

TEST(LayerStyle, GraduatedLegendHasRangesOnViridisAndNoValueForText) {
  Layer layer = pointsWith("people", {"10", "20", "30", "40", "unknown"});
  Symbology style{.kind = StyleKind::Graduated, .field = "people", .classes = 2};
  const Classification c = classify(layer, style, rgb(0));
  ASSERT_EQ(c.legend.size(), 3u);
  EXPECT_EQ(c.legend[0].label, "10 – 20");
  EXPECT_EQ(c.legend[1].label, "20 – 40");
  EXPECT_EQ(c.legend[2].label, "no value");
  EXPECT_EQ(c.legend[0].colour, rgb(0x440154));  // viridis' dark end
  EXPECT_EQ(c.legend[1].colour, rgb(0xfde725));  // its yellow end
  EXPECT_EQ(c.featureColour[1], rgb(0x440154));
  EXPECT_EQ(c.featureColour[2], rgb(0xfde725));
  EXPECT_EQ(c.featureColour[4], kOtherColour);
}

TEST(LayerStyle, ViridisFiveIsTheKnownFiveStepPalette) {
  EXPECT_EQ(viridis(5), (std::vector<Rgba>{rgb(0x440154), rgb(0x3b528b), rgb(0x21908c),
                                           rgb(0x5dc863), rgb(0xfde725)}));
}

TEST(LayerStyle, CategoriesGetTolsMutedColoursAndTheRestIsOther) {
  // Eleven values: the nine most frequent get colours (alphabetically), "j" and "k" are other.
  Layer layer = pointsWith("kind", {"a", "b", "c", "d", "e", "f", "g", "h", "i", "a",
                                    "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"});
  const Classification c = classify(layer, {.kind = StyleKind::Categories, .field = "kind"}, {});
  ASSERT_EQ(c.legend.size(), 10u);
  EXPECT_EQ(c.legend[0], (LegendEntry{"a", rgb(0xcc6677)}));
  EXPECT_EQ(c.legend[1], (LegendEntry{"b", rgb(0x332288)}));
  EXPECT_EQ(c.legend[9], (LegendEntry{"other", kOtherColour}));
  EXPECT_EQ(c.featureColour[9], rgb(0xcc6677));  // the second "a"
  EXPECT_EQ(c.featureColour[18], kOtherColour);  // "j"
}

TEST(LayerStyle, ApplySetsMarkersAndLegendAndTheFillsOpacity) {
  Layer layer = pointsWith("kind", {"x", "y"});
  layer.symbology = {.kind = StyleKind::Categories, .field = "kind", .fillOpacity = 0.5f};
  applySymbology(layer);
  EXPECT_EQ(layer.features[0].marker, rgb(0xcc6677));
  EXPECT_EQ(layer.features[1].marker, rgb(0x332288));
  EXPECT_EQ(layer.features[1].fill, rgb(0x332288, 128));
  EXPECT_EQ(layer.legend.size(), 2u);
}

TEST(LayerStyle, ParsesTheCommandLinesStyle) {
  const auto parsed = parseSymbology("graduated=pop, classes=4, method=equal, label=name");
  ASSERT_TRUE(std::holds_alternative<Symbology>(parsed));
  const auto& s = std::get<Symbology>(parsed);
  EXPECT_EQ(s.kind, StyleKind::Graduated);
  EXPECT_EQ(s.field, "pop");
  EXPECT_EQ(s.classes, 4);
  EXPECT_EQ(s.method, ClassMethod::EqualIntervals);
  EXPECT_EQ(s.labelField, "name");
  const auto single = std::get<Symbology>(parseSymbology("colour=#CC79A7,opacity=0.2,outline=3"));
  EXPECT_EQ(single.colour, rgb(0xcc79a7));
  EXPECT_FLOAT_EQ(single.fillOpacity, 0.2f);
  EXPECT_FLOAT_EQ(single.outlineWidthPx, 3);
}

TEST(LayerStyle, ABadStyleSaysWhatIsWrong) {
  const auto message = [](std::string_view text) {
    const auto parsed = parseSymbology(text);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
  };
  EXPECT_EQ(message("colour=red"), "colour 'red': expected #RRGGBB");
  EXPECT_EQ(message("classes=12"), "classes '12': expected a whole number from 2 to 9");
  EXPECT_EQ(message("opacity=2"), "opacity '2': expected a number from 0 to 1");
  EXPECT_EQ(message("categories"), "'categories': expected NAME=VALUE (e.g. categories=FIELD)");
  EXPECT_NE(message("size=3").find("unknown setting"), std::string::npos);
}

TEST(LayerStyle, AMissingFieldIsNamedWithTheLayersFields) {
  Layer layer = pointsWith("kind", {"x"});
  EXPECT_EQ(symbologyProblem(layer, {.kind = StyleKind::Categories, .field = "type"}),
            "test has no field 'type' (its fields: kind, name)");
  EXPECT_EQ(symbologyProblem(layer, {.kind = StyleKind::Categories, .field = "kind"}), "");
}

TEST(LayerStyle, AttributionSaysWhenTheLicenceIsUnknown) {
  EXPECT_EQ(userLayerAttribution("zones.gpkg", ""), "source: zones.gpkg, licence unknown");
  EXPECT_EQ(userLayerAttribution("zones.gpkg", " CC BY 4.0 "), "source: zones.gpkg, CC BY 4.0");
}

TEST(LayerStyle, ALicenceTypedOnceNamesTheFileOrTheTable) {
  Layer layer;
  layer.sourcePath = "/home/me/data/zones.gpkg";
  setLicence(layer, "ODbL ");
  EXPECT_EQ(layer.licence, "ODbL");
  EXPECT_EQ(layer.attribution, "source: zones.gpkg, ODbL");
  layer.sourcePath = "PG:host=db dbname=gis password=*** tables=posts";
  layer.sourceLayerName = "posts";
  setLicence(layer, "");
  EXPECT_EQ(layer.attribution, "source: posts, licence unknown");
}

TEST(LayerStyle, NumbersAreReadStrictly) {
  EXPECT_EQ(numberIn(" 12.5 "), 12.5);
  EXPECT_EQ(numberIn("-3"), -3);
  EXPECT_FALSE(numberIn("1,200"));
  EXPECT_FALSE(numberIn("12 km"));
  EXPECT_FALSE(numberIn(""));
  EXPECT_FALSE(numberIn("nan"));
}

}  // namespace
}  // namespace idlib
