// GlobalCheck.cpp — [autorc-global]: globals holding managed objects.
//
// A variable with static storage (file scope, or a static local) whose type
// holds strong managed slots — a managed pointer, an array of them, a
// struct with such fields — keeps what it refers to alive until the program
// exits, and is a root the cycle collector never frees through (Python's
// advice about module globals). So does a global pointer to a heap array of
// managed pointers (`struct obj **slots`, a slot array: [autorc-slots]) once
// the program stores a block into it from a call (`slots = calloc(...)`,
// rc_slots_resize): a pointer to managed slots set otherwise (`&n->next`)
// points into something another owner holds. Warned at its definition, with
// a note at each store into it (at most three; `g = ...`, `g[i] = ...`,
// `g.f = ...`, `slots[i] = ...`, and calls that keep a reference in it:
// RC_STORES in <autorc.h>, such as rc_list_append(g, ...) or
// rc_dict_set(g, k, v)).
//
// Not warned: RC_WEAK / RC_UNOWNED globals (they own nothing), `extern`
// declarations (the definition is warned where it is), and a global the
// translation unit clears — a store of NULL into it, or an RC_CLEARS call
// (rc_list_clear(g), rc_dict_clear(g), rc_slots_free(slots, n)), directly
// or through a helper of the file (`reset(&g)` where reset stores NULL into
// `*p`: ClearingHelpers.h) — since the program then manages the lifetime by
// hand. RC_NOWARN(global) on the variable (or the function around a static
// local) silences it. Nor a global only this file can reach (`static`, or
// a static local) that it never stores into: no store, a zero initialiser,
// and every use of it a read (its address never taken, an array of it
// never passed on), so it holds NULL for the whole run.
#include "Warnings.h"
#include "ClearingHelpers.h"
#include "../Contracts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
#include <set>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

// A pointer to managed slots that is not itself a managed pointer (the
// type of a slot array, `struct obj **`).
bool slotArrayType(const ManagedTypes &MT, QualType T) {
  const auto *PT = T->getAs<PointerType>();
  return PT && !MT.isManagedPtr(T) && MT.isManagedPtr(PT->getPointeeType());
}

const VarDecl *globalVar(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage())
        return cast<VarDecl>(VD->getCanonicalDecl());
  return nullptr;
}

// The global whose slots E is: `g`, `g[i]`, `g.f`, and through a global
// slot array `slots[i]`, `*slots`.
const VarDecl *globalRoot(const ManagedTypes &MT, const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage())
          return cast<VarDecl>(VD->getCanonicalDecl());
      return nullptr;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr; // a store into the object, not into the global
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (slotArrayType(MT, Base->getType()))
        return globalVar(Base);
      if (!Base->getType()->isArrayType() &&
          !isa<ArrayType>(Base->getType().getCanonicalType()))
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_Deref && slotArrayType(MT, U->getSubExpr()->getType()))
        return globalVar(U->getSubExpr());
      return nullptr;
    }
    return nullptr;
  }
}

// An initialiser that leaves every managed slot NULL: none, NULL, 0, {0},
// {}, `{NULL, 1}` (plain data may be anything).
bool zeroInit(const ManagedTypes &MT, const Expr *E) {
  if (!E)
    return true;
  E = E->IgnoreParenImpCasts();
  if (isa<ImplicitValueInitExpr>(E) ||
      E->isNullPointerConstant(MT.context(), Expr::NPC_ValueDependentIsNotNull))
    return true;
  const auto *ILE = dyn_cast<InitListExpr>(E);
  if (!ILE)
    return false;
  for (const Expr *I : ILE->inits())
    if (MT.containsManagedSlots(I->getType()) && !zeroInit(MT, I))
      return false;
  return true;
}

// The global whose address E is (`&g`, `&g.f`, `&g[i]`), or null.
const VarDecl *addressedGlobal(const ManagedTypes &MT, const Expr *E) {
  const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  if (!U || U->getOpcode() != UO_AddrOf)
    return nullptr;
  return globalRoot(MT, U->getSubExpr());
}

