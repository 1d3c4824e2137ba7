# Installed like a desktop application: the binary in bin/, the data it reads in
# share/idlib-atlas/ (found from the binary by defaultDataDir()), a .desktop file and the icon
# where freedesktop.org desktops look for them. `cpack` in the build folder makes a Debian package.
# Shaders are embedded in the binary and fonts are found through fontconfig: neither is installed.

install(TARGETS idlib-atlas RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The bundled data with its sources (the About panel points to geodata/SOURCES-*.md).
install(DIRECTORY geodata/ DESTINATION ${IDLIB_INSTALL_DATADIR}/geodata
        FILES_MATCHING PATTERN "*.csv" PATTERN "*.geojson" PATTERN "*.md")
install(DIRECTORY assets/stories DESTINATION ${IDLIB_INSTALL_DATADIR}/assets)

install(FILES assets/desktop/idlib-atlas.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES assets/icons/idlib-atlas.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 24 32 48 64 128 256)
  install(FILES assets/icons/hicolor/${size}x${size}/idlib-atlas.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/idlib-atlas)

# The Debian package: Depends come from dpkg-shlibdeps on the binary (libsdl2, libgdal32,
# libproj25, libgeos-c1v5, libicu72, ...), plus what the app opens without linking to it:
# libepoxy loads libGL/libEGL at run time and fontconfig must find DejaVu Sans.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME idlib-atlas)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "The war in Idlib, 2017-2020, on an interactive map")
set(CPACK_PACKAGE_DESCRIPTION "Governorate boundaries, towns, the Turkish observation posts, \
the areas of control and the front line as they moved, the reported events and the displacement \
of civilians in north-west Syria from 2017 to 2020, driven by a date slider; every mark says \
where it comes from.")
set(CPACK_PACKAGE_CONTACT
    "Seed 87a80116 maintainers <maintainers@users.noreply.h-seed-87a80116.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1, libegl1, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri, ffmpeg")
include(CPack)
