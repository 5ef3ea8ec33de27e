// MoveAnalysis.cpp — see MoveAnalysis.h.
#include "MoveAnalysis.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace autorc {

namespace {
// Every reference to a function, and which of them are direct callees.
class FunctionRefs : public RecursiveASTVisitor<FunctionRefs> {
public:
  std::set<const DeclRefExpr *> Callees;
  std::vector<const DeclRefExpr *> Refs;
  std::vector<const CallExpr *> Calls;
  bool VisitCallExpr(CallExpr *C) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(C->getCallee()->IgnoreParenImpCasts()))
      if (isa<FunctionDecl>(DRE->getDecl())) {
        Callees.insert(DRE);
        Calls.push_back(C);
      }
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (isa<FunctionDecl>(DRE->getDecl()))
      Refs.push_back(DRE);
    return true;
  }
};

// Does a function body consume parameter P (store it into a strong slot,
// initialise a strong local with it, return it)?
class ConsumeFinder : public RecursiveASTVisitor<ConsumeFinder> {
public:
  ConsumeFinder(const ManagedTypes &MT, bool ReturnsOwned) : MT(MT), ReturnsOwned(ReturnsOwned) {}
  std::set<const ParmVarDecl *> Consumed;
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && MT.isManagedPtr(BO->getLHS()->getType()) &&
        MT.slotKindOf(BO->getLHS()) == SlotKind::Strong)
      note(BO->getRHS());
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->getInit() &&
        MT.isManagedPtr(VD->getType()) && MT.slotKindOf(VD) == SlotKind::Strong)
      note(VD->getInit());
    return true;
  }
  bool HasSetjmp = false; // owned parameters would make setjmp an error
  bool VisitCallExpr(CallExpr *C) {
    if (const FunctionDecl *F = C->getDirectCallee()) {
      llvm::StringRef N = F->getName();
      if (N == "setjmp" || N == "_setjmp" || N == "sigsetjmp" || N == "__sigsetjmp" ||
          N == "savectx" || N == "vfork")
        HasSetjmp = true;
    }
    if (Owned && C->getDirectCallee())
      for (unsigned I = 0; I < C->getNumArgs(); ++I)
        if (Owned->isOwnedArg(C->getDirectCallee(), I))
          note(C->getArg(I));
    return true;
  }
  const OwnedParams *Owned = nullptr;
  bool VisitReturnStmt(ReturnStmt *RS) {
    if (ReturnsOwned && RS->getRetValue())
      note(RS->getRetValue());
    return true;
  }

private:
  void note(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        Consumed.insert(P);
  }
  const ManagedTypes &MT;
  bool ReturnsOwned;
};

bool plainFileRange(const Expr *E) {
  return E->getBeginLoc().isFileID() && E->getEndLoc().isFileID();
}
} // namespace

