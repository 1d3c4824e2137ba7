#pragma once
// How an analyst styles a layer of their own, as in QGIS: one colour, categories by a field
// (a colour-blind-safe palette) or classes of a number (quantiles or equal intervals on a
// sequential palette), the fill's opacity, the outline's width and labels from a field. Pure:
// the colours of every feature and the legend's rows follow from the layer's attributes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/color.hpp"

namespace idlib {

struct Layer;

enum class StyleKind { Single, Categories, Graduated };
enum class ClassMethod { Quantiles, EqualIntervals };

struct Symbology {
  StyleKind kind = StyleKind::Single;
  std::string field;  // the categories' or the classes' field
  ClassMethod method = ClassMethod::Quantiles;
  int classes = 5;              // graduated: how many (fewer where values repeat)
  std::optional<Rgba> colour;   // single colour; none: the next of the user layers' cycle
  float fillOpacity = 0.45f;    // the fill's alpha, 0..1; lines and points stay opaque
  float outlineWidthPx = 1.5f;  // outlines and line features, points
  std::string labelField;       // empty: no labels
  friend bool operator==(const Symbology&, const Symbology&) = default;
};

// One row of a layer's legend: a category, a class ("12 – 40") or the layer's one colour.
struct LegendEntry {
  std::string label;
  Rgba colour;  // opaque
  friend bool operator==(const LegendEntry&, const LegendEntry&) = default;
};

// Paul Tol's "muted" qualitative palette: nine colours told apart with every common form of
// colour blindness, and apart from the areas of control (Okabe & Ito's hues, core/style.hpp), so
// that a category never reads as a side of the war; values beyond the ninth are "other", in
// Tol's pale grey.
inline constexpr std::size_t kCategoryColours = 9;
Rgba categoryColour(std::size_t index);
inline constexpr Rgba kOtherColour = rgb(0xdddddd);
// Viridis (perceptually uniform, colour-blind-safe, readable in grey), `count` evenly spaced
// colours from dark purple to yellow.
std::vector<Rgba> viridis(std::size_t count);

// Class upper bounds of `values` (any order): class k holds v <= bounds[k] (and above
// bounds[k-1]). Quantiles: about as many values in each; equal intervals: equal widths from the
// smallest to the largest. Repeated bounds are merged, so there may be fewer than `classes`.
std::vector<double> classBreaks(std::vector<double> values, int classes, ClassMethod method);
// The class of `value` for those bounds: the first bound at or above it (the last class if
// above all).
std::size_t classOf(double value, const std::vector<double>& bounds);

// The field's value as a number, if it is one ("1,200" is not; " 12.5 " is).
std::optional<double> numberIn(std::string_view text);

// What each feature gets and what the legend says.
struct Classification {
  std::vector<LegendEntry> legend;
  std::vector<Rgba> featureColour;  // opaque, one per feature
};
// Categories: the nine most frequent values get the palette's colours in the values' order,
// the rest (and features without the field) "other". Graduated: features whose value is no
// number are "no value". Single: every feature `baseColour`.
Classification classify(const Layer& layer, const Symbology& style, Rgba baseColour);

// Applies layer.symbology to its features' fill, outline and marker colours and outline widths,
// and sets layer.legend. Polygons get the colour at fillOpacity with a dark outline (the
// single style: the colour itself), lines and points the colour itself.
void applySymbology(Layer& layer);

// Why the style cannot apply to the layer (a field it lacks), or empty.
std::string symbologyProblem(const Layer& layer, const Symbology& style);

// The command line's --style: comma-separated settings, e.g. "categories=type,label=name",
// "graduated=population,classes=4,method=equal", "colour=#0072b2,opacity=0.3,outline=2".
// Returns the style or a message saying what is wrong.
std::variant<Symbology, std::string> parseSymbology(std::string_view text);

// What the attribution line and the About panel say for a user's layer: "source: FILE,
// LICENCE", or "source: FILE, licence unknown" until the file's metadata or the user tells.
std::string userLayerAttribution(std::string_view fileName, std::string_view licence);
// The licence the user typed (once: it stays with the layer, and its workspace): sets
// layer.licence and the attribution naming the layer's file (a database's table).
void setLicence(Layer& layer, std::string_view licence);

}  // namespace idlib
