#include "core/workspace.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/text_safety.hpp"

namespace idlib {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

constexpr int kWorkspaceVersion = 1;
constexpr std::string_view kVersionKey = "idlib_atlas_workspace";

constexpr std::array<std::pair<LayerRole, std::string_view>, 4> kBundledNames = {
    {{LayerRole::Admin1, "admin1"},
     {LayerRole::Countries, "countries"},
     {LayerRole::Towns, "towns"},
     {LayerRole::Villages, "villages"}}};

constexpr std::array<TimeMode, 4> kTimeModes = {TimeMode::Off, TimeMode::Period,
                                                TimeMode::Accumulate, TimeMode::Window};

// The column mapping's fields and the dated layers' switches with their names in the file.
constexpr std::array<std::pair<std::string_view, std::string ColumnMapping::*>, 11> kColumnFields =
    {{{"date", &ColumnMapping::date},
      {"date_format", &ColumnMapping::dateFormat},
      {"latitude", &ColumnMapping::latitude},
      {"longitude", &ColumnMapping::longitude},
      {"type", &ColumnMapping::type},
      {"actor1", &ColumnMapping::actor1},
      {"actor2", &ColumnMapping::actor2},
      {"location", &ColumnMapping::location},
      {"notes", &ColumnMapping::notes},
      {"fatalities", &ColumnMapping::fatalities},
      {"source", &ColumnMapping::source}}};
constexpr std::array<std::pair<std::string_view, bool TimeLayerSettings::*>, 6> kDatedSwitches = {
    {{"areas", &TimeLayerSettings::areas},
     {"front", &TimeLayerSettings::front},
     {"posts", &TimeLayerSettings::posts},
     {"events", &TimeLayerSettings::events},
     {"flows", &TimeLayerSettings::flows},
     {"arrivals", &TimeLayerSettings::arrivals}}};

constexpr std::array<std::pair<StyleKind, std::string_view>, 3> kStyleKinds = {
    {{StyleKind::Single, "single"},
     {StyleKind::Categories, "categories"},
     {StyleKind::Graduated, "graduated"}}};
constexpr std::array<std::pair<ClassMethod, std::string_view>, 2> kClassMethods = {
    {{ClassMethod::Quantiles, "quantiles"}, {ClassMethod::EqualIntervals, "equal"}}};

template <class T, std::size_t N>
std::string_view nameOf(const std::array<std::pair<T, std::string_view>, N>& names, T value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return names.front().second;
}

std::string hexColour(Rgba c) {
  return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

// Both under the same folder below the root (/home/me, /tmp...): the workspace and its data
// likely move together.
bool shareAFolder(const fs::path& a, const fs::path& b) {
  auto ai = a.begin(), bi = b.begin();
  if (ai == a.end() || bi == b.end() || *ai != *bi) return false;  // the root
  ++ai, ++bi;
  return ai != a.end() && bi != b.end() && *ai == *bi && std::next(ai) != a.end();
}

std::string pathToSave(const std::string& source, const fs::path& folder) {
  if (!isLocalFile(source)) return removeSecrets(source);
  const fs::path path = fs::path(source).lexically_normal();
  if (!path.is_absolute() || !shareAFolder(path, folder)) return path.string();
  return path.lexically_relative(folder).string();
}

std::string pathRead(const std::string& saved, const fs::path& folder) {
  if (saved.empty() || !isLocalFile(saved) || fs::path(saved).is_absolute()) return saved;
  return (folder / saved).lexically_normal().string();
}

// The workspace file's folder, absolute: where its relative paths start.
fs::path folderOf(const fs::path& file) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec);
  return (ec ? file : absolute).lexically_normal().parent_path();
}

// An opacity as written: 0.8, not the float's 0.800000011920929.
double saved(float fraction) {
  return std::round(static_cast<double>(fraction) * 1000) / 1000;
}

ordered_json styleJson(const Symbology& style) {
  ordered_json j{{"kind", nameOf(kStyleKinds, style.kind)}};
  if (!style.field.empty()) j["field"] = style.field;
  if (style.kind == StyleKind::Graduated) {
    j["method"] = nameOf(kClassMethods, style.method);
    j["classes"] = style.classes;
  }
  if (style.colour) j["colour"] = hexColour(*style.colour);
  j["fill_opacity"] = saved(style.fillOpacity);
  j["outline_width"] = saved(style.outlineWidthPx);
  if (!style.labelField.empty()) j["label"] = style.labelField;
  return j;
}

