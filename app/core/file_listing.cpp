#include "core/file_listing.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <tuple>

#include "core/dropped_files.hpp"
#include "core/text_safety.hpp"

namespace idlib {
namespace fs = std::filesystem;

FolderListing listFolder(const fs::path& folder, bool onlyMapFiles, std::size_t maxEntries) {
  FolderListing out;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.error = escapeControlCharacters(folder.string()) + ": " + ec.message();
    return out;
  }
  std::vector<FolderEntry> all;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;  // a folder that changes under us: what was read is shown
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code kindError;
    // A .gdb folder is one source (FileGDB): a file to open, not a folder to enter.
    const bool folderEntry = it->is_directory(kindError) && !hasMapFileEnding(name);
    if (!folderEntry && onlyMapFiles && !hasMapFileEnding(name)) continue;
    all.push_back({it->path(), escapeControlCharacters(name), folderEntry});
  }
  // Folders first, then by name as the user reads it (case ignored), then by bytes.
  const auto key = [](const FolderEntry& e) {
    std::string lower = e.shown;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::tuple(!e.folder, lower, e.path.filename().string());
  };
  const auto byKey = [&](const FolderEntry& a, const FolderEntry& b) { return key(a) < key(b); };
  if (all.size() > maxEntries) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(maxEntries), all.end(),
                      byKey);
    out.leftOut = all.size() - maxEntries;
    all.resize(maxEntries);
  } else {
    std::sort(all.begin(), all.end(), byKey);
  }
  out.entries = std::move(all);
  return out;
}

std::vector<Place> places(const std::string& dataDir, const std::optional<fs::path>& lastFile) {
  std::vector<Place> candidates;
  if (const char* home = std::getenv("HOME"); home && *home) candidates.push_back({"Home", home});
  if (!dataDir.empty()) candidates.push_back({"Bundled data", fs::path(dataDir) / "geodata"});
  if (lastFile) candidates.push_back({"Last folder", lastFile->parent_path()});
  candidates.push_back({"/media", "/media"});
  candidates.push_back({"/mnt", "/mnt"});
  std::vector<Place> out;
  for (Place& p : candidates) {
    std::error_code ec;
    if (fs::is_directory(p.path, ec)) out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> withRecentFile(std::vector<std::string> recent, const std::string& opened,
                                        std::size_t maxFiles) {
  if (opened.empty() || opened.find_first_of("\r\n") != std::string::npos) return recent;
  std::erase(recent, opened);
  recent.insert(recent.begin(), opened);
  if (recent.size() > maxFiles) recent.resize(maxFiles);
  return recent;
}

std::vector<std::string> parseRecentFiles(const std::string& text, std::size_t maxFiles) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; out.size() < maxFiles && std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && std::find(out.begin(), out.end(), line) == out.end()) out.push_back(line);
  }
  return out;
}

std::string recentFilesText(const std::vector<std::string>& recent) {
  std::string out;
  for (const std::string& path : recent)
    out += path + '\n';
  return out;
}

fs::path configFile(const std::string& name) {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (config && *config) return fs::path(config) / "idlib-atlas" / name;
  if (home && *home) return fs::path(home) / ".config" / "idlib-atlas" / name;
  return {};
}

}  // namespace idlib
