// ManualCountCheck.cpp — [autorc-manual] rc_incref/rc_decref written by hand
// on a managed pointer in code the plugin counts (as Objective-C ARC forbids
// explicit retain/release).
//
// In a file the plugin rewrites, every strong local, parameter, field and
// global is already retained and released. A hand-written rc_decref(x) is a
// second release: x is freed while its slot still points at it, and the
// slot's own release then fails (`autorc: fatal: ... double release`) or
// frees another object. A hand-written rc_incref(x) keeps nothing alive: its
// +1 result is released at the end of the full expression unless a strong
// slot takes it, where a plain store would have retained anyway — whatever
// the argument (an RC_UNOWNED slot, a `void *`). So rc_incref is refused
// wherever it is written, rc_decref on a managed pointer (RC_UNOWNED slots
// included: the plugin reads them into counted temporaries); rc_decref of a
// `void *` holding a reference taken outside the plugin's view stays the
// programmer's. The runtime functions say so by an annotation in <autorc.h>
// (autorc_counts_by_hand), not by name.
// Not run with -fplugin-arg-autorc-analyze-only: the code is then compiled
// as written, and counting by hand is what it needs.
#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace autorc {

namespace {
class ManualCountCheck : public UserCodeVisitor<ManualCountCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || C->getNumArgs() != 1 || !countsByHand(F))
      return true;
    const Expr *Arg = C->getArg(0)->IgnoreParenImpCasts();
    bool Releases = !MT.returnsOwned(F);
    if (Releases && !MT.isManagedPtr(Arg->getType()))
      return true;
    report(C, F->getName(), Releases);
    return true;
  }

private:
  static bool countsByHand(const FunctionDecl *F) {
    for (const FunctionDecl *R : F->redecls())
      if (ManagedTypes::hasAnnotation(R, "autorc_counts_by_hand"))
        return true;
    return false;
  }
  void report(const CallExpr *C, StringRef Name, bool Releases) {
    D.report(C->getBeginLoc(), Releases ? diag::ManualRelease : diag::ManualRetain,
             {Name.str()});
  }
};
} // namespace

void runManualCountCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  ManualCountCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
