#pragma once
// A file's bytes read once, start to end, without copying them (issue 12: a big table's first
// open scans it for quotes while GDAL reads it).
#include <functional>
#include <string>
#include <string_view>

namespace idlib {

// Feeds the bytes of `path` to `feed` in blocks, in order, from a read-only mapping whose pages
// are given back behind the scan, so a file of gigabytes never sits in memory; where it cannot
// be mapped (not a regular file), read through a stream instead. Nothing for a file that cannot
// be read. `feed` returns true to stop.
void scanFile(const std::string& path, const std::function<bool(std::string_view)>& feed);

}  // namespace idlib
