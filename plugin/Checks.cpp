// Checks.cpp — see Checks.h.
#include "Checks.h"
#include "CalleeParams.h"
#include "SlotLayout.h"
#include "WholeCopy.h"
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
  CastCheck(const ManagedTypes &MT, DiagSink &D, const ASTContext &Ctx)
      : UserCodeVisitor(MT, D), Ctx(Ctx) {}
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee) {
      // Through a function pointer whose prototype says RC_OBJECT_ARG.
      for (unsigned I = 0; I < C->getNumArgs(); ++I)
        if (const ParmVarDecl *P = calleeParam(C, I); P && MT.isObjectArg(P))
          Exempt.insert(C->getArg(I)->IgnoreParens());
        else if (P)
          VoidParam[C->getArg(I)->IgnoreParens()] = P;
      return true;
    }
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
  // `o->ctx = obj;` into a `void *` field: the fix is the field's type.
  // A comparison (`rc_list_get(l, i) == n`) only reads the addresses.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isComparisonOp()) {
      Exempt.insert(BO->getLHS()->IgnoreParens());
      Exempt.insert(BO->getRHS()->IgnoreParens());
      return true;
    }
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        VoidField[BO->getRHS()->IgnoreParens()] = FD;
    return true;
  }
  bool VisitCastExpr(CastExpr *CE) {
    if (Exempt.count(CE) || CE->getCastKind() == CK_ToVoid)
      return true;
    QualType From = CE->getSubExpr()->getType(), To = CE->getType();
    if (CE->getBeginLoc().isMacroID() && MT.isUntouchable(CE->getBeginLoc()))
      return true;
    // An integer made back into a managed pointer, directly or through
    // `void *`: whatever object the address was taken from, no reference
    // kept it alive meanwhile.
    if (const CastExpr *Bits = MT.isManagedPtr(To) ? fromAddressBits(CE) : nullptr) {
      D.report(CE->getExprLoc(), diag::CastIntToManaged,
               {MT.typeSpelling(Bits->getSubExpr()->getType()), MT.typeSpelling(To)});
      return true;
    }
    // A managed pointer made an integer is an address read (a hash, an
    // identity compare, Python's id()): nothing refers to the object
    // through it, and it cannot become a pointer again (above). A `void *`
    // is a pointer that can be stored and dereferenced uncounted.
    if (!MT.isManagedPtr(From))
      return true;
    const auto *PT = To->getAs<PointerType>();
    if (!PT || !PT->getPointeeType()->isVoidType())
      return true;
    D.report(CE->getExprLoc(), diag::CastManaged, {MT.typeSpelling(From), MT.typeSpelling(To)});
    noteObjectArg(CE);
    return true;
  }

private:
  const ASTContext &Ctx;

  // The integer-to-pointer cast CE makes its pointer from, itself or under
  // pointer casts (`(T *)(void *)bits`); null if none. A constant (`(T *)1`,
  // a sentinel) was never an object's address: it may be compared or kept
  // in an RC_UNOWNED slot.
  const CastExpr *fromAddressBits(const CastExpr *CE) const {
    for (;;) {
      if (CE->getCastKind() == CK_IntegralToPointer)
        return CE->getSubExpr()->isIntegerConstantExpr(Ctx) ? nullptr : CE;
      if (CE->getCastKind() != CK_BitCast && CE->getCastKind() != CK_NoOp)
        return nullptr;
      CE = dyn_cast<CastExpr>(CE->getSubExpr()->IgnoreParens());
      if (!CE)
        return nullptr;
    }
  }

  // A managed pointer passed to a user function's `void *` parameter: the
  // fix is usually to say that the parameter takes objects.
  void noteObjectArg(const CastExpr *CE) {
    if (auto F = VoidField.find(CE); F != VoidField.end()) {
      const FieldDecl *FD = F->second;
      if (!FD->getName().empty() && !MT.isUntouchable(FD->getLocation()))
        D.report(FD->getLocation(), diag::CastNoteVoidField,
                 {FD->getName().str(), MT.typeSpelling(CE->getSubExpr()->getType())});
      return;
    }
    auto It = VoidParam.find(CE);
    if (It == VoidParam.end())
      return;
    const ParmVarDecl *P = It->second;
    if (P->getName().empty() || P->getLocation().isInvalid() ||
        MT.isUntouchable(P->getLocation())) // a system header's: not the user's to change
      return;
    // A parameter of a function pointer's prototype (CalleeParams.h) is
    // none of the parameters of the function it is declared in.
    const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (F && llvm::is_contained(F->parameters(), P))
      D.report(P->getLocation(), diag::CastNoteObjectArg, {F->getName().str(), P->getName().str()});
    else
      D.report(P->getLocation(), diag::CastNoteObjectArgPointer, {P->getName().str()});
  }
  std::set<const Expr *> Exempt;
  std::map<const Expr *, const ParmVarDecl *> VoidParam;
  std::map<const Expr *, const FieldDecl *> VoidField;
};

