// SystemPaths.h — which system headers are the toolchain's and the C
// library's (never rewritten, never checked) and which are user code that
// reached the compile through -isystem: CMake passes the include
// directories of imported targets that way, so a library of managed types
// found there is instrumented like a header found through -I.
#ifndef AUTORC_PLUGIN_SYSTEMPATHS_H
#define AUTORC_PLUGIN_SYSTEMPATHS_H

#include "llvm/ADT/StringRef.h"

namespace autorc {

// A path under the standard include and library trees (also inside a
// sysroot), clang's resource directory, GCC's, or an Apple SDK.
inline bool isToolchainHeaderPath(llvm::StringRef P) {
  if (P.empty())
    return true; // <built-in>, <command line>, module buffers
  static const char *const Parts[] = {"/usr/include/", "/usr/local/include/", "/usr/lib/",
                                      "/usr/lib64/",   "/lib/clang/",         "/lib/gcc/",
                                      ".sdk/",         "/Library/Developer/"};
  for (const char *Part : Parts)
    if (P.contains(Part))
      return true;
  return false;
}

} // namespace autorc

#endif
