// FunctionRewriter.cpp — see FunctionRewriter.h for the rules.
#include "FunctionRewriter.h"
#include "SlotLayout.h"
#include "CalleeParams.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>
#include <functional>
#include <map>

using namespace clang;

namespace autorc {

namespace {
// A `T *const` local or parameter (or a const struct held by value) is
// never moved from: a move writes NULL (zeros) into it, and the compiler may
// assume a const object keeps its value (its cleanup would release the
// reference the move handed on). It is retained where it is consumed
// instead.
bool isConstRef(const Expr *Ex) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts());
  return DRE && DRE->getDecl()->getType().isConstQualified();
}

// Parameters the function assigns to or takes the address of: those are
// pinned (owned for the whole call) instead of borrowed.
class ParamUseFinder : public RecursiveASTVisitor<ParamUseFinder> {
public:
  std::set<const ParmVarDecl *> Pinned;
  bool CallsSetjmp = false; // the naive mode then pins no extra parameters
  bool VisitCallExpr(CallExpr *C);
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      note(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      note(UO->getSubExpr());
    return true;
  }

private:
  void note(Expr *E) {
    // A store into a struct parameter's field (`p.first = x`, `p.a[1] = x`)
    // changes the parameter too.
    E = E->IgnoreParens();
    while (true) {
      if (auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
        E = ME->getBase()->IgnoreParens();
      else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E);
               AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        E = AS->getBase()->IgnoreParenImpCasts();
      else
        break;
    }
    if (auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        Pinned.insert(P);
  }
};

bool isSetjmpName(llvm::StringRef N) {
  return N == "setjmp" || N == "_setjmp" || N == "sigsetjmp" || N == "__sigsetjmp" ||
         N == "savectx" || N == "vfork";
}
bool ParamUseFinder::VisitCallExpr(CallExpr *C) {
  if (const FunctionDecl *F = C->getDirectCallee())
    if (isSetjmpName(F->getName()))
      CallsSetjmp = true;
  return true;
}
} // namespace

namespace {
// The scope of each local declared directly in a block (the rest of the
// block from its declaration) or in a `for` init (the `for` statement).
class LocalScopes : public RecursiveASTVisitor<LocalScopes> {
public:
  std::map<const VarDecl *, std::vector<Stmt *>> Scope;
  bool VisitCompoundStmt(CompoundStmt *CS) {
    std::vector<Stmt *> Body(CS->body_begin(), CS->body_end());
    for (size_t I = 0; I < Body.size(); ++I)
      if (auto *DS = dyn_cast<DeclStmt>(Body[I]))
        for (Decl *D : DS->decls())
          if (auto *VD = dyn_cast<VarDecl>(D))
            Scope[VD].assign(Body.begin() + I, Body.end());
    return true;
  }
  bool VisitForStmt(ForStmt *For) {
    if (auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit()))
      for (Decl *D : DS->decls())
        if (auto *VD = dyn_cast<VarDecl>(D))
          Scope[VD] = {For};
    return true;
  }
};

// Variables whose address is taken (FunctionRewriter::FunctionState::AddrTaken).
class AddrTakenVars : public RecursiveASTVisitor<AddrTakenVars> {
public:
  std::set<const VarDecl *> &Out;
  explicit AddrTakenVars(std::set<const VarDecl *> &Out) : Out(Out) {}
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      if (auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
        if (auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Out.insert(VD);
    return true;
  }
};

class LocalVars : public RecursiveASTVisitor<LocalVars> {
public:
  std::vector<const VarDecl *> Vars;
  bool VisitVarDecl(VarDecl *VD) {
    if (!isa<ParmVarDecl>(VD) && VD->hasLocalStorage())
      Vars.push_back(VD);
    return true;
  }
};
} // namespace

void FunctionRewriter::findBorrowedVars(FunctionDecl *F) {
  if (Naive || !Elide || (Owned && Owned->hasOwned(F)))
    return;
  std::set<const VarDecl *> Cand;
  for (const ParmVarDecl *P : F->parameters())
    if (isIterationShaped(MT, P, F))
      Cand.insert(P);
  LocalVars LV;
  LV.TraverseStmt(F->getBody());
  for (const VarDecl *V : LV.Vars)
    if (isIterationShaped(MT, V, F))
      Cand.insert(V);
  if (Cand.empty())
    return;
  if (!Elide->mayRelease(F->getBody(), F, Cand)) {
    St.BorrowedVars = Cand;
    return;
  }
  // The function may release: a local still qualifies when its own scope
  // cannot (MoveAnalysis.h).
  LocalScopes LS;
  LS.TraverseStmt(F->getBody());
  for (const VarDecl *V : Cand) {
    auto It = LS.Scope.find(V);
    if (isa<ParmVarDecl>(V) || It == LS.Scope.end())
      continue;
    std::set<const VarDecl *> Only{V};
    if (std::none_of(It->second.begin(), It->second.end(),
                     [&](const Stmt *S) { return Elide->mayRelease(S, nullptr, Only); }))
      St.BorrowedVars.insert(V);
  }
}

// ---- fresh objects --------------------------------------------------------
//
// After `T *o = rc_new(T);` the object is zero-filled and only o points to
// it. While the statements that follow in the same block use o only as
// `o->f`, nothing else can reach the object (no call can store into it), so
// a strong field f not yet stored still holds NULL: `o->f = v;` needs no
// release of the old value (`o->f = rc__retain(v);`, or `o->f = v;` for a
// +1 v). The scan follows the flow into nested blocks and both branches of
// an if (a field stored on either branch counts as stored after it); it
// walks loops, switches and returns whole, marking nothing inside them (a
// loop body's second store is not into NULL). It ends at the first statement
// that uses o otherwise (passes, stores, returns it, takes an address),
// assigns o, or carries a label, a case or a goto (a jump could enter after
// a store).
//
// Stolen reads. `o->f = S; S = o;` (S a strong slot read without side
// effects that does not mention o, the second statement right after the
// first, the push of a list or a stack) would retain S's object for o->f
// and release it from S: o->f takes S's reference instead and S is stored
// without a release. Between the two statements nothing runs (o->f's store
// releases nothing, S's address and o are plain reads), so nobody sees the
// moment when two slots share one reference.
namespace {
bool mentions(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (DRE->getDecl() == V)
      return true;
  for (const Stmt *C : S->children())
    if (mentions(C, V))
      return true;
  return false;
}

// `o->f` with o the variable V: the field, else null.
const FieldDecl *fieldOf(const Expr *E, const VarDecl *V) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParens());
  if (!ME || !ME->isArrow())
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
  if (!DRE || DRE->getDecl() != V)
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

// The uses of V in one statement: Escapes unless every reference to V is
// the base of an `o->f` that is not address-taken; Stored: the fields
// assigned; Jumps: a label or goto inside (a jump could run a store of the
// statement again). No setjmp: it is refused in a function with strong
// locals ([autorc-setjmp]).
struct FreshUses {
  const VarDecl *V;
  bool Escapes = false, Jumps = false;
  std::set<const FieldDecl *> Stored;
  void walk(const Stmt *S) {
    if (!S || Escapes)
      return;
    if (isa<LabelStmt>(S) || isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S) ||
        isa<AddrLabelExpr>(S)) {
      Escapes = Jumps = true; // not straight-line
      return;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == V) {
        Escapes = true; // any use but the base of o->f (below)
        return;
      }
    if (const auto *ME = dyn_cast<MemberExpr>(S)) {
      const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
      if (DRE && DRE->getDecl() == V && ME->isArrow())
        return; // o->f: reads o; stores and &o->f are seen by the parents
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->getOpcode() == UO_AddrOf && mentions(UO->getSubExpr(), V))
        Escapes = true; // &o->f, &o
      if (UO->isIncrementDecrementOp())
        if (const FieldDecl *F = fieldOf(UO->getSubExpr(), V))
          Stored.insert(F);
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->isAssignmentOp())
        if (const FieldDecl *F = fieldOf(BO->getLHS(), V))
          Stored.insert(F);
    // A member of a member (o->f.g, o->arr[i]) stores into o's memory too:
    // any other use of o->f as an lvalue than a read is caught here.
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(S))
      if (const FieldDecl *F = fieldOf(ASE->getBase()->IgnoreImpCasts(), V))
        Stored.insert(F);
    for (const Stmt *C : S->children())
      walk(C);
  }
};

