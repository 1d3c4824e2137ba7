#pragma once
#include <string>

namespace idlib {

// 948000 -> "948,000": figures as people read them, whatever the process locale.
std::string withThousands(long long n);

}  // namespace idlib