ordered_json layerJson(const WorkspaceLayer& layer, const fs::path& folder) {
  ordered_json j;
  for (const auto& [role, name] : kBundledNames)
    if (role == layer.bundled) j["bundled"] = name;
  if (layer.bundled == LayerRole::Generic) {
    j["path"] = pathToSave(layer.path, folder);
    if (!layer.sourceLayer.empty()) j["source_layer"] = layer.sourceLayer;
  }
  if (!layer.name.empty()) j["name"] = layer.name;
  j["visible"] = layer.visible;
  j["opacity"] = saved(layer.opacity);
  if (layer.time.mode != TimeMode::Off)
    j["time"] = {{"mode", timeModeName(layer.time.mode)},
                 {"start", layer.time.startField},
                 {"end", layer.time.endField}};
  if (layer.style) j["style"] = styleJson(*layer.style);
  if (!layer.licence.empty()) j["licence"] = layer.licence;
  return j;
}

ordered_json eventSourceJson(const EventSource& source, const fs::path& folder) {
  ordered_json j{{"path", pathToSave(source.path, folder)}};
  if (!source.name.empty()) j["name"] = source.name;
  ordered_json columns = ordered_json::object();
  for (const auto& [key, field] : kColumnFields)
    if (!(source.columns.*field).empty()) columns[key] = source.columns.*field;
  if (source.columns.useGeometry) columns["use_geometry"] = true;
  if (!columns.empty()) j["columns"] = std::move(columns);
  return j;
}

// Reading: each value checked, each problem thrown with the key's path in the file.
struct BadKey {
  std::string key, expected;
};

class Reader {
 public:
  Reader(const ordered_json& j, std::string key) : j_(j), key_(std::move(key)) {}

  bool has(std::string_view name) const { return j_.contains(name); }
  Reader at(std::string_view name) const {
    std::string key = key_.empty() ? std::string(name) : fmt::format("{}.{}", key_, name);
    if (!j_.contains(name)) throw BadKey{std::move(key), "is missing"};
    return {j_.at(name), std::move(key)};
  }
  Reader at(std::size_t i) const { return {j_.at(i), fmt::format("{}[{}]", key_, i)}; }
  std::size_t arraySize() const {
    if (!j_.is_array()) fail("expected a list [...]");
    return j_.size();
  }
  void expectObject() const {
    if (!j_.is_object()) fail("expected an object {...}");
  }
  std::string text() const {
    if (!j_.is_string()) fail("expected a text in quotes");
    return j_.get<std::string>();
  }
  bool flag() const {
    if (!j_.is_boolean()) fail("expected true or false");
    return j_.get<bool>();
  }
  double number(double low, double high) const {
    if (!j_.is_number() || !std::isfinite(j_.get<double>()) || j_.get<double>() < low ||
        j_.get<double>() > high)
      fail(fmt::format("expected a number from {} to {}", low, high));
    return j_.get<double>();
  }
  [[noreturn]] void fail(std::string expected) const { throw BadKey{key_, std::move(expected)}; }

  // Optional keys: set `out` only when the key is there.
  void read(std::string_view name, std::string& out) const {
    if (has(name)) out = at(name).text();
  }
  void read(std::string_view name, bool& out) const {
    if (has(name)) out = at(name).flag();
  }

 private:
  const ordered_json& j_;
  std::string key_;
};

template <class T, std::size_t N>
T readName(const Reader& r, const std::array<std::pair<T, std::string_view>, N>& names) {
  const std::string name = r.text();
  for (const auto& [value, n] : names)
    if (n == name) return value;
  std::string expected = "expected";
  for (std::size_t i = 0; i < N; ++i)
    expected += fmt::format("{} {}", i == 0 ? "" : i + 1 == N ? " or" : ",", names[i].second);
  r.fail(expected);
}

Rgba readColour(const Reader& r) {
  const std::string text = r.text();
  std::uint32_t hex = 0;
  const char* end = text.data() + text.size();
  if (text.size() != 7 || text[0] != '#' ||
      std::from_chars(text.data() + 1, end, hex, 16).ptr != end)
    r.fail("expected a colour, #RRGGBB");
  return rgb(hex);
}