class Compounds : public RecursiveASTVisitor<Compounds> {
public:
  std::vector<CompoundStmt *> All;
  bool VisitCompoundStmt(CompoundStmt *CS) {
    All.push_back(CS);
    return true;
  }
};
} // namespace

void FunctionRewriter::findFreshStores(FunctionDecl *F) {
  if (Naive)
    return;
  Compounds C;
  C.TraverseStmt(F->getBody());
  for (CompoundStmt *CS : C.All) {
    llvm::ArrayRef<Stmt *> Body(CS->body_begin(), CS->body_end());
    for (size_t I = 0; I < Body.size(); ++I) {
      auto *DS = dyn_cast<DeclStmt>(Body[I]);
      if (!DS || !DS->isSingleDecl())
        continue;
      auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
      if (!VD || !VD->hasLocalStorage() || !MT.isManagedPtr(VD->getType()) ||
          MT.slotKindOf(VD) != SlotKind::Strong || St.BorrowedVars.count(VD) ||
          !MT.isRcNew(VD->getInit()))
        continue;
      std::set<const FieldDecl *> Stored;
      scanFresh(VD, Body.drop_front(I + 1), Stored);
    }
  }
}

// Statements the scan walks whole without marking stores inside: a loop may
// run its body again (its second store is not into NULL), a switch jumps to
// its cases. What they store counts as stored after them.
static bool walkedWhole(const Stmt *S) {
  return isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<SwitchStmt>(S) ||
         isa<ReturnStmt>(S) || isa<NullStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S);
}

bool FunctionRewriter::scanFresh(const VarDecl *VD, llvm::ArrayRef<Stmt *> After,
                                 std::set<const FieldDecl *> &Stored) {
  for (size_t K = 0; K < After.size(); ++K) {
    Stmt *S = After[K];
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      if (!scanFresh(VD, llvm::ArrayRef<Stmt *>(CS->body_begin(), CS->body_end()), Stored))
        return false;
      continue;
    }
    if (auto *If = dyn_cast<IfStmt>(S)) {
      if (!scanFreshIf(VD, If, Stored))
        return false;
      continue;
    }
    FreshUses U{VD};
    U.walk(S);
    if (walkedWhole(S)) {
      Stored.insert(U.Stored.begin(), U.Stored.end());
      if (U.Escapes)
        return false;
      continue;
    }
    if ((!isa<Expr>(S) && !isa<DeclStmt>(S)) || U.Jumps)
      return false; // a label, a case, a goto: not straight-line
    if (markFreshStore(VD, S, U.Escapes, Stored, After.drop_front(K + 1)))
      return false; // the push passed o on
    Stored.insert(U.Stored.begin(), U.Stored.end());
    if (U.Escapes)
      return false;
  }
  return true;
}

// Both branches start from what was stored before the if; after it, a
// field counts as stored if either branch may have stored it.
bool FunctionRewriter::scanFreshIf(const VarDecl *VD, IfStmt *If,
                                   std::set<const FieldDecl *> &Stored) {
  FreshUses C{VD};
  C.walk(If->getInit());
  C.walk(If->getConditionVariableDeclStmt());
  C.walk(If->getCond());
  Stored.insert(C.Stored.begin(), C.Stored.end());
  if (C.Escapes)
    return false;
  std::set<const FieldDecl *> Else = Stored;
  Stmt *Then = If->getThen(), *E = If->getElse();
  bool Ok = scanFresh(VD, llvm::ArrayRef<Stmt *>(Then), Stored);
  if (E)
    Ok = scanFresh(VD, llvm::ArrayRef<Stmt *>(E), Else) && Ok;
  Stored.insert(Else.begin(), Else.end());
  return Ok;
}

// S is a statement of the scan with uses U: if it is `o->f = v` into a
// field not stored yet, it releases nothing. True when it is the first half
// of a push whose second half passes o on (the scan ends there).
bool FunctionRewriter::markFreshStore(const VarDecl *VD, Stmt *S, bool Escapes,
                                      const std::set<const FieldDecl *> &Stored,
                                      llvm::ArrayRef<Stmt *> Rest) {
  ASTContext &Ctx = MT.context();
  auto *BO = dyn_cast<BinaryOperator>(isa<Expr>(S) ? cast<Expr>(S)->IgnoreParens() : S);
  const FieldDecl *F = BO && BO->getOpcode() == BO_Assign ? fieldOf(BO->getLHS(), VD) : nullptr;
  if (!F || Stored.count(F) || MT.slotKindOf(F) != SlotKind::Strong ||
      !MT.isManagedPtr(F->getType()))
    return false;
  FreshUses R{VD};
  R.walk(BO->getRHS());
  if (R.Stored.count(F))
    return false;
  St.NoReleaseStores.insert(BO);
  ++FreshStores;
  // The push: `o->f = S; S = o;`.
  const Expr *Src = BO->getRHS()->IgnoreParenImpCasts();
  auto *Next = !Rest.empty() ? dyn_cast<Expr>(Rest.front()) : nullptr;
  auto *BO2 = Next ? dyn_cast<BinaryOperator>(Next->IgnoreParens()) : nullptr;
  if (Escapes || !BO2 || BO2->getOpcode() != BO_Assign ||
      !(isa<MemberExpr>(Src) || isa<ArraySubscriptExpr>(Src) || isa<UnaryOperator>(Src)) ||
      !Src->isGLValue() || MT.slotKindOf(Src) != SlotKind::Strong || Src->HasSideEffects(Ctx) ||
      containsCall(Src) || mentions(Src, VD))
    return false;
  const auto *Val = dyn_cast<DeclRefExpr>(BO2->getRHS()->IgnoreParenImpCasts());
  llvm::FoldingSetNodeID A, B;
  Src->Profile(A, Ctx, true);
  BO2->getLHS()->IgnoreParens()->Profile(B, Ctx, true);
  if (!Val || Val->getDecl() != VD || A != B || MT.slotKindOf(BO2->getLHS()) != SlotKind::Strong)
    return false;
  St.StealingStores.insert(BO);
  St.NoReleaseStores.insert(BO2);
  ++StolenReads;
  return true;
}

namespace {
class AllocSiteFinder : public RecursiveASTVisitor<AllocSiteFinder> {
public:
  AllocSiteFinder(const ManagedTypes &MT,
                  std::map<const RecordDecl *, std::set<unsigned>> &Sites)
      : MT(MT), SM(MT.context().getSourceManager()), Sites(Sites) {}
  bool VisitExpr(Expr *E) {
    if (!MT.isRcNew(E) ||
        Lexer::getImmediateMacroName(E->getBeginLoc(), SM, MT.context().getLangOpts()) !=
            "rc_new")
      return true;
    if (const RecordDecl *RD = MT.managedPointee(E->getType()))
      Sites[cast<RecordDecl>(RD->getCanonicalDecl())].insert(
          SM.getImmediateExpansionRange(E->getBeginLoc()).getBegin().getRawEncoding());
    return true;
  }

private:
  const ManagedTypes &MT;
  const SourceManager &SM;
  std::map<const RecordDecl *, std::set<unsigned>> &Sites;
};
} // namespace

void FunctionRewriter::countAllocation(FunctionDecl *F) {
  AllocSiteFinder Finder(MT, AllocSites);
  Finder.TraverseStmt(F->getBody());
  if (SM.isInMainFile(SM.getExpansionLoc(F->getLocation())))
    countCalls(F);
}

// Direct calls from F (a main-file function) to each other function: the
// places clang may inline that function into, each with a copy of what it
// inlines (a recursive call is not such a place).
void FunctionRewriter::countCalls(FunctionDecl *F) {
  struct Calls : RecursiveASTVisitor<Calls> {
    Calls(const FunctionDecl *From, std::map<const FunctionDecl *, unsigned> &Count)
        : From(From), Count(Count) {}
    const FunctionDecl *From;
    std::map<const FunctionDecl *, unsigned> &Count;
    bool VisitCallExpr(CallExpr *C) {
      if (const FunctionDecl *Callee = C->getDirectCallee())
        if (Callee->getCanonicalDecl() != From)
          ++Count[Callee->getCanonicalDecl()];
      return true;
    }
  } V(F->getCanonicalDecl(), Callers);
  V.TraverseStmt(F->getBody());
}

