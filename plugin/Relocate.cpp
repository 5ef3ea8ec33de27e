// Relocate.cpp — see Relocate.h.
#include "Relocate.h"
#include "Compat.h"
#include "clang/Basic/FileManager.h"

using namespace clang;

namespace autorc {

FileID relocateFile(SourceManager &SM, llvm::StringRef Name, bool Create) {
  if (Name.empty())
    return FileID();
  if (Name == compat::fileName(SM, SM.getMainFileID()))
    return SM.getMainFileID();
  auto FE = SM.getFileManager().getFileRef(Name);
  if (!FE) {
    llvm::consumeError(FE.takeError());
    return FileID();
  }
  FileID F = SM.translateFile(*FE);
  if (F.isInvalid() && Create)
    F = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
  return F;
}

SourceLocation relocate(SourceManager &SM, llvm::StringRef Name, unsigned Offset, bool Create) {
  FileID F = relocateFile(SM, Name, Create);
  return F.isValid() ? SM.getLocForStartOfFile(F).getLocWithOffset(Offset) : SourceLocation();
}

} // namespace autorc
