#pragma once
// --extract ARTICLE: candidate events from a news article, printed as CSV or JSON.
#include "ui/command_line.hpp"

namespace idlib {

// Exit codes: 0 printed; 1 the article cannot be read (missing, a folder, binary, too big);
// 2 a bad option value.
int runExtract(const Options& options);

}  // namespace idlib
