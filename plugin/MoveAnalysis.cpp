// MoveAnalysis.cpp — see MoveAnalysis.h.
#include "MoveAnalysis.h"
#include "UserDeclVisitor.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace autorc {

namespace {
// Every reference to a function in user code, and which of them are direct
// callees (the toolchain's headers and <autorc.h> cannot name the user's
// functions: skipping them halves the walk).
class FunctionRefs : public UserDeclVisitor<FunctionRefs> {
public:
  explicit FunctionRefs(const ManagedTypes &MT) : UserDeclVisitor(MT) {}
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
  const FunctionDecl *FD = nullptr;
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->getInit() &&
        MT.isManagedPtr(VD->getType()) && MT.slotKindOf(VD) == SlotKind::Strong &&
        !(FD && isIterationShaped(MT, VD, FD)))
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
  FunctionRefs R(MT);
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
      CF.FD = FD;
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

// A store of Value into a T that keeps a non-managed pointer (a variable's
// initialiser or an assignment: `const char *t = rc_str_cstr(s);`,
// `char *d = b->data;`, `int *p = &o->n;`): the pointer may point into an
// object named in Value and lives until its variable's scope ends, so each
// variable named there keeps its object that long (as address-taken).
void LastUses::keptPointerStore(QualType T, const Expr *Value) {
  if (Value && T->isPointerType() && !MT.isManagedPtr(T))
    markNamed(Value);
}

void LastUses::markNamed(const Stmt *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      AddrTaken.insert(VD);
  for (const Stmt *C : E->children())
    if (C)
      markNamed(C);
}

void LastUses::index(const Stmt *S, const Stmt *Loop) {
  if (!S)
    return;
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S) || isa<LabelStmt>(S))
    HasJumps = true;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        DeclLoop[VD] = Loop;
        keptPointerStore(VD->getType(), VD->getInit());
      }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Refs[VD].push_back(DRE);
      RefLoop[DRE] = Loop;
    }
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_Assign)
      keptPointerStore(BO->getLHS()->getType(), BO->getRHS());
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

namespace {
// Checks the uses of one variable V with the chain of ancestors of each.
struct ShapeCheck {
  const ManagedTypes &MT;
  const VarDecl *V;
  bool OK = true;
  std::vector<const Stmt *> Up;

  static const Expr *bare(const Expr *E) { return E->IgnoreParenImpCasts(); }
  bool isV(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(bare(E));
    return DRE && DRE->getDecl() == V;
  }
  bool allowedAssign(const BinaryOperator *BO) const {
    if (BO->getOpcode() != BO_Assign || !isV(BO->getLHS()))
      return false;
    const Expr *R = bare(BO->getRHS());
    if (R->isNullPointerConstant(MT.context(), Expr::NPC_ValueDependentIsNotNull) !=
        Expr::NPCK_NotNull)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(R);
    return ME && ME->isArrow() && isV(ME->getBase()) &&
           MT.slotKindOf(ME->getMemberDecl()) == SlotKind::Strong;
  }
  void walk(const Stmt *S) {
    if (!S || !OK)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == V)
        OK = allowedUse(DRE);
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if (UO->getOpcode() == UO_AddrOf && isV(UO->getSubExpr()))
        OK = false;
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->isAssignmentOp() && isV(BO->getLHS()) && !allowedAssign(BO))
        OK = false;
    Up.push_back(S);
    for (const Stmt *C : S->children())
      walk(C);
    Up.pop_back();
  }
  bool allowedUse(const DeclRefExpr *DRE) const {
    const Stmt *Child = DRE;
    for (size_t I = Up.size(); I-- > 0;) {
      const Stmt *P = Up[I];
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
        Child = P;
        continue;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(P))
        return ME->isArrow() && ME->getBase() == Child;
      if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
        switch (BO->getOpcode()) {
        case BO_EQ: case BO_NE: case BO_LAnd: case BO_LOr:
          return true;
        case BO_Assign:
          return BO->getLHS() == Child && allowedAssign(BO);
        default:
          return false;
        }
      }
      if (const auto *UO = dyn_cast<UnaryOperator>(P))
        return UO->getOpcode() == UO_LNot;
      if (const auto *If = dyn_cast<IfStmt>(P))
        return If->getCond() == Child;
      if (const auto *W = dyn_cast<WhileStmt>(P))
        return W->getCond() == Child;
      if (const auto *D = dyn_cast<DoStmt>(P))
        return D->getCond() == Child;
      if (const auto *F = dyn_cast<ForStmt>(P))
        return F->getCond() == Child;
      if (const auto *CO = dyn_cast<ConditionalOperator>(P))
        return CO->getCond() == Child;
      if (const auto *C = dyn_cast<CallExpr>(P))
        return C->getCallee() != Child && C->getDirectCallee(); // release-freedom: later
      return false; // stored, returned, cast, initialising another variable, ...
    }
    return false;
  }
};
} // namespace

bool containsCall(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CallExpr>(S) || isa<StmtExpr>(S))
    return true;
  for (const Stmt *C : S->children())
    if (containsCall(C))
      return true;
  return false;
}

bool isIterationShaped(const ManagedTypes &MT, const VarDecl *V, const FunctionDecl *FD) {
  if (!V || !FD || !FD->hasBody() || !MT.isManagedPtr(V->getType()) ||
      MT.slotKindOf(V) != SlotKind::Strong || !V->hasLocalStorage() || V->isStaticLocal())
    return false;
  if (!isa<ParmVarDecl>(V)) {
    const Expr *Init = V->getInit();
    if (!Init)
      return false;
    // A +0 value read without side effects (no call, no store): NULL, a
    // variable, a field or an element, `*p`. Whatever holds it keeps it
    // alive while nothing releases (the caller checks that).
    if (Init->HasSideEffects(MT.context()) || containsCall(Init))
      return false;
  }
  ShapeCheck C{MT, V};
  C.walk(FD->getBody());
  return C.OK;
}

} // namespace autorc
