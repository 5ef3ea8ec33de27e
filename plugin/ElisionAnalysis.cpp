// ElisionAnalysis.cpp — see ElisionAnalysis.h.
#include "ElisionAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <vector>

using namespace clang;

namespace autorc {

namespace {
// Does a body (given which functions are still assumed release-free) do
// anything that may release?
class ReleaseFinder : public RecursiveASTVisitor<ReleaseFinder> {
public:
  ReleaseFinder(const ManagedTypes &MT, const std::set<const FunctionDecl *> &Safe)
      : MT(MT), Safe(Safe) {}
  bool Releases = false;

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && MT.slotKindOf(VD) != SlotKind::None &&
        MT.slotKindOf(VD) != SlotKind::Unowned)
      Releases = true;
    return !Releases;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && MT.isManagedPtr(BO->getLHS()->getType()) &&
        MT.slotKindOf(BO->getLHS()) != SlotKind::Unowned)
      Releases = true;
    return !Releases;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    // &p of a managed slot may let a callee store through it.
    if (UO->getOpcode() == UO_AddrOf && MT.isManagedPtr(UO->getSubExpr()->getType()))
      Releases = true;
    return !Releases;
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee) {
      Releases = true;
      return false;
    }
    if (MT.returnsOwned(Callee)) {
      Releases = true;
      return false;
    }
    if (Callee->hasBody() && !MT.isUntouchable(Callee->getLocation())) {
      if (!Safe.count(Callee->getCanonicalDecl()))
        Releases = true;
      return !Releases;
    }
    // Outside user code (libc, the runtime): harmless only if no managed
    // pointer reaches it.
    for (const Expr *A : C->arguments())
      if (MT.isManagedPtr(A->IgnoreParenImpCasts()->getType()))
        Releases = true;
    return !Releases;
  }

private:
  const ManagedTypes &MT;
  const std::set<const FunctionDecl *> &Safe;
};
} // namespace

ElisionAnalysis::ElisionAnalysis(const ManagedTypes &MT, TranslationUnitDecl *TU) {
  std::vector<const FunctionDecl *> Fns;
  for (Decl *D : TU->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody() && !MT.isUntouchable(FD->getLocation())) {
        Fns.push_back(FD);
        Safe.insert(FD->getCanonicalDecl());
      }
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const FunctionDecl *FD : Fns) {
      if (!Safe.count(FD->getCanonicalDecl()))
        continue;
      ReleaseFinder F(MT, Safe);
      F.TraverseStmt(FD->getBody());
      if (F.Releases) {
        Safe.erase(FD->getCanonicalDecl());
        Changed = true;
      }
    }
  }
}

} // namespace autorc
