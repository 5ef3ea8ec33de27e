// Diagnostics.cpp — see Diagnostics.h.
#include "Diagnostics.h"
#include "Compat.h"
#include <cassert>

using namespace clang;

namespace autorc {
namespace diag {

namespace {
const Entry Entries[] = {
#define AUTORC_DIAG(Id, Group, Sev, Format) {#Id, #Group, Severity::Sev, Format},
#include "DiagCatalogue.def"
};
} // namespace

const Entry &entry(ID I) {
  assert(I < NumDiags && "not a catalogue id");
  return Entries[I];
}

std::string tagOf(ID I) { return std::string("autorc-") + entry(I).Group; }

std::string format(ID I, llvm::ArrayRef<std::string> Args) {
  std::string Out;
  for (const char *P = entry(I).Format; *P; ++P) {
    if (P[0] == '%' && P[1] >= '0' && P[1] <= '9') {
      unsigned N = unsigned(P[1] - '0');
      assert(N < Args.size() && "catalogue format uses a missing argument");
      if (N < Args.size())
        Out += Args[N];
      ++P;
      continue;
    }
    Out += *P;
  }
  return Out;
}

std::string printed(ID I, llvm::StringRef Text) {
  switch (entry(I).Sev) {
  case Severity::Error:
    return "[" + tagOf(I) + "] " + Text.str();
  case Severity::Warning:
    return Text.str() + " [" + tagOf(I) + "]";
  case Severity::Note:
    break;
  }
  return Text.str();
}

DiagnosticsEngine::Level level(Severity S) {
  switch (S) {
  case Severity::Error:
    return DiagnosticsEngine::Error;
  case Severity::Warning:
    return DiagnosticsEngine::Warning;
  case Severity::Note:
    break;
  }
  return DiagnosticsEngine::Note;
}

void report(DiagnosticsEngine &D, SourceLocation Loc, ID I, llvm::ArrayRef<std::string> Args) {
  unsigned CID = D.getCustomDiagID(level(entry(I).Sev), "%0");
  D.Report(Loc, CID) << printed(I, format(I, Args));
}

} // namespace diag

void DiagSink::report(SourceLocation Loc, diag::ID I, llvm::ArrayRef<std::string> Args) {
  SourceLocation FL = Loc.isValid() ? SM.getFileLoc(Loc) : Loc;
  PendingDiag P;
  P.Id = I;
  P.Text = diag::format(I, Args);
  if (FL.isValid()) {
    FileID F = SM.getFileID(FL);
    P.File = compat::fileName(SM, F);
    P.Offset = SM.getFileOffset(FL);
  }
  if (!Seen.insert({P.File, P.Offset, P.printed()}).second)
    return;
  if (P.isError())
    ++Errors;
  Out.push_back(std::move(P));
}

} // namespace autorc
