#include "geo/gdal_drivers.hpp"

#include <gdal/gdal.h>

#include <mutex>

namespace idlib {

void registerGdalDrivers() {
  static std::once_flag registered;
  std::call_once(registered, GDALAllRegister);
}

}  // namespace idlib
