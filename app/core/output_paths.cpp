#include "core/output_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace idlib {
namespace fs = std::filesystem;
namespace {

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  const fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p, ec).lexically_normal() : r;
}

bool sameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);  // links too
  return resolved(a) == resolved(b);
}

bool isInside(const fs::path& file, const fs::path& folder) {
  const fs::path f = resolved(file), d = resolved(folder);
  auto [end, unused] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
  return end == d.end() && !d.empty();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

bool isDatabaseConnection(std::string_view source) {
  const std::string start = lower(std::string(source.substr(0, 13)));
  return start.starts_with("pg:") || start.starts_with("postgresql://");
}

std::vector<fs::path> pngSidecars(const fs::path& png) {
  return {fs::path(png).replace_extension(".wld"), fs::path(png.string() + ".aux.xml")};
}

std::optional<std::string> refuseOutput(std::string_view option, const fs::path& path,
                                        const std::vector<std::string_view>& extensions,
                                        const ProtectedFiles& protectedFiles,
                                        const std::vector<fs::path>& alsoWritten) {
  const std::string shown = fmt::format("{} '{}'", option, path.string());
  const std::string extension = lower(path.extension().string());
  if (std::find(extensions.begin(), extensions.end(), extension) == extensions.end())
    return fmt::format("{}: the file name must end in {}", shown, fmt::join(extensions, " or "));
  std::error_code ec;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::exists(folder, ec))
    return fmt::format("{}: the folder {} does not exist", shown, folder.string());
  if (!fs::is_directory(folder, ec))
    return fmt::format("{}: {} is not a folder", shown, folder.string());
  if (fs::is_directory(path, ec)) return fmt::format("{}: is a folder", shown);
  std::vector<fs::path> written{path};
  written.insert(written.end(), alsoWritten.begin(), alsoWritten.end());
  for (const fs::path& out : written) {
    for (const fs::path& input : protectedFiles.inputs)
      if (!isDatabaseConnection(input.string()) && sameFile(out, input))
        return fmt::format("{}: would overwrite an input ({}); choose another file name", shown,
                           input.string());
    for (const fs::path& data : protectedFiles.folders)
      if (isInside(out, data))
        return fmt::format("{}: would overwrite the bundled data ({}); choose another folder",
                           shown, data.string());
  }
  return std::nullopt;
}

}  // namespace idlib
