// Checks.cpp — see Checks.h.
#include "Checks.h"
#include "SlotLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
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
          D.report(F->getLocation(), diag::FieldStructByValue, {F->getName().str()});
        return true;
      }
    if (RD->isUnion()) {
      std::string Tag, Value;
      if (MT.containsManagedSlots(T) && !taggedAnnotation(F, Tag, Value) &&
          MT.slotKindOf(F) != SlotKind::Unowned)
        D.report(F->getLocation(), diag::FieldUntaggedUnion, {F->getName().str()});
      return true;
    }
    if (MT.isManagedRecord(RD))
      return true;
    // A plain struct holding strong pointers is counted wherever it is held
    // by value (ValueStructs.h); a weak slot must stay at one address.
    if (MT.slotKindOf(F) != SlotKind::Weak)
      return true;
    std::string RName = MT.recordSpelling(RD);
    if (RName.empty())
      D.report(F->getLocation(), diag::FieldWeakInUnnamed, {F->getName().str()});
    else
      D.report(F->getLocation(), diag::FieldWeakInUnmanaged, {F->getName().str(), RName});
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
        D.report(P.At->getLocation(), P.Id, P.Args);
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
    unsigned Printed = printedFrom(Callee);
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I)->IgnoreParens();
      bool ObjectArg = I < Callee->getNumParams() && MT.isObjectArg(Callee->getParamDecl(I));
      if (Runtime || ObjectArg || Known || I >= Printed)
        Exempt.insert(A);
      else if (I < Callee->getNumParams())
        VoidParam[A] = Callee->getParamDecl(I);
    }
    return true;
  }
  // The index of the first argument a printf-like function (format
  // attribute, implicit on the C library's) only prints: `printf("%p",
  // (void *)n)` reads the address during the call and keeps nothing. No
  // such argument: the count of arguments can never reach it.
  static unsigned printedFrom(const FunctionDecl *F) {
    for (const auto *FA : F->specific_attrs<FormatAttr>()) {
      llvm::StringRef T = FA->getType()->getName();
      if ((T == "printf" || T == "gnu_printf" || T == "__printf__") && FA->getFirstArg() > 0)
        return static_cast<unsigned>(FA->getFirstArg() - 1);
    }
    return ~0u;
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
    D.report(CE->getExprLoc(), diag::CastManaged, {MT.typeSpelling(From), MT.typeSpelling(To)});
    noteObjectArg(CE, ToVoidPtr);
    return true;
  }

private:
  // A managed pointer passed to a user function's `void *` parameter: the
  // fix is usually to say that the parameter takes objects.
  void noteObjectArg(const CastExpr *CE, bool ToVoidPtr) {
    auto It = VoidParam.find(CE);
    if (!ToVoidPtr || It == VoidParam.end())
      return;
    const ParmVarDecl *P = It->second;
    const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!F || P->getName().empty() || P->getLocation().isInvalid() ||
        MT.isUntouchable(P->getLocation())) // a system header's: not the user's to change
      return;
    D.report(P->getLocation(), diag::CastNoteObjectArg, {F->getName().str(), P->getName().str()});
  }
  std::set<const Expr *> Exempt;
  std::map<const Expr *, const ParmVarDecl *> VoidParam;
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
          D.report(C->getBeginLoc(), diag::MemcpyOverSlots, {N.str(), MT.typeSpelling(Pointee)});
          break;
        }
      }
    } else if (isFreeName(N) && C->getNumArgs() > 0) {
      const Expr *A = C->getArg(0)->IgnoreParenCasts();
      if (MT.isManagedPtr(A->getType()))
        D.report(C->getBeginLoc(), diag::FreeManaged, {N.str(), MT.typeSpelling(A->getType())});
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
      D.report(BO->getOperatorLoc(),
               T->isUnionType() ? diag::MemcpyAssignUnion : diag::MemcpyAssignStruct);
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
