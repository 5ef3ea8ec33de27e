// SlotArrayCheck.cpp — heap arrays of managed pointers allocated with
// uninitialised memory (see Checks.h). Every store into a strong slot
// releases the slot's old value, so a slot must hold NULL or a counted
// reference from the moment it exists: malloc'd slots and the slots realloc
// adds hold garbage, and the first `v->items[n] = o` releases it (a crash,
// or a count of another object decremented). And realloc that shrinks drops
// slots without releasing them. calloc'd arrays start NULL and are fine;
// rc_slots_resize (runtime/src/slots.c) grows with NULL slots and releases
// the slots it drops. Arrays of plain structs holding managed pointers are
// slot arrays too (element by element: the rewriter passes the element's
// helpers, FunctionRewriter::valueSlotsCall); rc_slots_resize/_free of an
// array of anything else would release its elements as pointers.
#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <set>

using namespace clang;

namespace autorc {

namespace {

enum class RawAlloc { None, Malloc, Realloc };

RawAlloc rawAllocKind(const FunctionDecl *F) {
  if (!F)
    return RawAlloc::None;
  llvm::StringRef N = F->getName();
  if (N == "realloc" || N == "reallocarray" || N == "__builtin_realloc")
    return RawAlloc::Realloc;
  if (N == "malloc" || N == "aligned_alloc" || N == "memalign" || N == "valloc" ||
      N == "pvalloc" || N == "__builtin_malloc")
    return RawAlloc::Malloc;
  return RawAlloc::None;
}

class SlotArrayCheck : public UserCodeVisitor<SlotArrayCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  // realloc(p, n) of a slot array p.
  bool VisitCallExpr(CallExpr *C) {
    if (rawAllocKind(C->getDirectCallee()) == RawAlloc::Realloc && C->getNumArgs() > 0 &&
        holdsSlots(C->getArg(0)->IgnoreParenCasts()->getType()))
      report(C, RawAlloc::Realloc, C->getArg(0)->IgnoreParenCasts()->getType());
    checkSlotsCall(C);
    return true;
  }
  // `T **items = malloc(...)`, `v->items = realloc(NULL, ...)`: the result
  // becomes a pointer to managed slots.
  bool VisitCastExpr(CastExpr *CE) {
    const auto *C = dyn_cast<CallExpr>(CE->getSubExpr()->IgnoreParenCasts());
    if (!C || !holdsSlots(CE->getType()))
      return true;
    RawAlloc K = rawAllocKind(C->getDirectCallee());
    if (K != RawAlloc::None)
      report(C, K, CE->getType());
    return true;
  }

private:
  // A pointer to slots, not to a managed object (realloc of an object is
  // [autorc-free], MemoryCheck).
  bool holdsSlots(QualType T) const {
    const auto *PT = T->getAs<PointerType>();
    return PT && !MT.isManagedPtr(T) && MT.containsManagedSlots(PT->getPointeeType());
  }
  // What the array holds, for the message.
  std::string elements(QualType Slots) const {
    QualType E = Slots->getAs<PointerType>()->getPointeeType();
    if (MT.isManagedPtr(E))
      return "managed pointers";
    return "'" + MT.typeSpelling(E.getUnqualifiedType()) + "', which holds managed pointers";
  }
  void report(const CallExpr *C, RawAlloc K, QualType Slots) {
    if (!Seen.insert(C).second)
      return;
    std::string N = C->getDirectCallee()->getName().str();
    D.report(C->getBeginLoc(), K == RawAlloc::Realloc ? diag::SlotsRealloc : diag::SlotsMalloc,
             {N, elements(Slots)});
  }
  // rc_slots_resize/rc_slots_free of an array whose elements are neither
  // managed pointers nor structs holding them (`int *`, `char **`). A
  // `void *` says nothing; a managed pointer is [autorc-cast].
  void checkSlotsCall(const CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || C->getNumArgs() == 0 || !MT.isRuntimeDecl(F) ||
        (F->getName() != "rc_slots_resize" && F->getName() != "rc_slots_free"))
      return;
    QualType T = C->getArg(0)->IgnoreParenImpCasts()->getType();
    const auto *PT = T->getAs<PointerType>();
    if (!PT || PT->getPointeeType()->isVoidType() || MT.isManagedPtr(T) ||
        PT->getPointeeType()->isNullPtrType())
      return;
    QualType E = PT->getPointeeType();
    if (MT.isManagedPtr(E) || MT.valueRecord(E))
      return;
    D.report(C->getArg(0)->getBeginLoc(), diag::SlotsElementType,
             {F->getName().str(), MT.typeSpelling(E.getUnqualifiedType())});
  }

  std::set<const CallExpr *> Seen;
};

} // namespace

void runSlotArrayCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  SlotArrayCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
