#include "core/layer_style.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>

#include "core/format.hpp"
#include "core/layer.hpp"

namespace idlib {
namespace {

// Paul Tol, "Colour schemes" (SRON/EPS/TN/09-002, 2021), the muted scheme in his order: rose,
// indigo, sand, green, cyan, wine, teal, olive, purple.
constexpr std::array<Rgba, kCategoryColours> kMuted = {rgb(0xcc6677), rgb(0x332288), rgb(0xddcc77),
                                                       rgb(0x117733), rgb(0x88ccee), rgb(0x882255),
                                                       rgb(0x44aa99), rgb(0x999933), rgb(0xaa4499)};

// Viridis at nine even steps (viridisLite::viridis(9), the matplotlib colour map).
constexpr std::array<Rgba, 9> kViridis = {rgb(0x440154), rgb(0x472d7b), rgb(0x3b528b),
                                          rgb(0x2c728e), rgb(0x21908c), rgb(0x27ad81),
                                          rgb(0x5dc863), rgb(0xaadc32), rgb(0xfde725)};

// Polygons of a categorised or graduated layer are told apart by their fills; a dark outline
// keeps neighbours of one class apart.
constexpr Rgba kClassOutline = rgb(0x3c3c3c);

Rgba withAlpha(Rgba c, float share) {
  c.a = static_cast<std::uint8_t>(std::lround(std::clamp(share, 0.f, 1.f) * 255));
  return c;
}

// "12.5", "1,200", "0.0031": short, as a legend writes numbers.
std::string shortNumber(double v) {
  if (std::abs(v) >= 1000 && std::abs(v) < 1e15 && v == std::floor(v))
    return withThousands(static_cast<long long>(v));
  return fmt::format("{:.4g}", v);
}

Classification byCategory(const Layer& layer, const std::string& field) {
  std::map<std::string, std::size_t> counts;
  for (const Feature& f : layer.features)
    if (const std::string* v = f.attribute(field)) ++counts[*v];
  // The most frequent values get colours, in the values' (alphabetical) order.
  std::vector<std::pair<std::string, std::size_t>> byCount(counts.begin(), counts.end());
  std::stable_sort(byCount.begin(), byCount.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (byCount.size() > kCategoryColours) byCount.resize(kCategoryColours);
  std::sort(byCount.begin(), byCount.end());
  Classification out;
  std::map<std::string, Rgba> colourOf;
  for (std::size_t i = 0; i < byCount.size(); ++i) {
    colourOf[byCount[i].first] = kMuted[i];
    out.legend.push_back({byCount[i].first.empty() ? "(empty)" : byCount[i].first, kMuted[i]});
  }
  bool others = false;
  for (const Feature& f : layer.features) {
    const std::string* v = f.attribute(field);
    const auto it = v ? colourOf.find(*v) : colourOf.end();
    others = others || it == colourOf.end();
    out.featureColour.push_back(it == colourOf.end() ? kOtherColour : it->second);
  }
  if (others) out.legend.push_back({"other", kOtherColour});
  return out;
}

Classification byClass(const Layer& layer, const Symbology& style) {
  std::vector<std::optional<double>> values;
  std::vector<double> numbers;
  for (const Feature& f : layer.features) {
    const std::string* v = f.attribute(style.field);
    values.push_back(v ? numberIn(*v) : std::nullopt);
    if (values.back()) numbers.push_back(*values.back());
  }
  Classification out;
  const std::vector<double> bounds = classBreaks(numbers, style.classes, style.method);
  const std::vector<Rgba> colours = viridis(bounds.size());
  const double lowest = numbers.empty() ? 0 : *std::min_element(numbers.begin(), numbers.end());
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    const double from = k == 0 ? lowest : bounds[k - 1];
    out.legend.push_back({from == bounds[k]
                              ? shortNumber(from)
                              : fmt::format("{} – {}", shortNumber(from), shortNumber(bounds[k])),
                          colours[k]});
  }
  bool missing = false;
  for (const auto& v : values) {
    missing = missing || !v;
    out.featureColour.push_back(v ? colours[classOf(*v, bounds)] : kOtherColour);
  }
  if (missing) out.legend.push_back({"no value", kOtherColour});
  return out;
}

}  // namespace

Rgba categoryColour(std::size_t index) {
  return index < kMuted.size() ? kMuted[index] : kOtherColour;
}

std::vector<Rgba> viridis(std::size_t count) {
  std::vector<Rgba> out;
  for (std::size_t i = 0; i < count; ++i) {
    const double t = count == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(count - 1);
    const double at = t * (kViridis.size() - 1);
    const auto k = std::min(static_cast<std::size_t>(at), kViridis.size() - 2);
    const double share = at - static_cast<double>(k);
    const auto mix = [&](std::uint8_t a, std::uint8_t b) {
      return static_cast<std::uint8_t>(std::lround(a + (b - a) * share));
    };
    const Rgba a = kViridis[k], b = kViridis[k + 1];
    out.push_back({mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 255});
  }
  return out;
}

std::vector<double> classBreaks(std::vector<double> values, int classes, ClassMethod method) {
  std::vector<double> bounds;
  if (values.empty() || classes < 1) return bounds;
  std::sort(values.begin(), values.end());
  const auto n = static_cast<std::size_t>(classes);
  for (std::size_t k = 1; k <= n; ++k) {
    if (method == ClassMethod::EqualIntervals) {
      bounds.push_back(k == n ? values.back()
                              : values.front() + (values.back() - values.front()) *
                                                     static_cast<double>(k) / classes);
    } else {
      // The value at the k-th n-tile's end (nearest rank).
      const std::size_t rank = (k * values.size() + n - 1) / n;
      bounds.push_back(values[std::max<std::size_t>(rank, 1) - 1]);
    }
  }
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  return bounds;
}

std::size_t classOf(double value, const std::vector<double>& bounds) {
  const auto it = std::lower_bound(bounds.begin(), bounds.end(), value);
  return it == bounds.end() ? bounds.size() - 1 : static_cast<std::size_t>(it - bounds.begin());
}

std::optional<double> numberIn(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

Classification classify(const Layer& layer, const Symbology& style, Rgba baseColour) {
  switch (style.kind) {
    case StyleKind::Categories:
      return byCategory(layer, style.field);
    case StyleKind::Graduated:
      return byClass(layer, style);
    case StyleKind::Single:
      break;
  }
  Classification out;
  out.legend.push_back({layer.title, baseColour});
  out.featureColour.assign(layer.features.size(), baseColour);
  return out;
}

void applySymbology(Layer& layer) {
  const Symbology& s = layer.symbology;
  const Rgba base = s.colour.value_or(layer.style.outline);
  Classification c = classify(layer, s, base);
  std::vector<bool> isPoint(layer.features.size(), false);
  for (const std::uint32_t f : layer.pointFeatures)
    isPoint[f] = true;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    Feature& f = layer.features[i];
    const Rgba colour = c.featureColour[i];
    const bool polygon = f.triangleVertexCount > 0;
    f.fill = withAlpha(colour, s.fillOpacity);
    f.outline = polygon && s.kind != StyleKind::Single ? kClassOutline : colour;
    f.outlineWidthPx = s.outlineWidthPx;
    f.marker = isPoint[i] ? colour : f.marker;
  }
  layer.legend = std::move(c.legend);
  // The layer's own style says the same (its single colour), for whoever reads it.
  layer.style.fill = withAlpha(base, s.fillOpacity);
  layer.style.point = base;
  layer.style.outlineWidthPx = s.outlineWidthPx;
}

std::string symbologyProblem(const Layer& layer, const Symbology& style) {
  const auto lacks = [&](const std::string& field) {
    return !field.empty() &&
           std::find(layer.fields.begin(), layer.fields.end(), field) == layer.fields.end();
  };
  const std::string fields = fmt::format("{}", fmt::join(layer.fields, ", "));
  if (style.kind != StyleKind::Single && lacks(style.field))
    return fmt::format("{} has no field '{}' (its fields: {})", layer.title, style.field, fields);
  if (lacks(style.labelField))
    return fmt::format("{} has no field '{}' to label with (its fields: {})", layer.title,
                       style.labelField, fields);
  return {};
}

std::variant<Symbology, std::string> parseSymbology(std::string_view text) {
  Symbology s;
  for (const std::string& item : splitList(text, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos)
      return fmt::format("'{}': expected NAME=VALUE (e.g. categories=FIELD)", item);
    const std::string key(trim(std::string_view(item).substr(0, eq)));
    const std::string value(trim(std::string_view(item).substr(eq + 1)));
    if (value.empty()) return fmt::format("'{}': no value", item);
    if (key == "categories" || key == "graduated") {
      s.kind = key == "categories" ? StyleKind::Categories : StyleKind::Graduated;
      s.field = value;
    } else if (key == "label") {
      s.labelField = value;
    } else if (key == "method") {
      if (value != "quantiles" && value != "equal")
        return fmt::format("method '{}': expected quantiles or equal", value);
      s.method = value == "equal" ? ClassMethod::EqualIntervals : ClassMethod::Quantiles;
    } else if (key == "classes") {
      const auto n = numberIn(value);
      if (!n || *n != std::floor(*n) || *n < 2 || *n > 9)
        return fmt::format("classes '{}': expected a whole number from 2 to 9", value);
      s.classes = static_cast<int>(*n);
    } else if (key == "colour" || key == "color") {
      std::uint32_t hex = 0;
      const char* begin = value.data() + (value.front() == '#' ? 1 : 0);
      const auto [end, error] = std::from_chars(begin, value.data() + value.size(), hex, 16);
      if (error != std::errc() || end != value.data() + value.size() || end - begin != 6)
        return fmt::format("colour '{}': expected #RRGGBB", value);
      s.colour = rgb(hex);
    } else if (key == "opacity" || key == "outline") {
      const auto v = numberIn(value);
      const double most = key == "opacity" ? 1 : 20;
      if (!v || *v < 0 || *v > most)
        return fmt::format("{} '{}': expected a number from 0 to {}", key, value, most);
      (key == "opacity" ? s.fillOpacity : s.outlineWidthPx) = static_cast<float>(*v);
    } else {
      return fmt::format(
          "'{}': unknown setting (categories, graduated, classes, method, colour, opacity, "
          "outline, label)",
          key);
    }
  }
  return s;
}

std::string userLayerAttribution(std::string_view fileName, std::string_view licence) {
  const std::string_view said = trim(licence);
  return fmt::format("source: {}, {}", fileName, said.empty() ? "licence unknown" : said);
}

void setLicence(Layer& layer, std::string_view licence) {
  layer.licence = trim(licence);
  const std::string& path = layer.sourcePath;
  const bool database = path.starts_with("PG:") || path.find("://") != std::string::npos;
  const std::size_t slash = path.find_last_of('/');
  layer.attribution = userLayerAttribution(
      database ? layer.sourceLayerName
               : std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1),
      layer.licence);
}

}  // namespace idlib