class GlobalVisitor : public RecursiveASTVisitor<GlobalVisitor> {
public:
  GlobalVisitor(const ManagedTypes &MT, const ClearingHelpers &Helpers)
      : MT(MT), Helpers(Helpers) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    return RecursiveASTVisitor<GlobalVisitor>::TraverseDecl(D);
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasGlobalStorage() || isa<ParmVarDecl>(VD))
      return true;
    if (VD->isThisDeclarationADefinition() == VarDecl::DeclarationOnly)
      return true;
    bool Slots = slotArrayType(MT, VD->getType());
    if (!Slots && !MT.containsManagedSlots(VD->getType()))
      return true;
    if (Slots)
      SlotArrays.insert(cast<VarDecl>(VD->getCanonicalDecl()));
    if (Slots && VD->getInit() && isa<CallExpr>(VD->getInit()->IgnoreParenCasts()))
      Owning.insert(cast<VarDecl>(VD->getCanonicalDecl()));
    SlotKind K = MT.slotKindOf(VD);
    if (K == SlotKind::Weak || K == SlotKind::Unowned)
      return true;
    const VarDecl *C = cast<VarDecl>(VD->getCanonicalDecl());
    if (!Defs.count(C)) {
      Defs[C] = VD;
      Order.push_back(C);
    }
    if (!zeroInit(MT, VD->getInit()))
      Initialised.insert(C);
    return true;
  }

  // sizeof, _Alignof: the operand is not evaluated (a mention of a global
  // there neither reads nor stores it).
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; }

  // Every mention of a global, and those that only read it (`g`, `g->f`,
  // `g[i]`, `g.f` as values): a global with a mention of another kind may
  // be stored through a pointer.
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage())
        ++Mentions[cast<VarDecl>(VD->getCanonicalDecl())];
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
    if (IC->getCastKind() == CK_LValueToRValue)
      if (const auto *DRE = readRoot(IC->getSubExpr()))
        ++Reads[cast<VarDecl>(cast<VarDecl>(DRE->getDecl())->getCanonicalDecl())];
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const VarDecl *G = globalRoot(MT, BO->getLHS());
    if (!G)
      return true;
    QualType LT = BO->getLHS()->getType();
    if (slotArrayType(MT, LT)) {
      // The slot array's pointer itself: owning once a call gives it a
      // block (`slots = calloc(n, sizeof *slots)`).
      if (!isa<CallExpr>(BO->getRHS()->IgnoreParenCasts()))
        return true;
      Owning.insert(G);
    } else if (!MT.containsManagedSlots(LT)) {
      return true;
    }
    if (BO->getRHS()->isNullPointerConstant(MT.context(), Expr::NPC_ValueDependentIsNotNull))
      Cleared.insert(G);
    else
      Stores[G].push_back(BO->getLHS()->getBeginLoc());
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    unsigned Arg;
    bool Contract = contracts::clears(Callee, Arg);
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I);
      const VarDecl *G = nullptr;
      if ((Contract && I == Arg) || Helpers.clearsContainer(Callee, I))
        G = globalRoot(MT, A);
      if (!G && Helpers.clearsPointee(Callee, I))
        G = addressedGlobal(MT, A);
      if (G)
        Cleared.insert(G);
    }
    for (const contracts::Store &S : contracts::stores(Callee))
      if (S.Container < C->getNumArgs())
        if (const VarDecl *G = globalRoot(MT, C->getArg(S.Container))) {
          Stores[G].push_back(C->getBeginLoc());
          break; // one note per call (rc_dict_set stores a key and a value)
        }
    return true;
  }

  const ManagedTypes &MT;
  const ClearingHelpers &Helpers;
  std::map<const VarDecl *, const VarDecl *> Defs;
  std::vector<const VarDecl *> Order;
  std::set<const VarDecl *> Cleared, Initialised;
  std::map<const VarDecl *, unsigned> Mentions, Reads;

  // The global whose slot a read of E loads: `g`, `g.f`, `g[i]` (g an
  // array), each spelled once.
  static const DeclRefExpr *readRoot(const Expr *E) {
    for (;;) {
      E = E->IgnoreParens();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        return VD && VD->hasGlobalStorage() ? DRE : nullptr;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
        E = ME->getBase();
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const auto *Decay = dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens());
        if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
          return nullptr;
        E = Decay->getSubExpr();
        continue;
      }
      return nullptr;
    }
  }

  // Only this file reaches C, and it never stores into it.
  bool neverSet(const VarDecl *C, const VarDecl *Def) const {
    if (Def->isExternallyVisible() && !Def->isStaticLocal())
      return false;
    if (Initialised.count(C) || Stores.count(C))
      return false;
    auto M = Mentions.find(C);
    auto R = Reads.find(C);
    unsigned Read = R == Reads.end() ? 0 : R->second;
    return M == Mentions.end() || M->second == Read;
  }
  std::set<const VarDecl *> SlotArrays, Owning; // slot-array globals; those given a block
  std::map<const VarDecl *, std::vector<SourceLocation>> Stores;
};

} // namespace

void runGlobalCheck(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  ClearingHelpers Helpers(Ctx);
  GlobalVisitor V(MT, Helpers);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const VarDecl *C : V.Order) {
    const VarDecl *VD = V.Defs[C];
    if (V.Cleared.count(C) || suppressedAt(VD, WarningKind::Global) || V.neverSet(C, VD))
      continue;
    if (V.SlotArrays.count(C) && !V.Owning.count(C))
      continue; // a pointer into slots someone else owns
    Finding R;
    R.Loc = VD->getLocation();
    R.set(VD->isStaticLocal() ? diag::StaticKeepsAlive : diag::GlobalKeepsAlive,
          {VD->getName().str()});
    const auto &St = V.Stores[C];
    for (size_t I = 0; I < St.size() && I < 3; ++I)
      R.Notes.push_back(findingNote(St[I], diag::GlobalNoteStored, {VD->getName().str()}));
    if (St.size() == 4)
      R.Notes.push_back(findingNote(St[3], diag::GlobalNoteOneMore));
    else if (St.size() > 4)
      R.Notes.push_back(
          findingNote(St[3], diag::GlobalNoteMore, {std::to_string(St.size() - 3)}));
    S.report(R);
  }
}

} // namespace warnings
} // namespace autorc
