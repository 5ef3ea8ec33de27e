# The autorc warnings: compiled into the plugin (autorc.so) and into the
# clang-tidy module (autorc-tidy.so), one implementation for both.
set(AUTORC_WARNING_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/Finding.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/CycleCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/CycleNames.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/CycleEvidence.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/TypeCycles.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/GlobalCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/ClearingHelpers.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/EscapeCheck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/SlotFieldCheck.cpp)
target_sources(autorc_analysis PRIVATE ${AUTORC_WARNING_SOURCES}
  ${CMAKE_CURRENT_SOURCE_DIR}/warnings/DiagControl.cpp)

# autorc-tidy.so: `clang-tidy --load=autorc-tidy.so -checks=-*,autorc-*`.
# Like the plugin, a MODULE that links nothing: every Clang and clang-tidy
# symbol comes from the clang-tidy process. The clang-tidy headers ship in
# Debian's libclang-NN-dev; without them the module is skipped.
set(AUTORC_TIDY_HEADER ${AUTORC_LLVM_ROOT}/include/clang-tidy/ClangTidyCheck.h)
if(EXISTS ${AUTORC_TIDY_HEADER})
  # The whole analysis but the plugin's registration (for autorc-errors),
  # the same objects as the plugin's.
  add_library(autorc_tidy MODULE
    ${CMAKE_CURRENT_SOURCE_DIR}/tidy/AutorcTidyModule.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tidy/HostCheck.cpp
    $<TARGET_OBJECTS:autorc_analysis>)
  autorc_clang_module(autorc_tidy autorc-tidy)
  find_program(AUTORC_CLANG_TIDY NAMES clang-tidy
    PATHS ${AUTORC_LLVM_ROOT}/bin NO_DEFAULT_PATH)
else()
  message(STATUS "autorc: no clang-tidy headers under ${AUTORC_LLVM_ROOT}/include: "
                 "autorc-tidy.so is not built")
endif()
