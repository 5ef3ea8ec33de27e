// ElisionAnalysis.cpp — see ElisionAnalysis.h.
#include "ElisionAnalysis.h"
#include "WholeCopy.h"
#include "Contracts.h"
#include "MoveAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <vector>

using namespace clang;

namespace autorc {

namespace {
// Does a body (given which functions are still assumed release-free) do
// anything that may release?
//
// Strict (ElisionAnalysis::mayRelease): the variables in Skip — borrowed
// iteration variables — are neither counted locals nor counted stores, and a
// call passes only when it goes to Self (recursion) or to a function in Safe.
class ReleaseFinder : public RecursiveASTVisitor<ReleaseFinder> {
public:
  ReleaseFinder(const ManagedTypes &MT, const std::set<const FunctionDecl *> &Safe)
      : MT(MT), Safe(Safe) {}
  ReleaseFinder(const ManagedTypes &MT, const std::set<const FunctionDecl *> &Safe,
                const FunctionDecl *Self, const std::set<const VarDecl *> &Skip)
      : MT(MT), Safe(Safe), Strict(true), Self(Self), Skip(&Skip) {}
  bool Releases = false;

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && !skipped(VD) &&
        ((MT.slotKindOf(VD) != SlotKind::None && MT.slotKindOf(VD) != SlotKind::Unowned) ||
         MT.valueRecord(VD->getType()) || MT.valueRecordArray(VD->getType())))
      Releases = true; // a counted local (a struct held by value too) is released
    return !Releases;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() &&
        (MT.isManagedPtr(BO->getLHS()->getType()) || MT.copyRecord(BO->getLHS()->getType())) &&
        MT.slotKindOf(BO->getLHS()) != SlotKind::Unowned && !skipped(BO->getLHS()))
      Releases = true;
    return !Releases;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    // &p of a managed slot may let a callee store through it.
    if (UO->getOpcode() == UO_AddrOf && (MT.isManagedPtr(UO->getSubExpr()->getType()) ||
                                         MT.valueRecord(UO->getSubExpr()->getType())))
      Releases = true;
    return !Releases;
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee) {
      Releases = true;
      return false;
    }
    if (Strict) {
      if (MT.returnsOwned(Callee) ||
          !((Self && Callee->getCanonicalDecl() == Self->getCanonicalDecl()) ||
            Safe.count(Callee->getCanonicalDecl())))
        Releases = true;
      return !Releases;
    }
    if (MT.returnsOwned(Callee)) {
      Releases = true;
      return false;
    }
    if (MT.isRuntimeDecl(Callee)) {
      // The runtime can run finalizers (user code) almost anywhere; only
      // its pure readers (RC_READS_ONLY) are harmless.
      if (!contracts::readsOnly(Callee))
        Releases = true;
      return !Releases;
    }
    if (!MT.isUntouchable(Callee->getLocation())) {
      // User code: release-free only if defined here and proven so (a
      // function defined in another file may do anything).
      if (!Callee->hasBody() || !Safe.count(Callee->getCanonicalDecl()))
        Releases = true;
      return !Releases;
    }
    // memcpy/memset of one whole struct holding managed slots, or over an
    // array of managed pointers, is counted stores (WholeCopy.h): they
    // release what they overwrite.
    if (wholeStructCall(C, MT).Op != WholeOp::None ||
        slotsCall(C, MT).Op != WholeOp::None) {
      Releases = true;
      return false;
    }
    // libc and other system code: harmless unless a managed pointer or a
    // callback (qsort's comparator, ...) reaches it.
    for (const Expr *A : C->arguments()) {
      QualType T = A->IgnoreParenImpCasts()->getType();
      if (MT.isManagedPtr(T) || T->isFunctionPointerType() || T->isBlockPointerType())
        Releases = true;
    }
    return !Releases;
  }

private:
  bool skipped(const VarDecl *V) const { return Skip && Skip->count(V); }
  bool skipped(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && isa<VarDecl>(DRE->getDecl()) && skipped(cast<VarDecl>(DRE->getDecl()));
  }

  const ManagedTypes &MT;
  const std::set<const FunctionDecl *> &Safe;
  bool Strict = false;
  const FunctionDecl *Self = nullptr;
  const std::set<const VarDecl *> *Skip = nullptr;
};
} // namespace

bool ElisionAnalysis::mayRelease(const Stmt *S, const FunctionDecl *Self,
                                 const std::set<const VarDecl *> &Skip) const {
  ReleaseFinder F(MT, Safe, Self, Skip);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Releases;
}

ElisionAnalysis::ElisionAnalysis(const ManagedTypes &MT, TranslationUnitDecl *TU,
                                 const OwnedParams *Owned)
    : MT(MT) {
  std::vector<const FunctionDecl *> Fns;
  for (Decl *D : TU->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody() && !MT.isUntouchable(FD->getLocation()) &&
          !(Owned && Owned->hasOwned(FD))) {
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
