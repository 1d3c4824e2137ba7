#pragma once
// Whether an export may write where the user asked: never onto one of its inputs or the bundled
// data, never with a name that hides what it is, never into a folder that is not there.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

struct ProtectedFiles {
  std::vector<std::filesystem::path> inputs;   // files this run reads (layers, events, story)
  std::vector<std::filesystem::path> folders;  // nothing may be written inside (bundled data)
};

// Why `path` may not be written, or nothing. `option` names it in the message ("--export");
// `extensions` are the endings allowed (".png"); `alsoWritten` are the files written beside it
// (a PNG's world file), which must not overwrite anything either.
std::optional<std::string> refuseOutput(std::string_view option, const std::filesystem::path& path,
                                        const std::vector<std::string_view>& extensions,
                                        const ProtectedFiles& protectedFiles,
                                        const std::vector<std::filesystem::path>& alsoWritten = {});

// Whether `source` names a database, not a file: GDAL's "PG:host=... dbname=..." (any case) or a
// "postgresql://" URL. No export can overwrite it, and no file check applies to it.
bool isDatabaseConnection(std::string_view source);

// The files a georeferenced PNG export writes beside `png`: its world file and its CRS.
std::vector<std::filesystem::path> pngSidecars(const std::filesystem::path& png);

}  // namespace idlib
