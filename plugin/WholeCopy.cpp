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

namespace {
// The declaration whose slot kind the slots at E (an array, or an element
// lvalue) have: an array variable or field, seen through `a[i]`; null for
// slots reached through a pointer (strong by default).
const ValueDecl *slotsDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    E = ASE->getBase()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

bool inUnion(const ValueDecl *D) {
  const auto *FD = dyn_cast_or_null<FieldDecl>(D);
  return FD && FD->getParent()->isUnion();
}
} // namespace

SlotKind pointedSlots(const Expr *A, const ManagedTypes &MT, QualType *Elem, bool *Union) {
  const Expr *E = A->IgnoreParenCasts();
  // `p + i`, `a + i`: the slots p or a points to.
  while (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (!BO->isAdditiveOp() || !BO->getLHS()->getType()->isPointerType())
      break;
    E = BO->getLHS()->IgnoreParenCasts();
  }
  QualType T;
  const Expr *Slots = nullptr; // the lvalue holding the slots
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf) {
    Slots = UO->getSubExpr()->IgnoreParens();
    T = Slots->getType();
  } else if (E->getType()->isArrayType()) {
    Slots = E;
    T = E->getType();
  } else if (const auto *PT = E->getType()->getAs<PointerType>()) {
    T = PT->getPointeeType();
  }
  if (T.isNull())
    return SlotKind::None;
  if (T->isArrayType())
    T = QualType(MT.context().getBaseElementType(T));
  if (!MT.isManagedPtr(T))
    return SlotKind::None;
  if (Elem)
    *Elem = T.getUnqualifiedType().getCanonicalType();
  const ValueDecl *D = Slots ? slotsDecl(Slots) : nullptr;
  if (Union)
    *Union = inUnion(D);
  return D && MT.slotKindOf(D) != SlotKind::None ? MT.slotKindOf(D) : SlotKind::Strong;
}

namespace {
// The call's kind and the index of its size argument; Op None for any
// other function. Counted: only the plain names written as calls.
WholeOp memOp(llvm::StringRef N, unsigned &SizeArg, bool &Counted) {
  SizeArg = 2;
  Counted = true;
  if (N == "memcpy" || N == "memmove" || N == "__builtin_memcpy" || N == "__builtin_memmove")
    return WholeOp::Copy;
  if (N == "memset" || N == "__builtin_memset")
    return WholeOp::Zero;
  if (N == "bzero" || N == "explicit_bzero") {
    SizeArg = 1;
    return WholeOp::Zero;
  }
  Counted = false;
  if (N == "mempcpy" || N == "__builtin___memcpy_chk" || N == "__builtin___memmove_chk")
    return WholeOp::Copy;
  if (N == "__builtin___memset_chk")
    return WholeOp::Zero;
  return WholeOp::None;
}
} // namespace

SlotsCall slotsCall(const CallExpr *C, const ManagedTypes &MT) {
  SlotsCall S;
  const FunctionDecl *F = C->getDirectCallee();
  unsigned SizeArg;
  bool Counted;
  WholeOp Op = F ? memOp(F->getName(), SizeArg, Counted) : WholeOp::None;
  if (Op == WholeOp::None || C->getNumArgs() <= SizeArg)
    return S;
  QualType Elem, From;
  bool Union = false, FromUnion = false;
  SlotKind K = pointedSlots(C->getArg(0), MT, &Elem, &Union);
  SlotKind FromK =
      Op == WholeOp::Copy ? pointedSlots(C->getArg(1), MT, &From, &FromUnion) : SlotKind::None;
  if (K == SlotKind::None && FromK == SlotKind::None)
    return S; // no managed pointers (or a struct's: wholeStructCall)
  S.Kind = K;
  const ASTContext &Ctx = MT.context();
  Expr::EvalResult R;
  const Expr *Size = C->getArg(SizeArg);
  if (K == SlotKind::None)
    S.Why = "the destination is not an array of the same pointers";
  else if (Op == WholeOp::Copy && (FromK == SlotKind::None || From != Elem))
    S.Why = "the source is not an array of the same pointers";
  else if (Union || FromUnion)
    S.Why = "the slots are in a union member, whose tag decides which are live";
  else if (!Counted || !C->getCallee()->getBeginLoc().isFileID() ||
           C->getNumArgs() != SizeArg + 1)
    S.Why = "only a call of memcpy, memmove, memset, bzero or explicit_bzero written outside "
            "macros is counted";
  else if (!Size->isValueDependent() && Size->EvaluateAsInt(R, Ctx) && R.Val.isInt() &&
           R.Val.getInt().getZExtValue() % Ctx.getTypeSizeInChars(Elem).getQuantity() != 0)
    S.Why = "the size is not a whole number of pointers";
  else if (Op == WholeOp::Zero && SizeArg == 2 && !isConstant(C->getArg(1), Ctx, 0))
    S.Why = "a fill other than 0 makes no pointer";
  else
    S.Op = Op;
  return S;
}

} // namespace autorc