void FunctionRewriter::run(FunctionDecl *F) {
  St = FunctionState();
  St.FD = F;
  St.ReturnsOwned = MT.returnsOwned(St.FD);
  auto *Body = dyn_cast_or_null<CompoundStmt>(St.FD->getBody());
  if (!Body)
    return;
  if (!Naive)
    Last.compute(St.FD);
  AddrTakenVars(St.AddrTaken).TraverseStmt(Body);
  findBorrowedVars(St.FD);
  St.Plan.Name = St.FD->getNameAsString();
  for (const VarDecl *V : St.AddrTaken)
    note(V->getLocation(), "fact:addr-taken", V->getName());
  for (const VarDecl *V : St.BorrowedVars)
    note(V->getLocation(), "fact:borrowed-iteration", V->getName());
  findFreshStores(St.FD);
  St.Guards.compute(St.FD, SM, [this](const VarDecl *V) { return isCountedLocal(V); });
  for (auto &Err : St.Guards.Errors)
    E.diags().report(Err.Loc, Err.Id, {Err.Name});
  pinParams(St.FD);
  walkStmt(Body);
  if (Plan)
    Plan->add(SM, St.Plan);
  if (!PlanOnly)
    PlanEmitter(E).emit(St.Plan, Shuffle);
  if (VS)
    VS->flush(SM.getExpansionLoc(St.FD->getSourceRange().getBegin()));
  if (!St.OwnedVars.empty())
    for (const CallExpr *C : St.SetjmpCalls)
      E.diags().report(C->getBeginLoc(), diag::SetjmpWithLocals);
}

void FunctionRewriter::pinParams(FunctionDecl *F) {
  ParamUseFinder Finder;
  Finder.TraverseStmt(F->getBody());
  auto *Body = cast<CompoundStmt>(F->getBody());
  std::string Text;
  for (ParmVarDecl *P : F->parameters()) {
    // Owned parameters (MoveAnalysis.h) arrive +1: released on exit, no
    // retain on entry. The naive mode pins every parameter.
    bool IsOwned = Owned && Owned->isOwned(P);
    if (St.BorrowedVars.count(P))
      continue;
    if (Finder.Pinned.count(P) && MT.copyRecord(P->getType()) && !P->getName().empty()) {
      Text += pinValueParam(P);
      continue;
    }
    if (!(Finder.Pinned.count(P) || IsOwned || (Naive && !Finder.CallsSetjmp)) || MT.slotKindOf(P) != SlotKind::Strong ||
        !MT.isManagedPtr(P->getType()) || P->getName().empty())
      continue;
    std::string N = P->getName().str();
    makeAddressable(P);
    note(P->getLocation(), IsOwned ? "owned-param" : "pin", N);
    // clang 14-16 call a variable read only by its cleanup unused (-Wall).
    Text += (IsOwned ? std::string() : " rc__retain(" + N + ");") + " void *rc__pin_" + N +
            " __attribute__((cleanup(rc__drop_indirect), unused)) = " + addrOf(P) + ";";
    St.OwnedVars.insert(P);
  }
  if (!Text.empty())
    plan(actAt(Act::Pins, Body->getLBracLoc(), "a parameter that the function assigns",
               Text));
}

// ---- statements -----------------------------------------------------------

void FunctionRewriter::walkStmt(Stmt *S) {
  if (!S)
    return;
  if (auto *Ex = dyn_cast<Expr>(S)) {
    fullDiscard(Ex);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    for (Stmt *C : cast<CompoundStmt>(S)->body())
      walkStmt(C);
    guardBlock(cast<CompoundStmt>(S));
    return;
  case Stmt::DeclStmtClass: {
    // An initialiser may hold declarations of its own (a statement
    // expression): theirs must not flush this statement's registrations
    // into the initialiser, before the local is initialised.
    std::string Outer = std::move(St.PendingRegistrations);
    St.PendingRegistrations.clear();
    for (Decl *D : cast<DeclStmt>(S)->decls())
      if (auto *VD = dyn_cast<VarDecl>(D)) {
        readGuardedTemps(cast<DeclStmt>(S), VD);
        handleLocal(VD);
      }
    guardDecl(cast<DeclStmt>(S));
    St.PendingRegistrations = std::move(Outer);
    return;
  }
  case Stmt::GotoStmtClass:
  case Stmt::IndirectGotoStmtClass:
    guardGoto(S);
    return;
  case Stmt::ReturnStmtClass:
    handleReturn(cast<ReturnStmt>(S));
    return;
  case Stmt::IfStmtClass: {
    auto *If = cast<IfStmt>(S);
    fullValue(If->getCond());
    walkStmt(If->getThen());
    walkStmt(If->getElse());
    return;
  }
  case Stmt::WhileStmtClass: {
    auto *W = cast<WhileStmt>(S);
    fullValue(W->getCond());
    walkStmt(W->getBody());
    return;
  }
  case Stmt::DoStmtClass: {
    auto *D = cast<DoStmt>(S);
    walkStmt(D->getBody());
    fullValue(D->getCond());
    return;
  }
  case Stmt::ForStmtClass: {
    auto *For = cast<ForStmt>(S);
    walkStmt(For->getInit());
    fullValue(For->getCond());
    if (For->getInc())
      fullDiscard(For->getInc());
    walkStmt(For->getBody());
    return;
  }
  case Stmt::SwitchStmtClass: {
    auto *Sw = cast<SwitchStmt>(S);
    fullValue(Sw->getCond());
    walkSwitchBody(Sw->getBody());
    walkStmt(Sw->getBody());
    return;
  }
  case Stmt::CaseStmtClass:
    walkStmt(cast<CaseStmt>(S)->getSubStmt());
    return;
  case Stmt::DefaultStmtClass:
    walkStmt(cast<DefaultStmt>(S)->getSubStmt());
    return;
  case Stmt::LabelStmtClass:
    walkStmt(cast<LabelStmt>(S)->getSubStmt());
    return;
  case Stmt::AttributedStmtClass:
    walkStmt(cast<AttributedStmt>(S)->getSubStmt());
    return;
  default:
    return; // goto, break, continue, asm, null statements: nothing to do
  }
}

void FunctionRewriter::walkSwitchBody(Stmt *Body) {
  auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
  if (!CS)
    return;
  const VarDecl *Strong = nullptr;
  for (Stmt *C : CS->body()) {
    Stmt *Inner = C;
    while (true) {
      if (isa<SwitchCase>(Inner) && Strong) {
        E.diags().report(Inner->getBeginLoc(), diag::CaseJumpsPastLocal,
                         {Strong->getName().str()});
        return;
      }
      if (auto *SC = dyn_cast<SwitchCase>(Inner)) {
        Inner = SC->getSubStmt();
        continue;
      }
      break;
    }
    if (auto *DS = dyn_cast<DeclStmt>(Inner))
      for (Decl *D : DS->decls())
        if (auto *VD = dyn_cast<VarDecl>(D))
          if (VD->hasLocalStorage() && (MT.slotKindOf(VD) == SlotKind::Strong ||
                                        MT.slotKindOf(VD) == SlotKind::Weak))
            Strong = VD;
  }
}

// The cleanup of a local array of N managed pointers; its parameter takes
// the address of a `T *volatile` or `T *const` array as well.
std::string FunctionRewriter::arrayHelper(uint64_t N, Qualifiers Q) {
  bool C = Q.hasConst(), V = Q.hasVolatile();
  std::string Name = std::string("rc__drop_") + (C ? "c" : "") + (V ? "v" : "") + "arr_" +
                     std::to_string(N);
  SourceLocation At = SM.getExpansionLoc(St.FD->getSourceRange().getBegin());
  FileID FID = SM.getFileID(At);
  uint64_t Key = N | (V ? 1ull << 63 : 0) | (C ? 1ull << 62 : 0);
  std::string Param = std::string(C ? "const " : "") + (V ? "volatile " : "") + "void *a";
  if (ArrayHelpers.insert({FID, Key}).second)
    plan(actAt(Act::Helper, At, "an array of managed pointers",
               "static inline void " + Name + "(" + Param + ") { rc__release_array(" +
                   (C || V ? "(void *)a" : "a") + ", " + std::to_string(N) + "); } "));
  return Name;
}

