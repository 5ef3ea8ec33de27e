// OriginalPlace.cpp — see OriginalPlace.h.
#include "OriginalPlace.h"
#include "Relocate.h"
#include "clang/Frontend/CompilerInstance.h"
#include <algorithm>
#include <cctype>
#include <vector>

using namespace clang;

namespace autorc {

OriginalPlaces::FileInfo &OriginalPlaces::info(const std::string &Name) {
  auto It = Files.find(Name);
  if (It != Files.end())
    return It->second;
  FileInfo &I = Files[Name];
  SourceManager &SM = CI.getSourceManager();
  I.Current = relocateFile(SM, Name, /*Create=*/true);
  if (auto Buf = llvm::MemoryBuffer::getFile(Name))
    I.Orig = std::move(*Buf);
  if (I.Current.isValid() && I.Orig)
    I.Same = SM.getBufferData(I.Current) == I.Orig->getBuffer();
  return I;
}

SourceLocation OriginalPlaces::locate(const std::string &File, unsigned Offset) {
  FileInfo &I = info(File);
  SourceManager &SM = CI.getSourceManager();
  if (I.Current.isInvalid())
    return SourceLocation();
  if (I.Same || !I.Orig || Offset > I.Orig->getBufferSize())
    return SM.getLocForStartOfFile(I.Current).getLocWithOffset(Offset);
  // The rewritten text: same line, same column if the line is unchanged.
  llvm::StringRef O = I.Orig->getBuffer();
  size_t LineStart = O.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = (LineStart == llvm::StringRef::npos || Offset == 0) ? 0 : LineStart + 1;
  unsigned Line = 1 + unsigned(O.take_front(LineStart).count('\n'));
  size_t LineEnd = O.find('\n', Offset);
  llvm::StringRef OrigLine = O.slice(LineStart, LineEnd);
  bool Invalid = false;
  SourceLocation CurLine = SM.translateLineCol(I.Current, Line, 1);
  if (CurLine.isValid()) {
    llvm::StringRef C = SM.getBufferData(I.Current, &Invalid);
    unsigned Off = SM.getFileOffset(CurLine);
    llvm::StringRef NewLine = C.substr(Off).take_until([](char X) { return X == '\n'; });
    if (!Invalid && NewLine == OrigLine)
      return CurLine.getLocWithOffset(unsigned(Offset - LineStart));
#if AUTORC_LLVM_MAJOR >= 16
    // SARIF needs a real file: point at the same token on the rewritten
    // line (its column there); text output uses the original's copy.
    if (!Invalid && CI.getDiagnosticOpts().getFormat() == DiagnosticOptions::SARIF)
      return CurLine.getLocWithOffset(sameToken(OrigLine, Offset - LineStart, NewLine));
#endif
  }
  if (I.OrigCopy.isInvalid())
    I.OrigCopy = SM.createFileID(
        llvm::MemoryBuffer::getMemBufferCopy(I.Orig->getBuffer(), File), SrcMgr::C_User);
  return SM.getLocForStartOfFile(I.OrigCopy).getLocWithOffset(Offset);
}

bool OriginalPlaces::isWord(char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; }

unsigned OriginalPlaces::sameToken(llvm::StringRef Old, size_t Col, llvm::StringRef New) {
  size_t End = Col;
  while (End < Old.size() && isWord(Old[End]))
    ++End;
  if (End == Col)
    End = std::min(Col + 1, Old.size());
  llvm::StringRef Tok = Old.slice(Col, End);
  auto Occurrences = [&](llvm::StringRef Line, std::vector<size_t> &At) {
    for (size_t P = Line.find(Tok); P != llvm::StringRef::npos; P = Line.find(Tok, P + 1)) {
      bool Whole = (P == 0 || !isWord(Line[P - 1]) || !isWord(Tok.front())) &&
                   (P + Tok.size() >= Line.size() || !isWord(Line[P + Tok.size()]) ||
                    !isWord(Tok.back()));
      if (Whole)
        At.push_back(P);
    }
  };
  std::vector<size_t> O, N;
  Occurrences(Old, O);
  Occurrences(New, N);
  size_t K = std::find(O.begin(), O.end(), Col) - O.begin();
  if (!Tok.empty() && K < O.size() && K < N.size())
    return unsigned(N[K]);
  return unsigned(std::min(Col, New.size()));
}

} // namespace autorc
