// Checks.cpp — see Checks.h.
#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <set>

using namespace clang;

namespace autorc {

namespace {

// Common base: walk user code only (not system headers, not <autorc.h>).
template <typename Derived> class UserCodeVisitor : public RecursiveASTVisitor<Derived> {
public:
  UserCodeVisitor(const ManagedTypes &MT, DiagSink &D) : MT(MT), D(D) {}
  bool TraverseDecl(Decl *X) {
    if (X && !isa<TranslationUnitDecl>(X) && MT.isUntouchable(X->getLocation()))
      return true;
    return RecursiveASTVisitor<Derived>::TraverseDecl(X);
  }

protected:
  const ManagedTypes &MT;
  DiagSink &D;
};

class FieldCheck : public UserCodeVisitor<FieldCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitFieldDecl(FieldDecl *F) {
    const RecordDecl *RD = F->getParent();
    QualType T = F->getType();
    if (const auto *RT = T->getAs<RecordType>())
      if (MT.isManagedRecord(RT->getDecl())) {
        D.error(F->getLocation(), "[autorc-field] field '" + F->getName().str() +
                                      "' holds a managed struct by value; use a pointer");
        return true;
      }
    if (MT.isManagedRecord(RD))
      return true;
    SlotKind K = MT.slotKindOf(F);
    if (K == SlotKind::None || K == SlotKind::Unowned)
      return true;
    std::string RName = MT.recordSpelling(RD);
    D.error(F->getLocation(),
            "[autorc-field] managed pointer field '" + F->getName().str() + "' in " +
                (RName.empty() ? std::string("an unnamed struct") : "non-managed '" + RName + "'") +
                ": nothing would release it; mark the struct RC_MANAGED or the field "
                "RC_UNOWNED");
    return true;
  }
};

bool isMemName(llvm::StringRef N) {
  return N == "memcpy" || N == "memmove" || N == "memset" || N == "bzero" || N == "mempcpy" ||
         N == "explicit_bzero" || N == "__builtin_memcpy" || N == "__builtin_memmove" ||
         N == "__builtin_memset" || N == "__builtin___memcpy_chk" ||
         N == "__builtin___memmove_chk" || N == "__builtin___memset_chk";
}
bool isFreeName(llvm::StringRef N) {
  return N == "free" || N == "realloc" || N == "reallocarray" || N == "__builtin_free";
}

class CastCheck : public UserCodeVisitor<CastCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    bool Runtime = MT.isRuntimeDecl(Callee);
    bool Known = isMemName(Callee->getName()) || isFreeName(Callee->getName());
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I)->IgnoreParens();
      bool ObjectArg = I < Callee->getNumParams() && MT.isObjectArg(Callee->getParamDecl(I));
      if (Runtime || ObjectArg || Known)
        Exempt.insert(A);
    }
    return true;
  }
  bool VisitCastExpr(CastExpr *CE) {
    if (Exempt.count(CE) || CE->getCastKind() == CK_ToVoid)
      return true;
    QualType From = CE->getSubExpr()->getType(), To = CE->getType();
    if (!MT.isManagedPtr(From))
      return true;
    bool ToInt = To->isIntegerType() && !To->isBooleanType();
    bool ToVoidPtr = false;
    if (const auto *PT = To->getAs<PointerType>())
      ToVoidPtr = PT->getPointeeType()->isVoidType();
    if (!ToInt && !ToVoidPtr)
      return true;
    if (CE->getBeginLoc().isMacroID() && MT.isUntouchable(CE->getBeginLoc()))
      return true;
    D.error(CE->getExprLoc(),
            "[autorc-cast] managed pointer of type '" + MT.typeSpelling(From) +
                "' converted to '" + MT.typeSpelling(To) +
                "': the reference would no longer be counted; keep the managed type (the "
                "runtime API takes managed pointers directly)");
    return true;
  }

private:
  std::set<const Expr *> Exempt;
};

class MemoryCheck : public UserCodeVisitor<MemoryCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    llvm::StringRef N = Callee->getName();
    if (isMemName(N)) {
      unsigned Ptrs = (N == "memset" || N == "bzero" || N == "explicit_bzero" ||
                       N == "__builtin_memset" || N == "__builtin___memset_chk")
                          ? 1
                          : 2;
      for (unsigned I = 0; I < Ptrs && I < C->getNumArgs(); ++I) {
        const Expr *A = C->getArg(I)->IgnoreParenCasts();
        const auto *PT = A->getType()->getAs<PointerType>();
        QualType Pointee = PT ? PT->getPointeeType() : QualType();
        if (A->getType()->isArrayType())
          Pointee = A->getType();
        if (!Pointee.isNull() && MT.containsManagedSlots(Pointee)) {
          D.error(C->getBeginLoc(), "[autorc-memcpy] " + N.str() +
                                        " over memory that holds managed pointers (" +
                                        MT.typeSpelling(Pointee) +
                                        ") bypasses reference counting; assign the fields");
          break;
        }
      }
    } else if (isFreeName(N) && C->getNumArgs() > 0) {
      const Expr *A = C->getArg(0)->IgnoreParenCasts();
      if (MT.isManagedPtr(A->getType()))
        D.error(C->getBeginLoc(), "[autorc-free] " + N.str() + "() of a managed pointer ('" +
                                      MT.typeSpelling(A->getType()) +
                                      "'): managed objects are released by reference "
                                      "counting; drop the call");
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || !BO->getLHS()->getType()->isRecordType())
      return true;
    if (MT.containsManagedSlots(BO->getLHS()->getType()))
      D.error(BO->getOperatorLoc(),
              "[autorc-memcpy] struct assignment copies managed pointers without counting "
              "them; assign the fields one by one");
    return true;
  }
};

} // namespace

void runFieldCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  FieldCheck(MT, D).TraverseDecl(TU);
}
void runCastCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  CastCheck(MT, D).TraverseDecl(TU);
}
void runMemoryCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  MemoryCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