// The cleanup of a local array of N RC_WEAK pointers: each unregistered.
std::string FunctionRewriter::weakArrayHelper(uint64_t N, Qualifiers Q) {
  bool V = Q.hasVolatile();
  std::string Name = std::string("rc__weak_drop_") + (V ? "v" : "") + "arr_" + std::to_string(N);
  SourceLocation At = SM.getExpansionLoc(St.FD->getSourceRange().getBegin());
  FileID FID = SM.getFileID(At);
  uint64_t Key = N | (V ? 1ull << 63 : 0) | 1ull << 61;
  std::string Param = std::string(V ? "volatile " : "") + "void *a";
  if (ArrayHelpers.insert({FID, Key}).second)
    plan(actAt(Act::Helper, At, "an array of RC_WEAK pointers",
               "static inline void " + Name + "(" + Param + ") { for (unsigned long i = 0; i < " +
                   std::to_string(N) + "; i++) rc__weak_drop((void **)" + (V ? "(void *)" : "") +
                   "a + i); } "));
  return Name;
}

std::string FunctionRewriter::declaratorEndText(VarDecl *VD, SourceLocation &At) {
  At = VD->getLocation();
  if (TypeSourceInfo *TSI = VD->getTypeSourceInfo()) {
    SourceLocation TEnd = TSI->getTypeLoc().getEndLoc();
    if (TEnd.isValid() && SM.isBeforeInTranslationUnit(At, TEnd))
      At = TEnd;
  }
  return std::string();
}

void FunctionRewriter::handleLocal(VarDecl *VD) {
  if (isa<ParmVarDecl>(VD))
    return;
  QualType T = VD->getType();
  ASTContext &Ctx = MT.context();
  // An array of managed structs is as many objects without headers.
  if (const auto *RT = Ctx.getBaseElementType(T)->getAs<RecordType>())
    if (MT.isManagedRecord(RT->getDecl())) {
      E.diags().report(VD->getLocation(), diag::ManagedLocalByValue,
                       {MT.typeSpelling(Ctx.getBaseElementType(T))});
      return;
    }
  if (T->isVariableArrayType() && MT.containsManagedSlots(Ctx.getBaseElementType(T))) {
    E.diags().report(VD->getLocation(), diag::ManagedVLA);
    return;
  }
  if (handleValueLocal(VD))
    return;
  SlotKind K = MT.slotKindOf(VD);
  if (St.BorrowedVars.count(VD))
    return; // a borrowed iteration variable: not counted (MoveAnalysis.h)
  if (!VD->hasLocalStorage() || K == SlotKind::None || K == SlotKind::Unowned) {
    // Static locals are initialised with constants; plain variables may
    // still have temporaries in their initialiser.
    if (VD->hasLocalStorage() && VD->getInit())
      fullValue(VD->getInit());
    return;
  }
  SourceLocation DeclEnd;
  declaratorEndText(VD, DeclEnd);
  uint64_t N = 0;
  // A `T *volatile` local: its address is a pointer to volatile, which the
  // cleanups and helpers must accept.
  bool Volatile = Ctx.getBaseElementType(T).isVolatileQualified();
  if (MT.isManagedPtrArray(T, &N))
    handleLocalArray(VD, K, DeclEnd, N, Ctx.getBaseElementType(T).getQualifiers());
  else if (K == SlotKind::Weak)
    handleWeakLocal(VD, DeclEnd, Volatile);
  else
    handleStrongLocal(VD, DeclEnd, Volatile);
}

// A fixed-size local array of managed pointers: released element by
// element at scope exit (a generated helper), zeroed when uninitialised.
void FunctionRewriter::handleLocalArray(VarDecl *VD, SlotKind K, SourceLocation DeclEnd,
                                        uint64_t N, Qualifiers Q) {
  Expr *Init = VD->getInit();
  if (K == SlotKind::Weak) {
    handleWeakLocalArray(VD, DeclEnd, N, Q);
    return;
  }
  std::string Helper = arrayHelper(N, Q);
  note(VD->getLocation(), "strong-array", VD->getName());
  addCleanup(VD, DeclEnd, Helper, "an array of managed pointers");
  St.OwnedVars.insert(VD);
  if (!Init) {
    plan(actAt(Act::Init, DeclEnd, "an array of managed pointers", " = {0}"));
    return;
  }
  auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParens());
  if (!ILE) {
    E.diags().report(Init->getBeginLoc(), diag::PointerArrayInit);
    return;
  }
  FullExpr F;
  F.Root = Init; // last-use moves, as in a struct's brace list
  F.BraceList = true;
  FullExpr *Saved = beginFull(F);
  std::function<void(InitListExpr *)> Each = [&](InitListExpr *L) {
    for (Expr *I : L->inits()) {
      if (auto *Sub = dyn_cast<InitListExpr>(I)) {
        Each(Sub);
        continue;
      }
      if (isa<ImplicitValueInitExpr>(I))
        continue;
      initElement(I, [&] {
        Own O = walk(I, true, false);
        if (O == Own::Borrowed && tryMove(I))
          O = Own::Owned;
        retainIfBorrowed(I, O);
      });
    }
  };
  Each(ILE);
  St.Cur = Saved;
}

// A fixed-size local array of RC_WEAK pointers, as a weak field array is:
// each element registered where it is initialised (`rc__weak_init_v(&a[i],
// x)`, as a weak local's initialiser), stored through rc__weak_assign, all
// unregistered at scope exit (a generated helper); zeroed when
// uninitialised. An element that only a temporary holds (`{make()}`) would
// be registered dead: an error, as is an initialiser that is no brace list.
void FunctionRewriter::handleWeakLocalArray(VarDecl *VD, SourceLocation DeclEnd, uint64_t N,
                                            Qualifiers Q) {
  note(VD->getLocation(), "weak-array", VD->getName());
  if (Q.hasConst()) {
    E.diags().report(VD->getLocation(), diag::WeakConstKeyword,
                     {VD->getName().str(), "as an array's elements"});
    return;
  }
  addCleanup(VD, DeclEnd, weakArrayHelper(N, Q), "an array of RC_WEAK pointers");
  Expr *Init = VD->getInit();
  if (!Init) {
    plan(actAt(Act::Init, DeclEnd, "an array of RC_WEAK pointers", " = {0}"));
    return;
  }
  auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParens());
  if (!ILE) {
    E.diags().report(Init->getBeginLoc(), diag::PointerArrayInit);
    return;
  }
  FullExpr F;
  F.Root = Init;
  F.BraceList = true;
  FullExpr *Saved = beginFull(F);
  std::string Cast = Q.hasVolatile() ? "(void *)" : "";
  std::function<void(InitListExpr *, const std::string &)> Each = [&](InitListExpr *L,
                                                                    const std::string &At) {
    for (unsigned I = 0; I < L->getNumInits(); ++I) {
      Expr *X = L->getInit(I);
      std::string Elem = At + "[" + std::to_string(I) + "]";
      if (auto *Sub = dyn_cast<InitListExpr>(X)) {
        Each(Sub, Elem);
        continue;
      }
      if (isa<ImplicitValueInitExpr>(X) || walk(X, false, false) == Own::Null)
        continue;
      plan(act(Act::WeakInit, X->getSourceRange(), "an element of an RC_WEAK array",
               Cast + "&" + Elem));
    }
  };
  Each(ILE, VD->getName().str());
  if (!F.TempDecls.empty())
    E.diags().report(Init->getBeginLoc(), diag::WeakArrayTemp, {VD->getName().str()});
  endFull(Init, F, Saved);
}

