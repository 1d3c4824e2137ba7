#pragma once
// File → Add events… and a dropped table the app does not recognise: which column is the date
// (and its format), the place (latitude and longitude, or the geometry), the type, actors and
// text, guessed from the table's names and first rows (core/column_guess) and shown on a preview
// of those rows as the loader will read them. Tables in ACLED's columns are added at once.
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/column_guess.hpp"
#include "core/event_source.hpp"
#include "ui/app_state.hpp"
#include "ui/layer_loader.hpp"

namespace idlib::panels {

struct ColumnMappingDialogState {
  std::deque<std::string> waiting;  // tables to read as events, one at a time
  std::string path;                 // the table shown
  std::future<std::variant<TableSample, std::string>> reading;  // its first rows, in the back
  std::optional<TableSample> sample;
  ColumnMapping mapping;
  std::vector<std::string> reasons;          // what the guess went by, and its doubts
  std::string name;                          // the source's name in the legend and the Events panel
  std::string message;                       // why the table cannot be read
  std::unique_ptr<BackgroundLoader> loader;  // reading the events added
};

// Shows the dialog for the first waiting table; its Add starts `dialog.loader`.
void columnMappingDialog(AppState& state, ColumnMappingDialogState& dialog);

}  // namespace idlib::panels
