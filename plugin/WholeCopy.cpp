// WholeCopy.cpp — see WholeCopy.h.
#include "WholeCopy.h"

using namespace clang;

namespace autorc {

namespace {
// The struct an argument points to, seen through the casts to void *.
QualType pointee(const Expr *A) {
  const auto *PT = A->IgnoreParenCasts()->getType()->getAs<PointerType>();
  return PT ? PT->getPointeeType().getUnqualifiedType().getCanonicalType() : QualType();
}

bool isConstant(const Expr *E, const ASTContext &Ctx, uint64_t Want) {
  Expr::EvalResult R;
  return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx) && R.Val.isInt() &&
         R.Val.getInt().getZExtValue() == Want && !R.Val.getInt().isNegative();
}
} // namespace

WholeCall wholeStructCall(const CallExpr *C, const ManagedTypes &MT) {
  WholeCall W;
  const FunctionDecl *F = C->getDirectCallee();
  if (!F || !C->getCallee()->getBeginLoc().isFileID())
    return W;
  llvm::StringRef N = F->getName();
  WholeOp Op = WholeOp::None;
  unsigned SizeArg = 2;
  if (N == "memcpy" || N == "memmove" || N == "__builtin_memcpy" || N == "__builtin_memmove")
    Op = WholeOp::Copy;
  else if (N == "memset" || N == "__builtin_memset")
    Op = WholeOp::Zero;
  else if (N == "bzero" || N == "explicit_bzero")
    Op = WholeOp::Zero, SizeArg = 1;
  if (Op == WholeOp::None || C->getNumArgs() != SizeArg + 1)
    return W;
  const ASTContext &Ctx = MT.context();
  QualType T = pointee(C->getArg(0));
  const RecordDecl *RD = T.isNull() ? nullptr : MT.copyRecord(T);
  if (!RD ||
      !isConstant(C->getArg(SizeArg), Ctx, Ctx.getTypeSizeInChars(T).getQuantity()))
    return W;
  if (Op == WholeOp::Copy && pointee(C->getArg(1)) != T)
    return W;
  if (Op == WholeOp::Zero && SizeArg == 2 && !isConstant(C->getArg(1), Ctx, 0))
    return W;
  W.Op = Op;
  W.RD = RD;
  W.T = T;
  return W;
}

} // namespace autorc
