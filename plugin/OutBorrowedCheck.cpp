// OutBorrowedCheck.cpp — [autorc-unsupported] the address of a counted slot
// passed to a parameter that stores a borrowed reference through it.
//
// rc_dict_next(d, &pos, (void **)&key, (void **)&val) with `rc_str *key`
// and `struct node *val` strong locals: the call writes the dict's own
// pointers into the locals without retaining them, and the locals' releases
// (the next store, the end of their scope) then free objects the dict still
// holds — a double release found only at run time. The parameter says so by
// an annotation in <autorc.h> (RC_OUT_BORROWED, autorc_out_borrowed), not by
// name. An RC_UNOWNED slot is what such a parameter expects; a weak slot is
// refused too (a raw store leaves it unregistered, so it is never zeroed).
#include "Checks.h"

using namespace clang;

namespace autorc {

namespace {
class OutBorrowedCheck : public UserCodeVisitor<OutBorrowedCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F)
      return true;
    for (unsigned I = 0; I < C->getNumArgs() && I < F->getNumParams(); ++I)
      if (outBorrowed(F, I))
        check(C, F, I);
    return true;
  }

private:
  // The annotation on the parameter of any declaration of F.
  static bool outBorrowed(const FunctionDecl *F, unsigned I) {
    for (const FunctionDecl *R : F->redecls())
      if (I < R->getNumParams() &&
          ManagedTypes::hasAnnotation(R->getParamDecl(I), "autorc_out_borrowed"))
        return true;
    return false;
  }
  void check(const CallExpr *C, const FunctionDecl *F, unsigned I) {
    const auto *UO = dyn_cast<UnaryOperator>(C->getArg(I)->IgnoreParenCasts());
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return;
    const Expr *Slot = UO->getSubExpr();
    SlotKind K = MT.slotKindOf(Slot);
    if (K == SlotKind::None || K == SlotKind::Unowned)
      return;
    std::string Param = F->getParamDecl(I)->getName().str();
    D.report(UO->getBeginLoc(), diag::OutBorrowedIntoSlot,
             {F->getName().str(), Param.empty() ? "#" + std::to_string(I + 1) : Param,
              MT.typeSpelling(Slot->getType())});
  }
};
} // namespace

void runOutBorrowedCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  OutBorrowedCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
