#pragma once
// Problems found in the user's data: shown in the app, printed by the CLI, checked by tests.
#include <string>
#include <vector>

namespace idlib {

enum class Severity { Info, Warning, Error };

struct Notice {
  Severity severity = Severity::Warning;
  std::string message;  // names the file, the line or feature, and what was expected
};

inline const char* severityName(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

inline bool hasErrors(const std::vector<Notice>& notices) {
  for (const auto& n : notices)
    if (n.severity == Severity::Error) return true;
  return false;
}

}  // namespace idlib
