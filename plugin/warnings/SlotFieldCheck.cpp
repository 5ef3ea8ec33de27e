// SlotFieldCheck.cpp — [autorc-escape]: a slot array in a field of a
// managed struct that has no finalizer.
//
// A slot array (a heap array of managed pointers, or of structs holding
// them, from rc_slots_resize or calloc: docs/semantics.md) is memory the
// runtime does not see: an object's death releases its strong fields, not
// the array one of them points to. Without an RC_FINALIZER that calls
// rc_slots_free on it, the array and every reference in it leak when the
// object dies (u8's F1: `struct RC_MANAGED vec { struct node **items; }`
// grown with rc_slots_resize). Warned at the first store, in source order,
// of such a call's result into a field of a managed struct whose type has
// no RC_FINALIZER declared in the file (the descriptor the file emits
// knows only those). RC_NOWARN(escape) on the field, the struct or the
// function silences it.
#include "Warnings.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <set>
#include <vector>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

class SlotFieldVisitor : public RecursiveASTVisitor<SlotFieldVisitor> {
public:
  SlotFieldVisitor(const ManagedTypes &MT, FindingSink &S) : MT(MT), S(S) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D)) {
      noteFinalizer(FD);
      const FunctionDecl *Prev = Fn;
      Fn = FD;
      bool R = RecursiveASTVisitor<SlotFieldVisitor>::TraverseDecl(D);
      Fn = Prev;
      return R;
    }
    return RecursiveASTVisitor<SlotFieldVisitor>::TraverseDecl(D);
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Fn && BO->getOpcode() == BO_Assign)
      Stores.push_back({BO, Fn});
    return true;
  }

  // After the traversal, once every finalizer of the file is known.
  void report() {
    for (const auto &[BO, In] : Stores)
      check(BO, In);
  }

private:
  void noteFinalizer(const FunctionDecl *FD) {
    if (FD->getNumParams() != 1 || !ManagedTypes::hasAnnotation(FD, "autorc_finalizer"))
      return;
    if (const RecordDecl *RD = MT.managedPointee(FD->getParamDecl(0)->getType()))
      Finalized.insert(RD->getCanonicalDecl());
  }

  // `o->f = rc_slots_resize(...)` / `calloc(...)`: f a field of a managed
  // struct, of type pointer to managed slots.
  void check(const BinaryOperator *BO, const FunctionDecl *In) {
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const auto *C = dyn_cast<CallExpr>(BO->getRHS()->IgnoreParenCasts());
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    if (!F || !Callee || !MT.isManagedRecord(F->getParent()) || MT.isManagedPtr(F->getType()))
      return;
    const auto *PT = F->getType()->getAs<PointerType>();
    llvm::StringRef N = Callee->getName();
    if (!PT || !MT.containsManagedSlots(PT->getPointeeType()) ||
        (N != "rc_slots_resize" && N != "calloc" && N != "__builtin_calloc"))
      return;
    const RecordDecl *RD = F->getParent();
    if (Finalized.count(RD->getCanonicalDecl()) || !Reported.insert(F).second)
      return;
    if (MT.isUntouchable(BO->getBeginLoc()) || suppressedAt(In, WarningKind::Escape) ||
        suppressedAt(F, WarningKind::Escape))
      return;
    std::string Name = RD->getName().empty() ? MT.recordSpelling(RD) : RD->getName().str();
    Finding R;
    R.set(diag::EscapeSlotsFieldNoFinalizer,
          {F->getName().str(), MT.recordSpelling(RD), N.str(), Name});
    R.Loc = ME->getMemberLoc();
    S.report(R);
  }

private:
  const ManagedTypes &MT;
  FindingSink &S;
  const FunctionDecl *Fn = nullptr;
  std::vector<std::pair<const BinaryOperator *, const FunctionDecl *>> Stores;
  std::set<const Decl *> Finalized; // canonical declarations of finalized types
  std::set<const FieldDecl *> Reported;
};

} // namespace

void runSlotFieldCheck(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  SlotFieldVisitor V(MT, S);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  V.report();
}

} // namespace warnings
} // namespace autorc
