// Compat.h — the few Clang API differences between LLVM 14 and 19 that the
// autorc plugin meets, behind one spelling each.
#ifndef AUTORC_PLUGIN_COMPAT_H
#define AUTORC_PLUGIN_COMPAT_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace autorc {
namespace compat {

inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
#if AUTORC_LLVM_MAJOR >= 16
  return S.starts_with(Prefix);
#else
  return S.startswith(Prefix);
#endif
}

inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
#if AUTORC_LLVM_MAJOR >= 16
  return S.ends_with(Suffix);
#else
  return S.endswith(Suffix);
#endif
}

// The name a FileID was opened under ("" for buffers without a file).
inline std::string fileName(const clang::SourceManager &SM, clang::FileID FID) {
  if (auto FE = SM.getFileEntryRefForID(FID))
    return FE->getName().str();
  return std::string();
}

} // namespace compat
} // namespace autorc

#endif
