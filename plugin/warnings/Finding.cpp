// Finding.cpp — warning names and RC_NOWARN suppression (see Finding.h).
#include "Finding.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclBase.h"
#include <cassert>

using namespace clang;

namespace autorc {
namespace warnings {

static const char *const Names[NumWarningKinds] = {"cycle", "global", "escape"};

llvm::StringRef warningName(WarningKind K) { return Names[static_cast<unsigned>(K)]; }

bool warningFromName(llvm::StringRef Name, WarningKind &K) {
  for (unsigned I = 0; I < NumWarningKinds; ++I)
    if (Name == Names[I]) {
      K = static_cast<WarningKind>(I);
      return true;
    }
  return false;
}

std::string validWarningNames() {
  std::string S;
  for (unsigned I = 0; I < NumWarningKinds; ++I) {
    if (I)
      S += ", ";
    S += Names[I];
  }
  return S;
}

FindingNote findingNote(SourceLocation Loc, diag::ID Id, llvm::ArrayRef<std::string> Args) {
  assert(diag::entry(Id).Sev == diag::Severity::Note && "not a note");
  return {Loc, diag::format(Id, Args)};
}

void Finding::set(diag::ID Id, llvm::ArrayRef<std::string> Args) {
  assert(diag::entry(Id).Sev == diag::Severity::Warning && "not a warning");
  bool Known = warningFromName(diag::entry(Id).Group, Kind);
  assert(Known && "a warning's group is a warning name");
  (void)Known;
  Message = diag::format(Id, Args);
}

static bool hasNowarn(const Decl *D, WarningKind K) {
  std::string One = ("autorc_nowarn(" + warningName(K) + ")").str();
  for (const Decl *R : D->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      llvm::StringRef N = A->getAnnotation();
      if (N == One || N == "autorc_nowarn(all)" || N == "autorc_nowarn()")
        return true;
    }
  return false;
}

bool suppressedAt(const Decl *D, WarningKind K) {
  while (D) {
    if (hasNowarn(D, K))
      return true;
    const DeclContext *DC = D->getLexicalDeclContext();
    if (!DC || isa<TranslationUnitDecl>(DC))
      return false;
    D = Decl::castFromDeclContext(DC);
  }
  return false;
}

} // namespace warnings
} // namespace autorc
