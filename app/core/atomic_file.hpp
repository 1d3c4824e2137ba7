#pragma once
// Writing a user's file so it is never left half-written: the text goes to a temporary file in
// the same folder, is flushed to disk, then renamed over the target in one step.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace idlib {

// Returns an error message naming the file, or nothing on success.
std::optional<std::string> writeFileAtomically(const std::filesystem::path& path,
                                               std::string_view content);

}  // namespace idlib