Symbology readStyle(const Reader& r) {
  r.expectObject();
  Symbology style;
  style.kind = readName(r.at("kind"), kStyleKinds);
  r.read("field", style.field);
  if (style.kind != StyleKind::Single && style.field.empty())
    r.fail("expected \"field\": the field the colours follow");
  if (r.has("method")) style.method = readName(r.at("method"), kClassMethods);
  if (r.has("classes")) style.classes = static_cast<int>(r.at("classes").number(2, 9));
  if (r.has("colour")) style.colour = readColour(r.at("colour"));
  if (r.has("fill_opacity"))
    style.fillOpacity = static_cast<float>(r.at("fill_opacity").number(0, 1));
  if (r.has("outline_width"))
    style.outlineWidthPx = static_cast<float>(r.at("outline_width").number(0, 50));
  r.read("label", style.labelField);
  return style;
}

TemporalSetting readTime(const Reader& r) {
  r.expectObject();
  TemporalSetting time;
  const std::string mode = r.at("mode").text();
  const auto found = std::find_if(kTimeModes.begin(), kTimeModes.end(),
                                  [&](TimeMode m) { return timeModeName(m) == mode; });
  if (found == kTimeModes.end()) r.at("mode").fail("expected off, period, accumulate or window");
  time.mode = *found;
  r.read("start", time.startField);
  r.read("end", time.endField);
  if (time.mode != TimeMode::Off && time.startField.empty())
    r.fail("expected \"start\": the field holding each feature's date");
  return time;
}

WorkspaceLayer readLayer(const Reader& r, const fs::path& folder) {
  r.expectObject();
  WorkspaceLayer layer;
  if (r.has("bundled")) {
    const std::string name = r.at("bundled").text();
    const auto found = std::find_if(kBundledNames.begin(), kBundledNames.end(),
                                    [&](const auto& b) { return b.second == name; });
    if (found == kBundledNames.end()) r.at("bundled").fail("expected admin1, countries or towns");
    layer.bundled = found->first;
  } else {
    if (!r.has("path")) r.fail("expected a \"path\" (or \"bundled\") key");
    layer.path = pathRead(r.at("path").text(), folder);
    if (layer.path.empty()) r.at("path").fail("expected a file or a connection, not nothing");
    r.read("source_layer", layer.sourceLayer);
  }
  r.read("name", layer.name);
  r.read("visible", layer.visible);
  if (r.has("opacity")) layer.opacity = static_cast<float>(r.at("opacity").number(0, 1));
  if (r.has("time")) layer.time = readTime(r.at("time"));
  if (r.has("style")) layer.style = readStyle(r.at("style"));
  r.read("licence", layer.licence);
  return layer;
}

EventSource readEventSource(const Reader& r, const fs::path& folder) {
  r.expectObject();
  EventSource source;
  source.path = pathRead(r.at("path").text(), folder);
  if (source.path.empty()) r.at("path").fail("expected a file or a connection, not nothing");
  r.read("name", source.name);
  if (r.has("columns")) {
    const Reader columns = r.at("columns");
    columns.expectObject();
    for (const auto& [key, field] : kColumnFields)
      columns.read(key, source.columns.*field);
    columns.read("use_geometry", source.columns.useGeometry);
  }
  return source;
}

// "compare": {"mode": "change", "date": "2020-02-01", "swipe": 0.5}; "off" reads as none.
std::optional<Comparison> readComparison(const Reader& r) {
  r.expectObject();
  const auto mode = parseCompareMode(r.at("mode").text());
  if (!mode) r.at("mode").fail("expected swipe, side-by-side, change or off");
  if (*mode == CompareMode::Off) return std::nullopt;
  Comparison c{.mode = *mode};
  const auto before = parseDate(r.at("date").text());
  if (!before) r.at("date").fail("expected date A, YYYY-MM-DD");
  c.before = *before;
  if (r.has("swipe")) c.swipe = static_cast<float>(r.at("swipe").number(0, 1));
  return c;
}

