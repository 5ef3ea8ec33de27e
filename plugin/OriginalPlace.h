// OriginalPlace.h — where a place of the user's original text (file name,
// offset), found by the nested analysis parse, shows in the user's compile,
// which may see the rewritten text of that file, whose columns differ on
// rewritten lines. A place on a line the rewrite left alone is reported in
// the real file; one on a changed line in a copy of the original text under
// the same name, so line, column and caret line match what the user wrote
// (SARIF, which needs a real file: the same token on the rewritten line).
// Used by the autorc warnings (warnings/DiagControl.cpp) and clang's own
// warnings replayed from the nested parse (ClangWarnings.cpp).
#ifndef AUTORC_PLUGIN_ORIGINALPLACE_H
#define AUTORC_PLUGIN_ORIGINALPLACE_H

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <memory>
#include <string>

namespace clang {
class CompilerInstance;
} // namespace clang

namespace autorc {

class OriginalPlaces {
public:
  explicit OriginalPlaces(clang::CompilerInstance &CI) : CI(CI) {}
  // The location of Offset bytes into File's original text (invalid if the
  // compile cannot find the file).
  clang::SourceLocation locate(const std::string &File, unsigned Offset);

private:
  struct FileInfo {
    clang::FileID Current;                         // the file as this compile sees it
    std::unique_ptr<llvm::MemoryBuffer> Orig; // the user's text
    clang::FileID OrigCopy;                        // a copy of it, made on demand
    bool Same = true;                       // the compile sees the user's text
  };

  FileInfo &info(const std::string &Name);
  static bool isWord(char C);
  // The column in New of the token at column Col of Old (the k-th
  // occurrence of the same word), or Col clamped to New's length.
  static unsigned sameToken(llvm::StringRef Old, size_t Col, llvm::StringRef New);

  clang::CompilerInstance &CI;
  std::map<std::string, FileInfo> Files;
};

} // namespace autorc

#endif
