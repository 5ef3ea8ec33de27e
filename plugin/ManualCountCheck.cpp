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
class ManualCountCheck : public RecursiveASTVisitor<ManualCountCheck> {
public:
  ManualCountCheck(const ManagedTypes &MT, DiagSink &D) : MT(MT), D(D) {}

  bool TraverseDecl(Decl *X) {
    if (X && !isa<TranslationUnitDecl>(X) && MT.isUntouchable(X->getLocation()))
      return true;
    return RecursiveASTVisitor<ManualCountCheck>::TraverseDecl(X);
  }
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
    if (Releases)
      D.error(C->getBeginLoc(),
              "[autorc-manual] " + Name.str() + "() of a managed pointer in code the plugin "
              "counts: the plugin already releases it, so this would release it twice; drop "
              "the call (assign NULL to a local or field to release it early), or compile "
              "code that counts by hand without the plugin");
    else
      D.error(C->getBeginLoc(),
              "[autorc-manual] " + Name.str() + "() in code the plugin counts keeps nothing "
              "alive: its +1 result is released at the end of the full expression, and a "
              "store into a strong local, field or global already retains; drop the call, "
              "or compile code that counts by hand without the plugin");
  }

  const ManagedTypes &MT;
  DiagSink &D;
};
} // namespace

void runManualCountCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  ManualCountCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
