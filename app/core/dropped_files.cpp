#include "core/dropped_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <set>
#include <string_view>

#include "core/workspace.hpp"

namespace idlib {
namespace fs = std::filesystem;
namespace {

// Endings of the vector formats GDAL reads that an analyst is likely to have.
constexpr std::array<std::string_view, 21> kMapFiles = {
    ".csv",      ".tsv",      ".xlsx",     ".ods", ".gpkg", ".geojson", ".json",
    ".geojsonl", ".geojsons", ".topojson", ".shp", ".kml",  ".kmz",     ".gml",
    ".gpx",      ".fgb",      ".sqlite",   ".tab", ".mif",  ".dxf",     ".gdb"};
// A shapefile's companions: read through its .shp.
constexpr std::array<std::string_view, 8> kShapefileParts = {".dbf", ".shx", ".prj", ".cpg",
                                                             ".qix", ".sbn", ".sbx", ".xml"};

std::string ending(const fs::path& path) {
  std::string s = path.extension().string();
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

template <std::size_t N>
bool isOneOf(const std::string& ending, const std::array<std::string_view, N>& endings) {
  return std::find(endings.begin(), endings.end(), ending) != endings.end();
}

bool isSource(const fs::path& path, std::error_code& ec) {
  const bool folder = fs::is_directory(path, ec);
  return isOneOf(ending(path), kMapFiles) && (folder == (ending(path) == ".gdb"));
}

// A companion of a shapefile whose .shp is there too.
bool isShapefilePart(const fs::path& path) {
  if (!isOneOf(ending(path), kShapefileParts)) return false;
  fs::path stem = path;
  stem.replace_extension();
  if (ending(path) == ".xml") stem.replace_extension();  // x.shp.xml
  std::error_code ec;
  return fs::exists(fs::path(stem).replace_extension(".shp"), ec) ||
         fs::exists(fs::path(stem).replace_extension(".SHP"), ec);
}

}  // namespace

bool hasMapFileEnding(const std::string& name) {
  return isOneOf(ending(fs::path(name)), kMapFiles);
}

bool hasArticleEnding(const std::string& name) {
  const std::string e = ending(fs::path(name));
  return e == ".txt" || e == ".html" || e == ".htm";
}

namespace {

class Planner {
 public:
  explicit Planner(std::size_t maxFiles) : maxFiles_(maxFiles) {}

  void add(const std::string& dropped) {
    const fs::path path(dropped);
    std::error_code ec;
    if (!fs::exists(path, ec)) return problem(Severity::Error, dropped, "not found");
    if (fs::is_directory(path, ec) && ending(path) != ".gdb") return addFolder(path);
    if (hasWorkspaceEnding(dropped)) return plan_.workspaces.push_back(dropped);
    if (hasArticleEnding(dropped)) return plan_.articles.push_back(dropped);
    if (isSource(path, ec)) return take(path);
    if (isShapefilePart(path)) return;  // its .shp loads it, dropped or not
    problem(Severity::Warning, dropped,
            fmt::format("not a map or table file Idlib Atlas reads (it reads {})",
                        fmt::join(kMapFiles, " ")));
  }

  DropPlan take() && {
    if (beyond_ > 0)
      plan_.problems.push_back(
          {Severity::Warning, fmt::format("{} more files were dropped than the {} loaded at a "
                                          "time; drop them again afterwards",
                                          beyond_, maxFiles_)});
    return std::move(plan_);
  }

 private:
  void addFolder(const fs::path& folder) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
      entries.push_back(entry.path());
    if (ec) return problem(Severity::Error, folder.string(), "cannot be read: " + ec.message());
    std::sort(entries.begin(), entries.end());
    std::vector<std::string> leftOut;
    for (const fs::path& entry : entries) {
      if (hasWorkspaceEnding(entry.string()))
        continue;  // a folder's workspace would replace what the rest of it adds
      if (isSource(entry, ec))
        take(entry);
      else if (!fs::is_directory(entry, ec) && !isShapefilePart(entry))
        leftOut.push_back(entry.filename().string());
    }
    if (leftOut.empty()) return;
    const std::size_t shown = std::min<std::size_t>(leftOut.size(), 3);
    problem(Severity::Info, folder.string(),
            fmt::format("{} file{} of no map or table kind left out ({}{})", leftOut.size(),
                        leftOut.size() == 1 ? "" : "s",
                        fmt::join(leftOut.begin(), leftOut.begin() + shown, ", "),
                        leftOut.size() > shown ? ", ..." : ""));
  }

  void take(const fs::path& path) {
    std::error_code ec;
    fs::path same = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) same = path.lexically_normal();
    if (!seen_.insert(same).second) return;  // dropped twice, or with its folder
    if (plan_.files.size() == maxFiles_) {
      ++beyond_;
      return;
    }
    plan_.files.push_back(path.string());
  }

  void problem(Severity severity, const std::string& path, const std::string& why) {
    plan_.problems.push_back({severity, fmt::format("{}: {}", path, why)});
  }

  std::size_t maxFiles_;
  DropPlan plan_;
  std::set<fs::path> seen_;
  std::size_t beyond_ = 0;
};

}  // namespace

DropPlan planDrop(const std::vector<std::string>& dropped, std::size_t maxFiles) {
  Planner planner(maxFiles);
  for (const std::string& path : dropped)
    planner.add(path);
  return std::move(planner).take();
}

}  // namespace idlib
