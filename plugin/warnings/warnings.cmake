# The autorc warnings: compiled into the plugin (autorc.so) and into the
# clang-tidy module (autorc-tidy.so), one implementation for both.
set(AUTORC_WARNING_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/Finding.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/CycleCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/GlobalCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/EscapeCheck.cpp)
target_sources(autorc_plugin PRIVATE ${AUTORC_WARNING_SOURCES}
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/DiagControl.cpp)

# autorc-tidy.so: `clang-tidy --load=autorc-tidy.so -checks=-*,autorc-*`.
# Like the plugin, a MODULE that links nothing: every Clang and clang-tidy
# symbol comes from the clang-tidy process. The clang-tidy headers ship in
# Debian's libclang-NN-dev; without them the module is skipped.
set(AUTORC_TIDY_HEADER ${AUTORC_LLVM_ROOT}/include/clang-tidy/ClangTidyCheck.h)
if(EXISTS ${AUTORC_TIDY_HEADER})
  # The whole analysis but the plugin's registration, for autorc-errors.
  set(AUTORC_TIDY_ANALYSIS_SOURCES ${AUTORC_PLUGIN_SOURCES})
  list(REMOVE_ITEM AUTORC_TIDY_ANALYSIS_SOURCES AutorcAction.cpp)
  add_library(autorc_tidy MODULE
    ${CMAKE_CURRENT_SOURCE_DIR}/tidy/AutorcTidyModule.cpp
    ${AUTORC_TIDY_ANALYSIS_SOURCES}
    ${AUTORC_WARNING_SOURCES}
    ${CMAKE_CURRENT_SOURCE_DIR}/warnings/DiagControl.cpp)
  set_target_properties(autorc_tidy PROPERTIES
    OUTPUT_NAME autorc-tidy
    PREFIX ""
    CXX_STANDARD 17
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF
    POSITION_INDEPENDENT_CODE ON
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  target_include_directories(autorc_tidy SYSTEM PRIVATE ${AUTORC_LLVM_ROOT}/include)
  target_compile_definitions(autorc_tidy PRIVATE
    AUTORC_LLVM_MAJOR=${AUTORC_LLVM_VERSION} _GNU_SOURCE __STDC_CONSTANT_MACROS
    __STDC_FORMAT_MACROS __STDC_LIMIT_MACROS)
  target_compile_options(autorc_tidy PRIVATE -fno-rtti -fPIC -fvisibility-inlines-hidden
    -Wall -Wno-unused-parameter -Wno-comment)
  if(APPLE)
    target_link_options(autorc_tidy PRIVATE -undefined dynamic_lookup)
  else()
    target_link_options(autorc_tidy PRIVATE -Wl,--unresolved-symbols=ignore-all)
  endif()
  find_program(AUTORC_CLANG_TIDY NAMES clang-tidy
    PATHS ${AUTORC_LLVM_ROOT}/bin NO_DEFAULT_PATH)
else()
  message(STATUS "autorc: no clang-tidy headers under ${AUTORC_LLVM_ROOT}/include: "
                 "autorc-tidy.so is not built")
endif()