// An RC_WEAK local: registered with its object, unregistered at scope exit.
void FunctionRewriter::handleWeakLocal(VarDecl *VD, SourceLocation DeclEnd, bool Volatile) {
  Expr *Init = VD->getInit();
  note(VD->getLocation(), "weak-local", VD->getName());
  if (VD->getType().isConstQualified())
    dropWeakConst(VD);
  addCleanup(VD, DeclEnd, Volatile ? "rc__weak_drop_volatile" : "rc__weak_drop", "a weak local");
  if (!Init) {
    plan(actAt(Act::Init, DeclEnd, "a weak local", " = NULL"));
    return;
  }
  FullExpr F;
  F.Root = Init;
  FullExpr *Saved = beginFull(F);
  walk(Init, false, false);
  plan(act(Act::WeakInit, Init->getSourceRange(), "a weak local", addrOf(VD)));
  bool Temps = !F.TempDecls.empty();
  endFull(Init, F, Saved);
  // The temporaries' cleanups run after rc__weak_init_v registered the
  // local: if one held the last reference (`RC_WEAK T *w = make();`) the
  // runtime zeroed the local, so the initialiser reads it back instead
  // of storing the dead pointer.
  if (Temps)
    plan(act(Act::WeakReload, Init->getSourceRange(), "a weak local", addrOf(VD)));
}

// A strong local: released at scope exit; its initialiser taken if +1,
// moved if a last use, retained otherwise. A local that only walks
// (isIterationShaped: `for (T *t = x; t; t = t->next)`) never takes x's
// reference, counted or not: moved, the first node would die as soon as t
// stepped past it, while x's scope -- where a C programmer sees the list
// held -- has not ended. x keeps it; t, if counted, retains.
void FunctionRewriter::handleStrongLocal(VarDecl *VD, SourceLocation DeclEnd, bool Volatile) {
  Expr *Init = VD->getInit();
  note(VD->getLocation(), "strong-local", VD->getName());
  addCleanup(VD, DeclEnd, Volatile ? "rc__drop_volatile" : "rc__drop", "a managed local");
  St.OwnedVars.insert(VD);
  if (!Init) {
    plan(actAt(Act::Init, DeclEnd, "a managed local", " = NULL"));
    return;
  }
  FullExpr F;
  F.Root = Init;
  FullExpr *Saved = beginFull(F);
  Own O = walk(Init, true, false);
  if (O == Own::Borrowed && !isIterationShaped(MT, VD, St.FD) && tryMove(Init))
    O = Own::Owned;
  else if (O == Own::Owned)
    note(Init->getBeginLoc(), "take", Init);
  retainIfBorrowed(Init, O);
  endFull(Init, F, Saved);
}

void FunctionRewriter::handleReturn(ReturnStmt *RS) {
  Expr *RV = RS->getRetValue();
  if (!RV)
    return;
  if (!St.ReturnsOwned) {
    FullExpr F;
    F.Root = RV;
    F.IsReturn = true;
    FullExpr *Saved = beginFull(F);
    walk(RV, false, false);
    endFull(RV, F, Saved);
    return;
  }
  FullExpr F;
  F.Root = RV;
  F.IsReturn = true;
  FullExpr *Saved = beginFull(F);
  if (isOwnedLocalRef(RV) && !Naive && !isConstRef(RV)) {
    Action A = act(Act::Move, RV->getSourceRange(), "returning a local", movePrefix(RV));
    plan(label(A, "move", RV->getBeginLoc(), RV));
  } else if (isOwnedValueRef(RV) && !Naive && !isConstRef(RV))
    plan(act(Act::ValueMove, RV->getSourceRange(), "returning a local",
             valueHelpers(RV->getType(), RV->getBeginLoc()),
             RV->getType().isVolatileQualified() ? "(void *)" : ""));
  else
    retainIfBorrowed(RV, walk(RV, true, false));
  endFull(RV, F, Saved);
}

// ---- full expressions -----------------------------------------------------

FunctionRewriter::FullExpr *FunctionRewriter::beginFull(FullExpr &F) {
  FullExpr *Saved = St.Cur;
  St.Cur = &F;
  return Saved;
}

void FunctionRewriter::endFull(Expr *Root, FullExpr &F, FullExpr *Saved) {
  St.Cur = Saved;
  if (F.TempDecls.empty())
    return;
  std::string Decls;
  for (const std::string &D : F.TempDecls)
    Decls += D + " ";
  plan(act(Act::TempBlock, Root->getSourceRange(), "a temporary result", Decls));
}

void FunctionRewriter::fullDiscard(Expr *Ex) {
  if (!Ex)
    return;
  FullExpr F;
  F.Root = Ex;
  FullExpr *Saved = beginFull(F);
  walk(Ex, false, true);
  endFull(Ex, F, Saved);
}

void FunctionRewriter::fullValue(Expr *Ex) {
  if (!Ex)
    return;
  FullExpr F;
  F.Root = Ex;
  FullExpr *Saved = beginFull(F);
  walk(Ex, false, false);
  endFull(Ex, F, Saved);
}

// ---- expressions ----------------------------------------------------------

std::string FunctionRewriter::movePrefix(const Expr *Ref) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(Ref->IgnoreParenImpCasts());
  bool Volatile = DRE && DRE->getDecl()->getType().isVolatileQualified();
  return Volatile ? "rc__move((void *)&(" : "rc__move(&(";
}

std::string FunctionRewriter::addrOf(const VarDecl *VD) const {
  std::string A = "&" + VD->getName().str();
  QualType T = VD->getType();
  return T.isVolatileQualified() || T.isConstQualified() ? "(void *)" + A : A;
}


bool FunctionRewriter::isOwnedLocalRef(const Expr *Ex) const {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return St.OwnedVars.count(VD) && MT.isManagedPtr(VD->getType());
  return false;
}

bool FunctionRewriter::isLocalOrParamRef(const Expr *Ex) const {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (St.AddrTaken.count(VD))
        return false; // the callee may overwrite it (FunctionState::AddrTaken)
      if (isa<ParmVarDecl>(VD))
        return true;
      return VD->hasLocalStorage() && MT.slotKindOf(VD) != SlotKind::Weak;
    }
  return false;
}

Action FunctionRewriter::act(Act K, SourceRange R, llvm::StringRef What, std::string A,
                            std::string B) {
  Action X;
  X.Kind = K;
  X.Range = R;
  X.What = What.str();
  X.A = std::move(A);
  X.B = std::move(B);
  return X;
}

Action FunctionRewriter::actAt(Act K, SourceLocation At, llvm::StringRef What, std::string A) {
  Action X;
  X.Kind = K;
  X.At = At;
  X.What = What.str();
  X.A = std::move(A);
  return X;
}

bool FunctionRewriter::plan(Action A) {
  bool OK = PlanEmitter::check(E, A);
  if (!OK && A.Label.empty())
    return false;
  if (!OK)
    A.Kind = Act::Note; // the label stays in the dump, the edit is dropped
  St.Plan.Actions.push_back(std::move(A));
  return OK;
}

Action &FunctionRewriter::label(Action &A, llvm::StringRef Label, SourceLocation L,
                                const Expr *Subject) {
  if (!Plan)
    return label(A, Label, L, llvm::StringRef());
  CharSourceRange R = CharSourceRange::getTokenRange(SM.getFileLoc(Subject->getBeginLoc()),
                                                     SM.getFileLoc(Subject->getEndLoc()));
  return label(A, Label, L, Lexer::getSourceText(R, SM, MT.context().getLangOpts()));
}

Action &FunctionRewriter::label(Action &A, llvm::StringRef Label, SourceLocation L,
                                llvm::StringRef Subject) {
  A.Label = Label.str();
  A.LabelAt = L;
  A.Subject = Subject.str();
  return A;
}

void FunctionRewriter::note(SourceLocation L, llvm::StringRef Label, const Expr *Subject) {
  Action A;
  plan(label(A, Label, L, Subject));
}

void FunctionRewriter::note(SourceLocation L, llvm::StringRef Label, llvm::StringRef Subject) {
  Action A;
  plan(label(A, Label, L, Subject));
}

