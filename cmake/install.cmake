# cmake --install <build> --prefix P: the relocatable toolchain of
# ../shared/interface.md ("Installed toolchain"); docs/install.md says how to
# use it. Every installed file that names another does so relative to its own
# location (the driver from bin/, the CMake package from lib/cmake/autorc/,
# autorc.pc from lib/pkgconfig/), so a prefix can be moved or unpacked
# anywhere. The layout is fixed (lib/, not a multiarch libdir): the driver
# and the package files rely on it.
include(CMakePackageConfigHelpers)

install(FILES ${CMAKE_SOURCE_DIR}/runtime/include/autorc.h DESTINATION include)
install(TARGETS autorc_static autorc_shared ARCHIVE DESTINATION lib LIBRARY DESTINATION lib)
if(TARGET autorc_asan)
  install(TARGETS autorc_asan ARCHIVE DESTINATION lib)
endif()

if(TARGET autorc_plugin)
  install(TARGETS autorc_plugin LIBRARY DESTINATION lib/autorc)
  install(PROGRAMS ${CMAKE_BINARY_DIR}/plugin/sarif-names.py DESTINATION lib/autorc)
  if(TARGET autorc_tidy)
    install(TARGETS autorc_tidy LIBRARY DESTINATION lib/autorc)
  endif()
  install(PROGRAMS ${CMAKE_BINARY_DIR}/install/autorc-cc ${CMAKE_BINARY_DIR}/install/autorc-clangd
          DESTINATION bin)
endif()

# autorc.pc names libautorc-asan.a only when it is installed: with
# -DAUTORC_ASAN_RUNTIME=OFF, runtime_asan is absent (pkg-config prints an
# empty line) instead of a path to a missing file.
if(TARGET autorc_asan)
  set(AUTORC_PC_RUNTIME_ASAN "runtime_asan=\${libdir}/libautorc-asan.a")
else()
  set(AUTORC_PC_RUNTIME_ASAN "# runtime_asan: none (built with -DAUTORC_ASAN_RUNTIME=OFF)")
endif()
configure_file(${CMAKE_SOURCE_DIR}/cmake/autorc.pc.in ${CMAKE_BINARY_DIR}/install/autorc.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/install/autorc.pc DESTINATION lib/pkgconfig)

configure_file(${CMAKE_SOURCE_DIR}/cmake/autorc-config.cmake.in
               ${CMAKE_BINARY_DIR}/install/autorc-config.cmake @ONLY)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/install/autorc-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/install/autorc-config.cmake
              ${CMAKE_BINARY_DIR}/install/autorc-config-version.cmake
        DESTINATION lib/cmake/autorc)

# cpack -G DEB: autorc_<version>_<arch>.deb installing to /usr; its
# dependencies are the clang the plugin was built for and what
# autorc-clangd runs.
set(CPACK_PACKAGE_NAME autorc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "autorc maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "reference counting and a cycle collector for C, inserted by a Clang plugin")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "clang-${AUTORC_LLVM_VERSION}, libc6, python3, clangd-${AUTORC_LLVM_VERSION} | clangd")
include(CPack)
