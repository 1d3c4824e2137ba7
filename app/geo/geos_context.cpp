#include "geo/geos_context.hpp"

#include <cstdarg>
#include <cstdio>

namespace idlib::geos {
namespace {
void storeMessage(const char* message, void* userdata) {
  *static_cast<std::string*>(userdata) = message ? message : "";
}
}  // namespace

Context::Context() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, storeMessage, &lastError_);
  GEOSContext_setNoticeMessageHandler_r(handle_, nullptr, nullptr);
}

Context::~Context() {
  GEOS_finish_r(handle_);
}

}  // namespace idlib::geos