OwnedParams::OwnedParams(const ManagedTypes &MT, TranslationUnitDecl *TU) {
  FunctionRefs R;
  R.TraverseDecl(TU);
  std::set<const FunctionDecl *> Disqualified;
  for (const DeclRefExpr *DRE : R.Refs)
    if (!R.Callees.count(DRE))
      Disqualified.insert(cast<FunctionDecl>(DRE->getDecl())->getCanonicalDecl());
  for (const CallExpr *C : R.Calls) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F)
      continue;
    // Every call must be rewritable: the call and its managed arguments in
    // plain file text, in code the plugin rewrites, with no argument missing.
    bool OK = !MT.isUntouchable(C->getBeginLoc()) && C->getBeginLoc().isFileID() &&
              C->getNumArgs() == F->getNumParams();
    for (unsigned I = 0; OK && I < C->getNumArgs(); ++I)
      if (MT.isManagedPtr(F->getParamDecl(I)->getType()) && !plainFileRange(C->getArg(I)) &&
          C->getArg(I)->isNullPointerConstant(MT.context(), Expr::NPC_ValueDependentIsNotNull) ==
              Expr::NPCK_NotNull)
        OK = false;
    if (!OK)
      Disqualified.insert(F->getCanonicalDecl());
  }
  std::vector<FunctionDecl *> Candidates;
  for (Decl *D : TU->decls()) {
    auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || MT.isUntouchable(FD->getLocation()) ||
        FD->isExternallyVisible() || FD->isVariadic() || FD->isMain() ||
        ManagedTypes::hasAnnotation(FD, "autorc_finalizer") ||
        Disqualified.count(FD->getCanonicalDecl()))
      continue;
    Candidates.push_back(FD);
  }
  // Least fixpoint: passing a parameter to an owned parameter consumes it.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (FunctionDecl *FD : Candidates) {
      ConsumeFinder CF(MT, MT.returnsOwned(FD) && !MT.returnsBorrowed(FD));
      CF.Owned = this;
      CF.TraverseStmt(FD->getBody());
      if (CF.HasSetjmp)
        continue;
      for (const ParmVarDecl *P : FD->parameters())
        if (CF.Consumed.count(P) && MT.isManagedPtr(P->getType()) &&
            MT.slotKindOf(P) == SlotKind::Strong && Owned.insert(P).second) {
          Def[FD->getCanonicalDecl()] = FD;
          Changed = true;
        }
    }
  }
}

bool OwnedParams::isOwnedArg(const FunctionDecl *Callee, unsigned I) const {
  if (!Callee)
    return false;
  auto It = Def.find(Callee->getCanonicalDecl());
  if (It == Def.end() || I >= It->second->getNumParams())
    return false;
  return Owned.count(It->second->getParamDecl(I)) != 0;
}

void LastUses::compute(const FunctionDecl *FD) {
  HasJumps = false;
  DeclLoop.clear();
  Refs.clear();
  RefLoop.clear();
  AddrTaken.clear();
  for (const ParmVarDecl *P : FD->parameters())
    DeclLoop[P] = nullptr;
  index(FD->getBody(), nullptr);
}

void LastUses::index(const Stmt *S, const Stmt *Loop) {
  if (!S)
    return;
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S) || isa<LabelStmt>(S))
    HasJumps = true;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        DeclLoop[VD] = Loop;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Refs[VD].push_back(DRE);
      RefLoop[DRE] = Loop;
    }
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          AddrTaken.insert(VD);
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    index(For->getInit(), Loop); // runs once, before the loop
    for (const Stmt *C : S->children())
      if (C != For->getInit())
        index(C, S);
    return;
  }
  if (isa<WhileStmt>(S) || isa<DoStmt>(S)) {
    for (const Stmt *C : S->children())
      index(C, S);
    return;
  }
  for (const Stmt *C : S->children())
    index(C, Loop);
  // Initialisers of variables declared here (DeclStmt children cover them).
}

bool LastUses::isLastUse(const DeclRefExpr *Ref, const Expr *Root, bool InReturn) const {
  if (!Ref || !Root || (HasJumps && !InReturn))
    return false;
  const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
  if (!VD || AddrTaken.count(VD) || !plainFileRange(Ref))
    return false;
  auto DL = DeclLoop.find(VD);
  auto RL = RefLoop.find(Ref);
  auto RS = Refs.find(VD);
  if (DL == DeclLoop.end() || RL == RefLoop.end() || RS == Refs.end() ||
      (!InReturn && DL->second != RL->second))
    return false;
  const SourceManager &SM = MT.context().getSourceManager();
  SourceLocation Start = SM.getExpansionLoc(Root->getBeginLoc());
  SourceLocation End = SM.getExpansionLoc(Root->getEndLoc());
  for (const DeclRefExpr *Other : RS->second) {
    if (Other == Ref)
      continue;
    SourceLocation L = SM.getExpansionLoc(Other->getBeginLoc());
    if (SM.isBeforeInTranslationUnit(L, Start))
      continue;
    if (InReturn && SM.isBeforeInTranslationUnit(End, L))
      continue;
    return false;
  }
  return true;
}

} // namespace autorc
