#pragma once
// What the in-app file chooser shows: a folder's entries (folders first, sorted, filtered to map
// and table files, bounded), its places and the recent files. Pure of ImGui: reads folder
// listings and one small text file, nothing else.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace idlib {

struct FolderEntry {
  std::filesystem::path path;
  std::string shown;  // the name made displayable: control characters and bad UTF-8 escaped
  bool folder = false;
};

struct FolderListing {
  std::vector<FolderEntry> entries;  // folders first, then files, each sorted by name
  std::size_t leftOut = 0;           // entries beyond the bound, not listed
  std::string error;                 // why the folder could not be read; empty if it could
};

// The folders and (when `onlyMapFiles`) only the map and table files of `folder`; hidden
// entries (a leading '.') left out; at most `maxEntries`, the rest counted in `leftOut`.
FolderListing listFolder(const std::filesystem::path& folder, bool onlyMapFiles = true,
                         std::size_t maxEntries = 5000);

struct Place {
  std::string label;
  std::filesystem::path path;
};
// Home, the bundled geodata/, the folder of the last file opened, /media and /mnt: those that
// exist.
std::vector<Place> places(const std::string& dataDir,
                          const std::optional<std::filesystem::path>& lastFile);

// The recent files, newest first: `opened` put in front, once, at most `maxFiles` kept. A path
// with a line break cannot be kept in the one-path-a-line file, so it is not.
std::vector<std::string> withRecentFile(std::vector<std::string> recent, const std::string& opened,
                                        std::size_t maxFiles = 20);
std::vector<std::string> parseRecentFiles(const std::string& text, std::size_t maxFiles = 20);
std::string recentFilesText(const std::vector<std::string>& recent);
// $XDG_CONFIG_HOME/idlib-atlas/NAME, else ~/.config/idlib-atlas/NAME; empty when neither is set.
std::filesystem::path configFile(const std::string& name);

}  // namespace idlib