void FunctionRewriter::retainIfBorrowed(Expr *Ex, Own O) {
  if (O != Own::Borrowed && O != Own::Temp)
    return;
  if (MT.copyRecord(Ex->getType())) {
    std::string B = valueHelpers(Ex->getType(), Ex->getBeginLoc());
    if (!B.empty())
      plan(act(Act::ValueRetain, Ex->getSourceRange(), "a copy of a struct", B));
    return;
  }
  Action A = act(Act::Retain, Ex->getSourceRange(), "a retain");
  plan(label(A, "retain", Ex->getBeginLoc(), Ex));
}

bool FunctionRewriter::tryMove(Expr *Ex) {
  if (Naive || !St.Cur || !St.Cur->Root)
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts());
  if (!DRE || !isOwnedLocalRef(DRE) || isConstRef(DRE) ||
      !Last.isLastUse(DRE, St.Cur->Root, St.Cur->IsReturn))
    return false;
  Action A = act(Act::Move, DRE->getSourceRange(), "moving a last use", movePrefix(DRE));
  if (!PlanEmitter::check(E, A))
    return false;
  plan(label(A, "move", DRE->getBeginLoc(), DRE));
  ++Moves;
  return true;
}

void FunctionRewriter::makeTemp(Expr *Ex, QualType T, bool KeepAlive, llvm::StringRef What,
                                SourceRange Text) {
  if (!St.Cur) {
    E.diags().report(Ex->getBeginLoc(), diag::TempOutsideStatement, {What.str()});
    return;
  }
  Action A = act(Act::Temp, Text.isValid() ? Text : Ex->getSourceRange(), What);
  label(A, KeepAlive ? "keep-alive" : "temporary", Ex->getBeginLoc(), Ex);
  std::string Decl = tempDecl(T, Ex->getBeginLoc(), KeepAlive,
                              "rc__t" + std::to_string(++St.NextTemp), A);
  if (Decl.empty())
    A.Kind = Act::Note;
  else
    St.Cur->TempDecls.push_back(Decl);
  plan(std::move(A));
}

// A temporary's declaration, and what its action wraps the value in
// (Act::Temp: `(A.A = A.B value)`). A +1 result is stored as it is. A
// keep-alive is a hold (autorc.h's rc__hold; a struct's: ValueStructs.h,
// _hold): its retain saves the collector's epoch, so that its release makes
// no candidate root unless a collection ran meanwhile (gc.c, "Keep-alive
// holds"). Empty if a struct's helpers cannot be made (reported).
std::string FunctionRewriter::tempDecl(QualType T, SourceLocation Loc, bool KeepAlive,
                                       const std::string &Name, Action &A) {
  std::string TS = MT.typeSpelling(T.getUnqualifiedType());
  A.A = Name;
  if (MT.copyRecord(T)) {
    std::string B = valueHelpers(T, Loc);
    if (B.empty())
      return "";
    if (!KeepAlive)
      return TS + " " + Name + " __attribute__((cleanup(" + B + "_dec))) = {0};";
    A.A = Name + ".v";
    A.B = B + "_hold_retain(&" + Name + ".epoch, ";
    return "struct " + B + "_hold " + Name + " __attribute__((cleanup(" + B + "_hold_drop))) = {0};";
  }
  if (TS.find("(unnamed") != std::string::npos || TS.find("(anonymous") != std::string::npos)
    TS = "void *";
  std::string Sep = TS.back() == '*' ? "" : " ";
  if (!KeepAlive)
    return TS + Sep + Name + " __attribute__((cleanup(rc__drop))) = NULL;";
  A.A = Name + ".obj";
  A.B = "rc__hold(&" + Name + ".epoch, ";
  return "struct { " + TS + Sep + "obj; rc__epoch_t epoch; } " + Name +
         " __attribute__((cleanup(rc__hold_drop))) = {0};";
}

bool FunctionRewriter::rcNewExpansion(Expr *Ex, Own &Result) {
  SourceLocation B = Ex->getBeginLoc(), End = Ex->getEndLoc();
  if (!B.isMacroID() || !End.isMacroID())
    return false;
  const LangOptions &LO = MT.context().getLangOpts();
  llvm::StringRef Name = Lexer::getImmediateMacroName(B, SM, LO);
  if (Name != "rc_new" && Name != "rc_new_typed")
    return false;
  CharSourceRange RB = SM.getImmediateExpansionRange(B);
  CharSourceRange RE = SM.getImmediateExpansionRange(End);
  if (RB.getBegin() != RE.getBegin() || RB.getEnd() != RE.getEnd())
    return false; // only part of this expression comes from the macro
  Result = Own::Owned;
  if (Name == "rc_new_typed")
    return true;
  // The expansion's own type (T *): an argument reaches here still wrapped
  // in its conversion to the parameter's type (void * for rc_list_append).
  const RecordDecl *RD = MT.managedPointee(Ex->IgnoreParenImpCasts()->getType());
  if (!RD)
    return true; // no managed fields: rc_new's own anonymous descriptor is right
  SourceRange Text = invocationText(B, End);
  SourceLocation MacroLoc = Text.getBegin(), CloseLoc = Text.getEnd();
  if (Text.isInvalid()) {
    E.diags().report(B, diag::RcNewInMacro, {MT.recordSpelling(RD)});
    return true;
  }
  auto Sites = AllocSites.find(cast<RecordDecl>(RD->getCanonicalDecl()));
  size_t NSites = Sites != AllocSites.end() ? Sites->second.size() : 1;
  bool Many = NSites > OutlineAllocSites;
  // The fast path stays inline while clang can copy it at most
  // OutlineAllocSites times: the type's sites, times the callers of this
  // function (a constructor) it may be inlined into. Beyond, T's allocation
  // function (RC__NEW_MANAGED) holds it once.
  auto Calls = Callers.find(St.FD->getCanonicalDecl());
  unsigned NCallers = Calls != Callers.end() ? Calls->second : 0;
  bool Inline = !Many && NSites * std::max(1u, NCallers) <= OutlineAllocSites;
  std::string Desc = Many || Inline ? DG.descriptorName(RD) : DG.allocatedType(RD);
  if (Inline) {
    Action A = actAt(Act::RcNew, MacroLoc, "rc_new", "RC__NEW_INLINE");
    A.At2 = CloseLoc;
    A.B = ", " + Desc;
    plan(std::move(A));
    return true;
  }
  if (Many) {
    // Many sites: the runtime's rc__new, out of line, with the same
    // descriptor and site (FunctionRewriter.h, OutlineAllocSites).
    Action A = actAt(Act::RcNew, MacroLoc, "rc_new", "rc_new_typed");
    A.At2 = CloseLoc;
    A.B = ", *__extension__({ extern const rc_type " + Desc + "; &" + Desc + "; })";
    if (plan(std::move(A)))
      ++OutlinedAllocs;
    return true;
  }
  Action A = actAt(Act::RcNew, MacroLoc, "rc_new", "RC__NEW_MANAGED");
  A.At2 = CloseLoc;
  A.B = ", " + Desc;
  plan(std::move(A));
  return true;
}

// A call written through a function-like macro of <autorc.h> (rc_tlist_get,
// rc_tlist_append, ...): its expansion is a call of a runtime function,
// maybe under pointer casts and parentheses, maybe after commas whose left
// sides only check types. The call's conventions (its annotations) hold
// for the whole expansion, so a temporary or a release wraps the macro
// invocation as the user wrote it; the arguments are walked as usual.
bool FunctionRewriter::runtimeMacroCall(Expr *Ex, bool Consumed, bool Discarded, Own &Result) {
  SourceLocation B = Ex->getBeginLoc(), End = Ex->getEndLoc();
  if (!B.isMacroID() || !End.isMacroID() || !MT.isRuntimeLoc(B))
    return false;
  if (invocationText(B, End).isInvalid())
    return false; // not one whole invocation written in the user's text
  std::vector<Expr *> Checks;
  Expr *Inner = Ex;
  for (;;) {
    Inner = Inner->IgnoreParens();
    if (auto *IC = dyn_cast<ImplicitCastExpr>(Inner)) {
      Inner = IC->getSubExpr();
    } else if (auto *CE = dyn_cast<CStyleCastExpr>(Inner)) {
      if (!CE->getType()->isPointerType() || !CE->getSubExpr()->getType()->isPointerType())
        return false;
      Inner = CE->getSubExpr();
    } else if (auto *BO = dyn_cast<BinaryOperator>(Inner); BO && BO->getOpcode() == BO_Comma) {
      Checks.push_back(BO->getLHS());
      Inner = BO->getRHS();
    } else {
      break;
    }
  }
  auto *C = dyn_cast<CallExpr>(Inner);
  if (!C)
    return false;
  for (Expr *X : Checks)
    walk(X, false, true);
  // The expansion's own type: an argument reaches here still wrapped in its
  // conversion to the parameter's type (void * for rc_tlist_append's x).
  Result = walkCall(C, Consumed, Discarded, Ex->IgnoreImpCasts());
  return true;
}