Workspace readWorkspace(const Reader& r, const fs::path& folder) {
  r.expectObject();
  if (!r.has(kVersionKey))
    r.fail(
        fmt::format("expected an Idlib Atlas workspace, with \"{}\": {} (to add a map file, "
                    "use --layer or File > Add layer...)",
                    kVersionKey, kWorkspaceVersion));
  if (r.at(kVersionKey).number(1, 1e9) > kWorkspaceVersion)
    r.at(kVersionKey)
        .fail(fmt::format("expected version {} (written by a newer Idlib Atlas?)",
                          kWorkspaceVersion));
  Workspace w;
  if (r.has("layers"))
    for (std::size_t i = 0, n = r.at("layers").arraySize(); i < n; ++i)
      w.layers.push_back(readLayer(r.at("layers").at(i), folder));
  if (r.has("event_sources"))
    for (std::size_t i = 0, n = r.at("event_sources").arraySize(); i < n; ++i)
      w.eventSources.push_back(readEventSource(r.at("event_sources").at(i), folder));
  if (r.has("view")) {
    const Reader v = r.at("view");
    v.expectObject();
    w.view = ViewArgument{{v.at("longitude").number(-180, 180), v.at("latitude").number(-85, 85)},
                          v.at("zoom").number(0, 22)};
  }
  if (r.has("date")) {
    w.date = parseDate(r.at("date").text());
    if (!w.date) r.at("date").fail("expected a date, YYYY-MM-DD");
  }
  if (r.has("window_days")) w.windowDays = r.at("window_days").number(0, 36500);
  if (r.has("compare")) w.comparison = readComparison(r.at("compare"));
  if (r.has("dated_layers")) {
    const Reader d = r.at("dated_layers");
    d.expectObject();
    for (const auto& [key, field] : kDatedSwitches)
      d.read(key, w.datedLayers.*field);
    if (d.has("areas_opacity"))
      w.datedLayers.areasOpacity = static_cast<float>(d.at("areas_opacity").number(0, 1));
    if (d.has("events_opacity"))
      w.datedLayers.eventsOpacity = static_cast<float>(d.at("events_opacity").number(0, 1));
    if (d.has("hidden_event_sources")) {  // tables by number: 0 the bundled events, then ours
      const Reader hidden = d.at("hidden_event_sources");
      for (std::size_t i = 0, n = hidden.arraySize(); i < n; ++i) {
        const double table = hidden.at(i).number(0, 1000);
        if (table != std::floor(table)) hidden.at(i).fail("expected a table's number, 0 to 1000");
        auto& flags = w.datedLayers.hiddenEventSources;
        flags.resize(std::max(flags.size(), static_cast<std::size_t>(table) + 1));
        flags[static_cast<std::size_t>(table)] = true;
      }
    }
  }
  if (r.has("panels")) {
    const Reader p = r.at("panels");
    p.expectObject();
    p.read("about", w.panels.about);
    p.read("data_problems", w.panels.dataProblems);
    p.read("export", w.panels.exporter);
  }
  r.read("high_contrast", w.highContrast);
  if (r.has("story")) w.story = pathRead(r.at("story").text(), folder);
  return w;
}

}  // namespace

