#pragma once
// GDAL's drivers, registered once for the process. GDALAllRegister is not safe to run on two
// threads at once, and the layers and the dated data are read on threads of their own.

namespace idlib {

void registerGdalDrivers();

}  // namespace idlib
