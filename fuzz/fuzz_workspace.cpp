// Fuzzes the workspace reader (parseWorkspace): whatever the text, it returns a workspace or a
// message naming the file, and a workspace saved and read again is the same workspace.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/workspace.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path file = "/fuzz/study.workspace.json";
  const auto parsed = parseWorkspace(text, file);
  const auto* workspace = std::get_if<Workspace>(&parsed);
  if (!workspace) {
    if (std::get<std::string>(parsed).find("study.workspace.json") == std::string::npos)
      __builtin_trap();
    return 0;
  }
  if (!(workspace->windowDays >= 0 && std::isfinite(workspace->windowDays))) __builtin_trap();
  for (const WorkspaceLayer& l : workspace->layers)
    if (!(l.opacity >= 0 && l.opacity <= 1)) __builtin_trap();
  const std::string saved = serializeWorkspace(*workspace, file);
  const auto again = parseWorkspace(saved, file);
  const auto* reread = std::get_if<Workspace>(&again);
  if (!reread || serializeWorkspace(*reread, file) != saved) __builtin_trap();
  return 0;
}