// rc_new(T) of a managed T whose +1 nothing takes (an argument, a
// condition, a discarded statement) is released like any +1 call result: at
// once when discarded, else from a temporary at the end of the full
// expression. (A T * of a plain struct is not counted: left as written.)
FunctionRewriter::Own FunctionRewriter::unstoredNew(Expr *Ex, bool Discarded) {
  SourceRange Text = invocationText(Ex->getBeginLoc(), Ex->getEndLoc());
  if (Text.isInvalid())
    return Own::Owned; // rc_new inside another macro: refused (RcNewInMacro)
  if (Discarded) {
    Action A = act(Act::Release, Text, "releasing an unused result");
    plan(label(A, "release", Ex->getBeginLoc(), Ex));
    return Own::Borrowed;
  }
  makeTemp(Ex, Ex->IgnoreParenImpCasts()->getType().getCanonicalType(), false, "a temporary result",
           Text);
  return Own::Temp;
}

// The text of the macro invocation whose whole expansion is [B, End] (an
// expression's first and last tokens), as the user wrote it: where it is
// expanded, or, written as an argument of a macro of <autorc.h>
// (rc_tlist_append(l, rc_tlist_new(L)), rc_tlist_append(l, rc_new(T))),
// where that argument is spelled, through any depth of such arguments. The
// preprocessor expands an argument as written, then puts the result into
// the macro's body; those macros evaluate each argument once (the
// typed-list check reads the element again only under sizeof), so an edit
// of the argument's text edits its one evaluation. Invalid for part of an
// expansion, and inside any other macro.
SourceRange FunctionRewriter::invocationText(SourceLocation B, SourceLocation End) const {
  SourceLocation PB, PE;
  while (SM.isMacroArgExpansion(B, &PB) && SM.isMacroArgExpansion(End, &PE)) {
    if (PB != PE || !MT.isRuntimeLoc(PB))
      return {}; // two arguments, or an argument of another macro
    B = SM.getImmediateSpellingLoc(B);
    End = SM.getImmediateSpellingLoc(End);
  }
  if (!B.isMacroID() || !End.isMacroID())
    return {};
  CharSourceRange RB = SM.getImmediateExpansionRange(B);
  CharSourceRange RE = SM.getImmediateExpansionRange(End);
  if (RB.getBegin() != RE.getBegin() || RB.getEnd() != RE.getEnd() || !RB.getBegin().isFileID() ||
      !RB.getEnd().isFileID())
    return {};
  unsigned Len = Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, MT.context().getLangOpts());
  if (!SM.isAtStartOfImmediateMacroExpansion(B) || Len == 0 ||
      !SM.isAtEndOfImmediateMacroExpansion(End.getLocWithOffset(Len)))
    return {}; // only part of the expansion
  return {RB.getBegin(), RB.getEnd()};
}

FunctionRewriter::Own FunctionRewriter::walk(Expr *Ex, bool Consumed, bool Discarded) {
  if (!Ex)
    return Own::Borrowed;
  Own R;
  if (rcNewExpansion(Ex, R))
    return Consumed || !MT.isManagedPtr(Ex->IgnoreParenImpCasts()->getType())
               ? R
               : unstoredNew(Ex, Discarded);
  if (runtimeMacroCall(Ex, Consumed, Discarded, R))
    return R;
  ASTContext &Ctx = MT.context();
  if (Ex->getType()->isPointerType() && !Ex->isValueDependent() &&
      Ex->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull)
    return Own::Null;
  if (auto *P = dyn_cast<ParenExpr>(Ex))
    return walk(P->getSubExpr(), Consumed, Discarded);
  if (auto *IC = dyn_cast<ImplicitCastExpr>(Ex)) {
    if (auto *CL = dyn_cast<CompoundLiteralExpr>(IC->getSubExpr()->IgnoreParens()))
      if (IC->getCastKind() == CK_LValueToRValue && MT.copyRecord(CL->getType()))
        return walkCompoundLiteral(CL, Consumed);
    if (IC->getCastKind() == CK_ArrayToPointerDecay && !ElementDecays.count(IC))
      checkUnionAddress(IC->getSubExpr()); // an array's address taken
    return walk(IC->getSubExpr(), Consumed, Discarded);
  }
  if (const ImplicitCastExpr *Decay = elementDecay(Ex))
    ElementDecays.insert(Decay); // `a[i]`, `*(a + i)`: an element, not the address
  if (auto *UO = dyn_cast<UnaryOperator>(Ex); UO && UO->getOpcode() == UO_AddrOf)
    checkUnionAddress(UO->getSubExpr());
  if (auto *CL = dyn_cast<CompoundLiteralExpr>(Ex))
    if (MT.valueRecord(CL->getType()) || MT.valueRecordArray(CL->getType())) {
      E.diags().report(CL->getBeginLoc(), diag::CompoundLiteralObject);
      return Own::Borrowed;
    }
  if (auto *CE = dyn_cast<CStyleCastExpr>(Ex)) {
    if (CE->getType()->isVoidType()) {
      walk(CE->getSubExpr(), false, true);
      return Own::Borrowed;
    }
    if (CE->getType()->isPointerType() && CE->getSubExpr()->getType()->isPointerType())
      return walk(CE->getSubExpr(), Consumed, false);
    walk(CE->getSubExpr(), false, false);
    return Own::Borrowed;
  }
  if (auto *BO = dyn_cast<BinaryOperator>(Ex); BO && BO->isAssignmentOp())
    checkUnionStore(BO->getLHS());
  if (auto *UO = dyn_cast<UnaryOperator>(Ex); UO && UO->isIncrementDecrementOp())
    checkUnionStore(UO->getSubExpr());
  if (auto *C = dyn_cast<CallExpr>(Ex))
    return walkCall(C, Consumed, Discarded);
  if (auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->getOpcode() == BO_Comma) {
      walk(BO->getLHS(), false, true);
      return walk(BO->getRHS(), Consumed, Discarded);
    }
    if (BO->getOpcode() == BO_Assign && MT.isManagedPtr(BO->getLHS()->getType()))
      return walkStore(BO, Consumed, Discarded);
    if (BO->getOpcode() == BO_Assign && MT.copyRecord(BO->getLHS()->getType()))
      return walkValueStore(BO, Consumed, Discarded);
    if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
        ME && BO->getOpcode() == BO_Assign)
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()); F && countedTagStore(F))
        return walkTagStore(BO, F);
    walk(BO->getLHS(), false, false);
    walk(BO->getRHS(), false, false);
    return Own::Borrowed;
  }
  if (auto *CO = dyn_cast<ConditionalOperator>(Ex))
    return walkConditional(CO, Consumed, Discarded);
  if (isa<UnaryExprOrTypeTraitExpr>(Ex) || isa<OffsetOfExpr>(Ex))
    return Own::Borrowed; // sizeof/alignof operands are not evaluated
  if (auto *GS = dyn_cast<GenericSelectionExpr>(Ex))
    return GS->isResultDependent() ? Own::Borrowed
                                   : walk(GS->getResultExpr(), Consumed, Discarded);
  if (auto *SE = dyn_cast<StmtExpr>(Ex))
    return walkStmtExpr(SE, Consumed, Discarded);
  for (Stmt *Child : Ex->children())
    if (auto *CE = dyn_cast_or_null<Expr>(Child))
      walk(CE, false, false);
  return Own::Borrowed;
}

