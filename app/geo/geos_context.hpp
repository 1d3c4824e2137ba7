#pragma once
// RAII for GEOS: a context per thread and geometries that free themselves.
#include <geos_c.h>

#include <memory>

namespace idlib::geos {

class Context {
 public:
  Context();
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  GEOSContextHandle_t get() const { return handle_; }

 private:
  GEOSContextHandle_t handle_;
};

struct GeometryDeleter {
  GEOSContextHandle_t context;
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context, g); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

inline Geometry own(const Context& c, GEOSGeometry* g) {
  return Geometry(g, {c.get()});
}

}  // namespace idlib::geos
