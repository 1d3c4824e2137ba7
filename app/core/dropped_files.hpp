#pragma once
// What a drop of files and folders on the window asks to load: the map and table files, each
// once, a folder's files by name, a bounded number of them; what cannot load is said, not lost.
#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace idlib {

struct DropPlan {
  std::vector<std::string> files;       // to load, in the order dropped
  std::vector<std::string> workspaces;  // NAME.workspace.json files: opened, not loaded as layers
  std::vector<std::string> articles;    // .txt and .html files: read in the Articles panel
  std::vector<Notice> problems;         // what was dropped and will not load, and why
};

// Expands each folder to the map and table files directly in it (its workspaces are left to a
// drop of the file itself) (a .gdb folder is one source);
// leaves out a shapefile's companions (.dbf, .shx, .prj...) where its .shp is loaded; reports
// missing paths, files of no known kind and files beyond `maxFiles`. Reads only folder listings.
DropPlan planDrop(const std::vector<std::string>& dropped, std::size_t maxFiles = 200);

// A name ending like a map or table file GDAL reads (.gpkg, .csv, .shp...; case ignored).
bool hasMapFileEnding(const std::string& name);
// A news article: .txt, .html or .htm (case ignored).
bool hasArticleEnding(const std::string& name);

}  // namespace idlib
