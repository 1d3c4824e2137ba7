#pragma once
// Small fixtures the tests write themselves, in a fresh temporary folder per test.
#include <filesystem>
#include <string>
#include <vector>

namespace idlib::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void writeText(const std::filesystem::path& path, const std::string& text);

// A GeoPackage layer with `wkts` as features named "f0", "f1"...; `epsg` 0 for no CRS.
void writeGeoPackage(const std::filesystem::path& path, const std::string& layer, int epsg,
                     const std::vector<std::string>& wkts);

}  // namespace idlib::test
