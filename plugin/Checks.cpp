// Checks.cpp — see Checks.h.
#include "Checks.h"
#include "SlotLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <set>

using namespace clang;

namespace autorc {

namespace {

class FieldCheck : public UserCodeVisitor<FieldCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitFieldDecl(FieldDecl *F) {
    const RecordDecl *RD = F->getParent();
    QualType T = F->getType();
    if (const auto *RT = T->getAs<RecordType>())
      if (MT.isManagedRecord(RT->getDecl())) {
        // The first member of a managed struct is its "base": one object.
        if (!(MT.isManagedRecord(RD) && !RD->isUnion() && MT.baseOf(RD) == RT->getDecl() &&
              *RD->field_begin() == F))
          D.error(F->getLocation(),
                  "[autorc-field] field '" + F->getName().str() +
                      "' holds a managed struct by value; only the first member of a "
                      "managed struct can (its base: a pointer to the struct is a pointer to "
                      "the base); elsewhere hold a pointer");
        return true;
      }
    if (RD->isUnion()) {
      std::string Tag, Value;
      if (MT.containsManagedSlots(T) && !taggedAnnotation(F, Tag, Value) &&
          MT.slotKindOf(F) != SlotKind::Unowned)
        D.error(F->getLocation(),
                "[autorc-field] union member '" + F->getName().str() +
                    "' holds managed pointers, but nothing tells when it is the live member; "
                    "annotate it RC_TAGGED(tag_field, value) (the enclosing struct's tag "
                    "field and the value for which it is live), or make it RC_UNOWNED");
      return true;
    }
    if (MT.isManagedRecord(RD))
      return true;
    // A plain struct holding strong pointers is counted wherever it is held
    // by value (ValueStructs.h); a weak slot must stay at one address.
    if (MT.slotKindOf(F) != SlotKind::Weak)
      return true;
    std::string RName = MT.recordSpelling(RD);
    D.error(F->getLocation(),
            "[autorc-field] RC_WEAK field '" + F->getName().str() + "' in " +
                (RName.empty() ? std::string("an unnamed struct") : "non-managed '" + RName + "'") +
                ": a weak slot is registered at its address, which copies of the struct do "
                "not follow; make the field strong or RC_UNOWNED, or the struct RC_MANAGED");
    return true;
  }
  // RC_TAGGED annotations that name no field of the struct holding the union.
  bool VisitRecordDecl(RecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isUnion())
      return true;
    std::vector<SlotProblem> Problems;
    flattenSlots(MT, RD, &Problems);
    for (const SlotProblem &P : Problems)
      if (!P.Untagged)
        D.error(P.At->getLocation(), "[autorc-field] " + P.Message);
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
    // Plain structs are copied with counting (ValueStructs.h); a managed
    // object or a union (whose tag lives outside it) cannot be.
    QualType T = BO->getLHS()->getType();
    if (MT.containsManagedSlots(T) && !MT.valueRecord(T))
      D.error(BO->getOperatorLoc(),
              "[autorc-memcpy] assignment of a " +
                  std::string(T->isUnionType() ? "union" : "managed struct") +
                  " holding managed pointers by value cannot be counted; " +
                  (T->isUnionType() ? "assign the whole struct that holds the union and its tag"
                                    : "copy the fields one by one"));
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