class MemoryCheck : public UserCodeVisitor<MemoryCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    llvm::StringRef N = Callee->getName();
    if (isMemName(N) && wholeStructCall(C, MT).Op != WholeOp::None)
      return true; // one whole struct: counted like `*a = *b` (WholeCopy.h)
    if (isMemName(N)) {
      SlotsCall S = slotsCall(C, MT);
      if (S.Op != WholeOp::None)
        return true; // element stores (WholeCopy.h)
      if (!S.Why.empty()) {
        QualType Elem;
        for (unsigned I = 0; I < 2 && I < C->getNumArgs() && Elem.isNull(); ++I)
          pointedSlots(C->getArg(I), MT, &Elem, nullptr);
        D.report(C->getBeginLoc(), diag::MemcpyOverPointerArray,
                 {N.str(), MT.typeSpelling(Elem), S.Why});
        return true;
      }
    }
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
  // A managed struct passed or returned by value is a copy outside any
  // object: its weak slots would hold unregistered pointers that no dying
  // target zeroes (an assignment registers them at the destination).
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD != FD->getFirstDecl())
      return true; // once per function
    weakByValue(FD->getReturnType(), FD->getLocation());
    for (const ParmVarDecl *P : FD->parameters())
      weakByValue(P->getType(), P->getLocation());
    return true;
  }
  void weakByValue(QualType T, SourceLocation At) {
    const RecordDecl *RD = MT.copyRecord(T);
    if (!RD || !MT.isManagedRecord(RD))
      return;
    for (const SlotPath &S : flattenSlots(MT, RD))
      if (S.Kind == SlotKind::Weak) {
        D.report(At, diag::ObjectValueWeak, {MT.typeSpelling(T), S.Path.substr(1)});
        return;
      }
  }
  // `&(struct node){...}`, `(struct node){...}.v`: a managed struct's
  // compound literal used as an object has no header to count (as a value,
  // the right side of `*p = (struct node){...}`, it is fine). Reported
  // here, not by the rewriter, which leaves uncounted locals unwalked.
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      managedLiteral(UO->getSubExpr());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (!ME->isArrow())
      managedLiteral(ME->getBase());
    return true;
  }
  void managedLiteral(const Expr *E) {
    const auto *CL = dyn_cast<CompoundLiteralExpr>(E->IgnoreParens());
    const auto *RT = CL ? CL->getType()->getAs<RecordType>() : nullptr;
    if (RT && MT.isManagedRecord(RT->getDecl()))
      D.report(CL->getBeginLoc(), diag::CompoundLiteralManaged, {MT.typeSpelling(CL->getType())});
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || !BO->getLHS()->getType()->isRecordType())
      return true;
    // Structs, plain or managed, are copied with counting (ValueStructs.h);
    // a union (whose tag lives outside it) cannot be.
    QualType T = BO->getLHS()->getType();
    if (T->isUnionType() && MT.containsManagedSlots(T))
      D.report(BO->getOperatorLoc(), diag::MemcpyAssignUnion);
    return true;
  }
};

} // namespace

void runFieldCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  FieldCheck(MT, D).TraverseDecl(TU);
}
void runCastCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  CastCheck(MT, D, TU->getASTContext()).TraverseDecl(TU);
}
void runMemoryCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  MemoryCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
