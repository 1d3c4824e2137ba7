#pragma once
// The start of a table for the column-mapping dialog: its columns, its first rows as text and each
// row's point, read through GDAL (CSV, TSV, XLSX, ODS, GeoPackage, PostGIS...).
#include <cstddef>
#include <string>
#include <variant>

#include "core/column_guess.hpp"

namespace idlib {

// The first layer of `path` with up to `rows` rows, or why it cannot be read.
std::variant<TableSample, std::string> readTableSample(const std::string& path,
                                                       std::size_t rows = 20);

// Whether `path` opens as a table with neither a geometry nor ACLED's event columns: one that a
// drop hands to the column-mapping dialog rather than loading as a layer with nothing to draw.
bool wantsColumnMapping(const std::string& path);

}  // namespace idlib
