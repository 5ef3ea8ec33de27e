// FunctionRewriterGuards.cpp — cleanups of counted locals, and the guards
// that replace them when a goto jumps past a declaration (GotoGuards.h).
#include "FunctionRewriter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace autorc {

bool FunctionRewriter::isCountedLocal(const VarDecl *VD) const {
  if (isa<ParmVarDecl>(VD) || !VD->hasLocalStorage() || St.BorrowedVars.count(VD))
    return false;
  QualType T = VD->getType();
  if (MT.valueRecord(T) || MT.valueRecordArray(T))
    return true;
  SlotKind K = MT.slotKindOf(VD);
  return K == SlotKind::Strong || K == SlotKind::Weak;
}

void FunctionRewriter::addCleanup(VarDecl *VD, SourceLocation DeclEnd, const std::string &Drop,
                                  llvm::StringRef What) {
  makeAddressable(VD);
  if (!St.Guards.isGuarded(VD) || !VS) {
    plan(actAt(Act::Cleanup, DeclEnd, What, Drop));
    return;
  }
  std::string G = St.Guards.guardName(VD);
  std::string N = VD->getName().str();
  // The local's storage is hoisted to the block's start, before its guard:
  // the guard's cleanup then runs while the storage is still alive (a
  // local declared after the guard would end its lifetime first, and the
  // cleanup would read a dead object). The declaration itself initialises
  // a plain temporary of the same name prefix and copies it into the
  // hoisted storage, so a jump past it still skips the initialisation.
  QualType T = VD->getType();
  T.removeLocalConst();
  T.removeLocalRestrict(); // the hoisted storage's address is taken (makeAddressable)
  std::string Storage;
  llvm::raw_string_ostream OS(Storage);
  PrintingPolicy PP = VD->getASTContext().getPrintingPolicy();
  PP.SuppressScope = false;
  T.print(OS, PP, N);
  OS.flush();
  std::string Tmp = "rc__h" + G.substr(5);
  if (!plan(actAt(Act::GuardedDecl, VD->getLocation(), "the declaration of a guarded local", Tmp)))
    return;
  St.GuardDrops[VD] = Drop;
  St.GuardDecls[St.Guards.blockOf(VD)] += " " + Storage + "; void *" + G + " __attribute__((cleanup(" +
                                    VS->guardOf(Drop) + "))) = NULL;";
  St.PendingRegistrations += " __builtin_memcpy(&" + N + ", &" + Tmp + ", sizeof " + N + "); " + G +
                          " = &" + N + ";";
}

void FunctionRewriter::guardBlock(CompoundStmt *CS) {
  auto It = St.GuardDecls.find(CS);
  if (It == St.GuardDecls.end())
    return;
  plan(actAt(Act::AfterToken, CS->getLBracLoc(), "the guard of a local a goto jumps past",
             It->second));
  St.GuardDecls.erase(It);
}

void FunctionRewriter::guardDecl(DeclStmt *DS) {
  if (St.PendingRegistrations.empty())
    return;
  plan(actAt(Act::AfterToken, DS->getEndLoc(), "the guard of a local a goto jumps past",
             St.PendingRegistrations));
  St.PendingRegistrations.clear();
}

// A goto backward out of guarded locals' scope: release them and clear
// their guards before the jump, as leaving the scope does.
void FunctionRewriter::guardGoto(Stmt *G) {
  auto It = St.Guards.BackwardReleases.find(G);
  if (It == St.Guards.BackwardReleases.end() || !VS)
    return;
  std::string Prefix = "({";
  for (const VarDecl *V : It->second) {
    auto D = St.GuardDrops.find(V);
    if (D == St.GuardDrops.end())
      continue; // not rewritten (an error was reported)
    std::string N = St.Guards.guardName(V);
    Prefix += " " + VS->guardOf(D->second) + "(&" + N + "); " + N + " = NULL;";
  }
  plan(act(Act::GotoGuard, G->getSourceRange(), "a goto out of a guarded local's scope", Prefix));
}


namespace {
// References to a set of variables in an initialiser, and whether each is
// a use of the variable's address (`&v`, `&v.f`, `v` as a decayed array).
class GuardedRefs : public RecursiveASTVisitor<GuardedRefs> {
public:
  explicit GuardedRefs(const std::set<const VarDecl *> &Vars) : Vars(Vars) {}
  std::vector<std::pair<const DeclRefExpr *, bool>> Refs;
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    if (Vars.count(dyn_cast<VarDecl>(R->getDecl())))
      Refs.push_back({R, Addressed.count(R) != 0});
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      mark(UO->getSubExpr());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *C) {
    if (C->getCastKind() == CK_ArrayToPointerDecay)
      mark(C->getSubExpr());
    return true;
  }

private:
  // The variable whose storage E designates (`v`, `v.f`, `v.a[i]`).
  void mark(Expr *E) {
    while (true) {
      E = E->IgnoreParens();
      if (auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
        E = ME->getBase();
      else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E);
               AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        E = AS->getBase()->IgnoreParenImpCasts();
      else
        break;
    }
    if (auto *R = dyn_cast<DeclRefExpr>(E))
      Addressed.insert(R);
  }
  const std::set<const VarDecl *> &Vars;
  std::set<const DeclRefExpr *> Addressed;
};
} // namespace

// `struct node *a = mk(1), *b = a;` with both guarded: `a` is stored only
// when the statement ends (guardDecl), so a later declarator reads a's
// temporary, which holds the same value. Its address there would be the
// temporary's, not a's: refused.
void FunctionRewriter::readGuardedTemps(DeclStmt *DS, VarDecl *VD) {
  if (!VD->getInit())
    return;
  std::set<const VarDecl *> Earlier;
  for (Decl *D : DS->decls()) {
    if (D == VD)
      break;
    if (auto *P = dyn_cast<VarDecl>(D); P && St.GuardDrops.count(P))
      Earlier.insert(P);
  }
  if (Earlier.empty())
    return;
  GuardedRefs GR(Earlier);
  GR.TraverseStmt(VD->getInit());
  for (auto &[R, Addr] : GR.Refs) {
    const auto *P = cast<VarDecl>(R->getDecl());
    std::string N = P->getName().str();
    if (Addr) {
      E.diags().report(R->getLocation(), diag::GuardedLocalAddressInDecl,
                       {N, VD->getName().str()});
      continue;
    }
    plan(actAt(Act::GuardedDecl, R->getLocation(),
               "a read of a guarded local in its own declaration statement",
               "rc__h" + St.Guards.guardName(P).substr(5)));
  }
}

} // namespace autorc
