// Relocate.h — findings of the nested analysis parse are kept as (file
// name, offset) and reported in another compile (the user's own, or
// clang-tidy's): this is the one place that finds the file again in that
// compile's SourceManager. Used by the error reporter (AutorcConsumer.cpp),
// the warning reporter (warnings/DiagControl.cpp) and clang-tidy's
// autorc-errors check (tidy/AutorcTidyModule.cpp).
#ifndef AUTORC_PLUGIN_RELOCATE_H
#define AUTORC_PLUGIN_RELOCATE_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace autorc {

// The FileID under which SM knows the file Name: the main file, a file the
// compile entered (an included header), or — with Create — a new entry for
// a file the compile never entered. Invalid if there is none.
clang::FileID relocateFile(clang::SourceManager &SM, llvm::StringRef Name, bool Create);

// The location Offset bytes into that file (invalid if the file is not
// found).
clang::SourceLocation relocate(clang::SourceManager &SM, llvm::StringRef Name, unsigned Offset,
                               bool Create);

} // namespace autorc

#endif
