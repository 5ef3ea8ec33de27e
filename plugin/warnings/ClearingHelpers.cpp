// ClearingHelpers.cpp — see ClearingHelpers.h.
#include "ClearingHelpers.h"
#include "../Contracts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <vector>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

const FunctionDecl *canon(const FunctionDecl *F) {
  return F ? F->getCanonicalDecl() : nullptr;
}

// The parameter E names (`p`), or null.
const ParmVarDecl *paramOf(const Expr *E) {
  if (const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<ParmVarDecl>(R->getDecl());
  return nullptr;
}

// The parameter whose pointee E is (`*p`, `p[0]`), or null.
const ParmVarDecl *pointeeParam(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_Deref ? paramOf(U->getSubExpr()) : nullptr;
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *Idx = dyn_cast<IntegerLiteral>(A->getIdx()->IgnoreParenImpCasts());
    if (Idx && Idx->getValue() == 0)
      return paramOf(A->getBase());
  }
  return nullptr;
}

} // namespace

// One pass over one function body, adding the effects it finds.
class ClearScan : public RecursiveASTVisitor<ClearScan> {
public:
  ClearScan(ClearingHelpers &H, const FunctionDecl *F, ASTContext &Ctx)
      : H(H), F(canon(F)), Ctx(Ctx) {}
  bool Changed = false;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign &&
        BO->getRHS()->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      if (const ParmVarDecl *P = pointeeParam(BO->getLHS()))
        add(H.Pointee, P);
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    unsigned Cleared;
    bool Contract = contracts::clears(Callee, Cleared);
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I);
      if ((Contract && I == Cleared) || H.clearsContainer(Callee, I)) {
        if (const ParmVarDecl *P = paramOf(A))
          add(H.Container, P);
        else if (const ParmVarDecl *P = pointeeParam(A))
          add(H.Pointee, P);
      }
      if (H.clearsPointee(Callee, I))
        if (const ParmVarDecl *P = paramOf(A))
          add(H.Pointee, P);
    }
    return true;
  }

private:
  void add(std::map<const FunctionDecl *, std::set<unsigned>> &M, const ParmVarDecl *P) {
    const auto *Owner = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!Owner || canon(Owner) != F)
      return;
    Changed |= M[F].insert(P->getFunctionScopeIndex()).second;
  }

  ClearingHelpers &H;
  const FunctionDecl *F;
  ASTContext &Ctx;
};

ClearingHelpers::ClearingHelpers(ASTContext &Ctx) {
  std::vector<const FunctionDecl *> Fns;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (F->doesThisDeclarationHaveABody())
        Fns.push_back(F);
  // Each round can only add effects; there are at most two per parameter.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionDecl *F : Fns) {
      ClearScan S(*this, F, Ctx);
      S.TraverseStmt(F->getBody());
      Changed |= S.Changed;
    }
  }
}

bool ClearingHelpers::clearsPointee(const FunctionDecl *F, unsigned I) const {
  auto It = Pointee.find(canon(F));
  return It != Pointee.end() && It->second.count(I);
}

bool ClearingHelpers::clearsContainer(const FunctionDecl *F, unsigned I) const {
  auto It = Container.find(canon(F));
  return It != Container.end() && It->second.count(I);
}

} // namespace warnings
} // namespace autorc