bool isLocalFile(std::string_view source) {
  if (source.starts_with("/vsi") || source.find("://") != std::string_view::npos) return false;
  // GDAL's connection prefixes: "PG:", "MySQL:", "WFS:"... (two letters or more before ':').
  const auto colon = source.find(':');
  if (colon == std::string_view::npos || colon < 2) return true;
  return !std::all_of(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(colon),
                      [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::string serializeWorkspace(const Workspace& w, const fs::path& file) {
  const fs::path folder = folderOf(file);
  ordered_json j;
  j[kVersionKey] = kWorkspaceVersion;
  j["layers"] = ordered_json::array();
  for (const WorkspaceLayer& layer : w.layers)
    j["layers"].push_back(layerJson(layer, folder));
  j["event_sources"] = ordered_json::array();
  for (const EventSource& source : w.eventSources)
    j["event_sources"].push_back(eventSourceJson(source, folder));
  if (w.view)
    j["view"] = {{"longitude", w.view->centre.lon},
                 {"latitude", w.view->centre.lat},
                 {"zoom", w.view->zoom}};
  if (w.date) j["date"] = formatDate(*w.date);
  j["window_days"] = w.windowDays;
  if (w.comparison && w.comparison->mode != CompareMode::Off)
    j["compare"] = {{"mode", std::string(compareModeName(w.comparison->mode))},
                    {"date", formatDate(w.comparison->before)},
                    {"swipe", saved(w.comparison->swipe)}};
  ordered_json dated;
  for (const auto& [key, field] : kDatedSwitches)
    dated[key] = w.datedLayers.*field;
  dated["areas_opacity"] = saved(w.datedLayers.areasOpacity);
  dated["events_opacity"] = saved(w.datedLayers.eventsOpacity);
  ordered_json hidden = ordered_json::array();
  for (std::size_t i = 0; i < w.datedLayers.hiddenEventSources.size(); ++i)
    if (w.datedLayers.hiddenEventSources[i]) hidden.push_back(i);
  if (!hidden.empty()) dated["hidden_event_sources"] = std::move(hidden);
  j["dated_layers"] = std::move(dated);
  j["panels"] = {{"about", w.panels.about},
                 {"data_problems", w.panels.dataProblems},
                 {"export", w.panels.exporter}};
  j["high_contrast"] = w.highContrast;
  if (!w.story.empty()) j["story"] = pathToSave(w.story, folder);
  return j.dump(2) + "\n";
}

Parsed<Workspace> parseWorkspace(std::string_view text, const fs::path& file) {
  const ordered_json j = ordered_json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    // nlohmann's own message names the line and column; the parse is done again for it.
    try {
      const ordered_json again = ordered_json::parse(text);
      (void)again;
    } catch (const ordered_json::exception& e) {  // a parse error, or a number out of range
      std::string why = e.what();
      if (const auto at = why.find("parse error"); at != std::string::npos) why.erase(0, at);
      return fmt::format("{}: not a workspace: the JSON has a {}", file.string(), why);
    }
    return fmt::format("{}: not a workspace: not JSON", file.string());
  }
  try {
    return readWorkspace(Reader(j, ""), folderOf(file));
  } catch (const BadKey& bad) {
    return bad.key.empty() ? fmt::format("{}: {}", file.string(), bad.expected)
                           : fmt::format("{}: {}: {}", file.string(), bad.key, bad.expected);
  } catch (const ordered_json::exception& e) {  // not expected: every value is checked first
    return fmt::format("{}: not a workspace ({})", file.string(), e.what());
  }
}

Parsed<Workspace> readWorkspaceFile(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return file.string() + ": is a folder, not a workspace file";
  const auto size = fs::file_size(file, ec);
  if (ec) return fmt::format("{}: cannot read the workspace: {}", file.string(), ec.message());
  if (size > kLargestWorkspace)
    return fmt::format("{}: is {:.1f} MB; a workspace may be at most 1 MB (is it a workspace?)",
                       file.string(), static_cast<double>(size) / (1024 * 1024));
  std::ifstream in(file, std::ios::binary);
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size)))
    return fmt::format("{}: cannot read the workspace", file.string());
  return parseWorkspace(text, file);
}

bool hasWorkspaceEnding(std::string_view name) {
  if (name.size() < kWorkspaceEnding.size()) return false;
  return std::equal(
      kWorkspaceEnding.begin(), kWorkspaceEnding.end(),
      name.end() - static_cast<std::ptrdiff_t>(kWorkspaceEnding.size()),
      [](char e, char c) { return e == std::tolower(static_cast<unsigned char>(c)); });
}

std::string withWorkspaceEnding(std::string typed) {
  if (hasWorkspaceEnding(typed)) return typed;
  if (typed.ends_with(".json")) typed.resize(typed.size() - 5);
  return typed + std::string(kWorkspaceEnding);
}

std::vector<Notice> takeOutMissingFiles(Workspace& w, const fs::path& file) {
  std::vector<Notice> notices;
  auto missing = [&](const std::string& path, const std::string& what) {
    std::error_code ec;
    if (path.empty() || !isLocalFile(path) || fs::exists(path, ec)) return false;
    notices.push_back({Severity::Warning,
                       fmt::format("{}: {}: {} is not there (moved or deleted?); the rest opens "
                                   "without it",
                                   file.string(), what, path)});
    return true;
  };
  std::erase_if(w.layers, [&](const WorkspaceLayer& l) {
    return l.bundled == LayerRole::Generic &&
           missing(l.path, fmt::format("layer '{}'", l.name.empty() ? l.path : l.name));
  });
  // A table taken out takes its place in the hidden tables' list with it (table i is source i+1).
  auto& hidden = w.datedLayers.hiddenEventSources;
  for (std::size_t i = 0; i < w.eventSources.size();) {
    const EventSource& s = w.eventSources[i];
    if (!missing(s.path, fmt::format("events '{}'", s.name.empty() ? s.path : s.name))) {
      ++i;
      continue;
    }
    w.eventSources.erase(w.eventSources.begin() + static_cast<std::ptrdiff_t>(i));
    if (i + 1 < hidden.size()) hidden.erase(hidden.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  if (missing(w.story, "story")) w.story.clear();
  return notices;
}

}  // namespace idlib
