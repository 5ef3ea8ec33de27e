// GlobalCheck.cpp — [autorc-global]: globals holding managed objects.
//
// A variable with static storage (file scope, or a static local) whose type
// holds strong managed slots — a managed pointer, an array of them, a
// struct with such fields — keeps what it refers to alive until the program
// exits, and is a root the cycle collector never frees through (Python's
// advice about module globals). Warned at its definition, with a note at
// each store into it (at most three; `g = ...`, `g[i] = ...`, `g.f = ...`,
// and calls that keep a reference in it: RC_STORES in <autorc.h>, such as
// rc_list_append(g, ...) or rc_dict_set(g, k, v)).
//
// Not warned: RC_WEAK / RC_UNOWNED globals (they own nothing), `extern`
// declarations (the definition is warned where it is), and a global the
// translation unit clears — a store of NULL into it, or an RC_CLEARS call
// (rc_list_clear(g), rc_dict_clear(g)) —
// since the program then manages the lifetime by hand. RC_NOWARN(global) on
// the variable (or the function around a static local) silences it.
#include "Warnings.h"
#include "../Contracts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
#include <set>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

const VarDecl *globalRoot(const Expr *E) {
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
      if (!ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType() &&
          !isa<ArrayType>(ASE->getBase()->IgnoreParenImpCasts()->getType().getCanonicalType()))
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    return nullptr;
  }
}

class GlobalVisitor : public RecursiveASTVisitor<GlobalVisitor> {
public:
  explicit GlobalVisitor(const ManagedTypes &MT) : MT(MT) {}

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
    if (!MT.containsManagedSlots(VD->getType()))
      return true;
    SlotKind K = MT.slotKindOf(VD);
    if (K == SlotKind::Weak || K == SlotKind::Unowned)
      return true;
    const VarDecl *C = cast<VarDecl>(VD->getCanonicalDecl());
    if (!Defs.count(C)) {
      Defs[C] = VD;
      Order.push_back(C);
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const VarDecl *G = globalRoot(BO->getLHS());
    if (!G || !MT.containsManagedSlots(BO->getLHS()->getType()))
      return true;
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
    if (contracts::clears(Callee, Arg) && Arg < C->getNumArgs())
      if (const VarDecl *G = globalRoot(C->getArg(Arg)))
        Cleared.insert(G);
    for (const contracts::Store &S : contracts::stores(Callee))
      if (S.Container < C->getNumArgs())
        if (const VarDecl *G = globalRoot(C->getArg(S.Container))) {
          Stores[G].push_back(C->getBeginLoc());
          break; // one note per call (rc_dict_set stores a key and a value)
        }
    return true;
  }

  const ManagedTypes &MT;
  std::map<const VarDecl *, const VarDecl *> Defs;
  std::vector<const VarDecl *> Order;
  std::set<const VarDecl *> Cleared;
  std::map<const VarDecl *, std::vector<SourceLocation>> Stores;
};

} // namespace

void runGlobalCheck(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  GlobalVisitor V(MT);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const VarDecl *C : V.Order) {
    const VarDecl *VD = V.Defs[C];
    if (V.Cleared.count(C) || suppressedAt(VD, WarningKind::Global))
      continue;
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