// `c ? a : b` consumed: +1 when either branch is, the other retained.
FunctionRewriter::Own FunctionRewriter::walkConditional(ConditionalOperator *CO, bool Consumed,
                                                        bool Discarded) {
  walk(CO->getCond(), false, false);
  Own A = walk(CO->getTrueExpr(), Consumed, Discarded);
  Own B = walk(CO->getFalseExpr(), Consumed, Discarded);
  if (!Consumed)
    return Own::Borrowed;
  if (A == Own::Null && B == Own::Null)
    return Own::Null;
  if (A != Own::Owned && A != Own::Null && B != Own::Owned && B != Own::Null)
    return Own::Borrowed;
  retainIfBorrowed(CO->getTrueExpr(), A);
  retainIfBorrowed(CO->getFalseExpr(), B);
  return Own::Owned;
}

FunctionRewriter::Own FunctionRewriter::walkStmtExpr(StmtExpr *SE, bool Consumed,
                                                     bool Discarded) {
  CompoundStmt *CS = SE->getSubStmt();
  Stmt *Last = CS->body_empty() ? nullptr : CS->body_back();
  for (Stmt *S : CS->body())
    if (S != Last)
      walkStmt(S);
  if (auto *LE = dyn_cast_or_null<Expr>(Last))
    return walkStmtExprValue(SE, LE, Consumed, Discarded);
  walkStmt(Last);
  return Own::Borrowed;
}

// The value of `({ ...; V; })`. The block's strong locals are released
// when it ends, before the value is used: a value that reads one of them
// (`({ T *t = make(); t; })`, `t->next`) is retained inside the block and
// is then a +1 result like a call's.
FunctionRewriter::Own FunctionRewriter::walkStmtExprValue(StmtExpr *SE, Expr *V, bool Consumed,
                                                          bool Discarded) {
  Own O = walk(V, Consumed, Discarded);
  if (Discarded || O != Own::Borrowed || !MT.isManagedPtr(V->getType()))
    return O;
  std::set<const VarDecl *> Inner; // the block's own variables
  std::function<void(const Stmt *)> Decls = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Inner.insert(VD);
    for (const Stmt *C : S->children())
      Decls(C);
  };
  Decls(SE->getSubStmt());
  bool ReadsInnerLocal = false;
  std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
    if (!S || ReadsInnerLocal)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (St.OwnedVars.count(VD) && Inner.count(VD))
          ReadsInnerLocal = true;
    for (const Stmt *C : S->children())
      Scan(C);
  };
  Scan(V);
  if (!ReadsInnerLocal)
    return O;
  Action A = act(Act::Retain, V->getSourceRange(), "the value of a statement expression");
  plan(label(A, "retain", V->getBeginLoc(), V));
  if (Consumed && !Naive)
    return Own::Owned;
  makeTemp(SE, SE->getType(), false, "the value of a statement expression");
  return Own::Temp;
}

FunctionRewriter::Own FunctionRewriter::walkCall(CallExpr *C, bool Consumed, bool Discarded,
                                                 Expr *Site) {
  FunctionDecl *Callee = C->getDirectCallee();
  if (Callee && isSetjmpName(Callee->getName()))
    St.SetjmpCalls.push_back(C);
  valueSlotsCall(C);
  wholeStructCall(C);
  walk(C->getCallee(), false, false);
  const FunctionProtoType *Proto = nullptr;
  QualType CT = C->getCallee()->getType();
  if (const auto *PT = CT->getAs<PointerType>())
    CT = PT->getPointeeType();
  Proto = CT->getAs<FunctionProtoType>();
  for (unsigned I = 0; I < C->getNumArgs(); ++I) {
    Expr *A = C->getArg(I);
    if (Owned && Owned->isOwnedArg(Callee, I)) {
      // An owned parameter (MoveAnalysis.h) takes +1: a +1 value as it is,
      // a last use moved, anything else retained.
      Own O = walk(A, true, false);
      if (O == Own::Owned) {
        ++OwnedArgs;
        note(A->getBeginLoc(), "take", A);
      }
      else if (O != Own::Null && !tryMove(A))
        retainIfBorrowed(A, O);
      continue;
    }
    Own O = walk(A, false, false);
    bool ManagedParam = false;
    if (Proto && I < Proto->getNumParams()) {
      if (MT.isManagedPtr(Proto->getParamType(I)) || MT.copyRecord(Proto->getParamType(I)))
        ManagedParam = true;
      else if (const ParmVarDecl *PD = calleeParam(C, I);
               PD && MT.isObjectArg(PD) && MT.isManagedPtr(A->IgnoreParenImpCasts()->getType()))
        ManagedParam = true;
    }
    bool CalleeSafe = Elide && Elide->isReleaseFree(Callee);
    if (ManagedParam && O == Own::Borrowed && ((Naive && !MT.isRuntimeDecl(Callee)) || !isLocalOrParamRef(A)) && !CalleeSafe)
      makeTemp(A, A->IgnoreParenImpCasts()->getType(), true,
               "keeping an argument alive across the call");
  }
  bool Owns = Callee ? MT.returnsOwned(Callee)
                    : MT.isManagedPtr(C->getType()) || MT.copyRecord(C->getType());
  if (!Owns)
    return Own::Borrowed;
  if (Consumed && !Naive)
    return Own::Owned;
  // A macro's expansion may have a typeof type: spell the type it denotes.
  QualType T = Site ? Site->getType().getCanonicalType() : C->getType();
  if (!Site)
    Site = C;
  if (Discarded && MT.copyRecord(C->getType())) {
    std::string B = valueHelpers(C->getType(), C->getBeginLoc());
    if (!B.empty())
      plan(act(Act::ValueRelease, Site->getSourceRange(), "releasing an unused result", B));
    return Own::Borrowed;
  }
  if (Discarded) {
    Action A = act(Act::Release, Site->getSourceRange(), "releasing an unused result");
    plan(label(A, "release", C->getBeginLoc(), C));
    return Own::Borrowed;
  }
  makeTemp(Site, T, false, "a temporary result");
  return Own::Temp;
}

FunctionRewriter::Own FunctionRewriter::walkStore(BinaryOperator *BO, bool Consumed,
                                                  bool Discarded) {
  Expr *L = BO->getLHS(), *Rhs = BO->getRHS();
  SlotKind K = MT.slotKindOf(L);
  walk(L, false, false);
  const auto *LRef = dyn_cast<DeclRefExpr>(L->IgnoreParenImpCasts());
  if (LRef && isa<VarDecl>(LRef->getDecl()) && St.BorrowedVars.count(cast<VarDecl>(LRef->getDecl())))
    K = SlotKind::Unowned; // `q = q->next` of a borrowed iteration variable: as written
  if (K == SlotKind::Unowned || K == SlotKind::None) {
    walk(Rhs, false, false);
    return Own::Borrowed;
  }
  std::string Fn;
  if (K == SlotKind::Weak) {
    walk(Rhs, false, false);
    Fn = "rc__weak_assign";
  } else {
    Own O = walk(Rhs, true, false);
    if (St.StealingStores.count(BO))
      O = Own::Owned; // takes the reference of the slot the next statement overwrites
    if (O == Own::Borrowed && tryMove(Rhs))
      O = Own::Owned;
    if (St.NoReleaseStores.count(BO)) {
      // A fresh object's NULL field, or a slot whose reference the
      // statement before took: nothing to release, a plain store.
      note(BO->getOperatorLoc(), "plain-store", L);
      retainIfBorrowed(Rhs, O);
      return Own::Borrowed;
    }
    Fn = (O == Own::Borrowed || O == Own::Temp) ? "rc__assign" : "rc__assign_owned";
  }
  std::string Prefix = Fn + "((void **)&(", Suffix = ")";
  if (!Discarded) {
    Prefix = "((" + MT.typeSpelling(L->getType()) + ")" + Prefix;
    Suffix += ")";
  }
  Action A = act(Act::Store, BO->getSourceRange(), "a store to a managed slot", Prefix, Suffix);
  A.At = BO->getOperatorLoc();
  plan(label(A, K == SlotKind::Weak ? "weak-store" : Fn == "rc__assign" ? "assign" : "assign-owned",
             BO->getOperatorLoc(), L));
  return Own::Borrowed;
}

} // namespace autorc
