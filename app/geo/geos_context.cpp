#include "geo/geos_context.hpp"

namespace idlib::geos {

// Without message handlers GEOS stays quiet; problems come back as results the callers check.
Context::Context() : handle_(GEOS_init_r()) {}

Context::~Context() {
  GEOS_finish_r(handle_);
}

}  // namespace idlib::geos
