// CalleeParams.cpp — see CalleeParams.h.
#include "CalleeParams.h"
#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"

using namespace clang;

namespace autorc {

namespace {
// The prototype spelled by TL, through pointers, parentheses, qualifiers,
// attributes, elaborated names and typedefs (each typedef's own declarator).
FunctionProtoTypeLoc prototypeOf(TypeLoc TL, unsigned Depth = 0) {
  while (!TL.isNull() && Depth++ < 16) {
    if (auto F = TL.getAs<FunctionProtoTypeLoc>())
      return F;
    if (auto P = TL.getAs<PointerTypeLoc>())
      TL = P.getPointeeLoc();
    else if (auto Pa = TL.getAs<ParenTypeLoc>())
      TL = Pa.getInnerLoc();
    else if (auto Q = TL.getAs<QualifiedTypeLoc>())
      TL = Q.getUnqualifiedLoc();
    else if (auto A = TL.getAs<AttributedTypeLoc>())
      TL = A.getModifiedLoc();
    else if (auto Ar = TL.getAs<ArrayTypeLoc>()) // a table of function pointers
      TL = Ar.getElementLoc();
    else if (auto El = TL.getAs<ElaboratedTypeLoc>()) // clang >= 16 wraps type names
      TL = El.getNamedTypeLoc();
    else if (auto T = TL.getAs<TypedefTypeLoc>()) {
      const TypeSourceInfo *TSI = T.getTypedefNameDecl()->getTypeSourceInfo();
      if (!TSI)
        break;
      TL = TSI->getTypeLoc();
    } else
      break;
  }
  return FunctionProtoTypeLoc();
}
} // namespace

const ParmVarDecl *calleeParam(const CallExpr *C, unsigned I) {
  if (const FunctionDecl *F = C->getDirectCallee())
    return I < F->getNumParams() ? F->getParamDecl(I) : nullptr;
  // Through dereferences (`(*fp)(x)`) and a table's elements (`fns[i](x)`,
  // `r->fns[i](x)`, `(*ptab)[i](x)` of a pointer to an array, `*(fns + i)`)
  // to the variable or field whose declarator spells the element's
  // prototype.
  const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
  for (;;) {
    const auto *U = dyn_cast<UnaryOperator>(Callee);
    const auto *BO = dyn_cast<BinaryOperator>(Callee);
    if (U && U->getOpcode() == UO_Deref)
      Callee = U->getSubExpr();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Callee))
      Callee = AS->getBase();
    else if (BO && BO->isAdditiveOp() && BO->getType()->isPointerType())
      Callee = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
    else
      break;
    Callee = Callee->IgnoreParenImpCasts();
  }
  const DeclaratorDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
    D = dyn_cast<DeclaratorDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(Callee))
    D = dyn_cast<DeclaratorDecl>(ME->getMemberDecl());
  if (!D || !D->getTypeSourceInfo())
    return nullptr;
  FunctionProtoTypeLoc F = prototypeOf(D->getTypeSourceInfo()->getTypeLoc());
  if (F.isNull() || I >= F.getNumParams())
    return nullptr;
  return F.getParam(I);
}

} // namespace autorc
