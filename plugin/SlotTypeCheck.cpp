// SlotTypeCheck.cpp — managed slots whose type the counting cannot handle
// (see Checks.h):
//   - `_Atomic(T *)` for a managed T: an atomic type is not a pointer type
//     to the rewriter, so such a slot would be neither retained nor
//     released (a dangling pointer), and the runtime's counts are not
//     atomic anyway (docs/runtime.md: one thread per object);
//   - a flexible array member of managed pointers (`T *items[];`): the
//     type descriptor lists fixed offsets and cannot know its length, so
//     its elements would never be released, and rc_new(T) allocates no
//     room for them;
//   - a flexible array member of anything in a managed struct
//     (`struct RC_MANAGED blob { size_t n; char data[]; }`): rc_new
//     allocates sizeof(T) and nothing can allocate more, so every element
//     written lies past the object (pool mode: silently into the next
//     block).
#include "Checks.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace autorc {

namespace {

class SlotTypeCheck : public UserCodeVisitor<SlotTypeCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitDeclaratorDecl(DeclaratorDecl *DD) {
    if (!isa<VarDecl>(DD) && !isa<FieldDecl>(DD))
      return true;
    QualType T = DD->getType();
    ASTContext &Ctx = MT.context();
    QualType Elem = Ctx.getBaseElementType(T);
    if (const auto *AT = Elem->getAs<AtomicType>())
      if (MT.isManagedPtr(AT->getValueType())) {
        D.report(DD->getLocation(), diag::AtomicSlot, {DD->getName().str(), MT.typeSpelling(T)});
        return true;
      }
    const auto *IAT = isa<FieldDecl>(DD) ? Ctx.getAsIncompleteArrayType(T) : nullptr;
    if (!IAT)
      return true;
    const RecordDecl *RD = cast<FieldDecl>(DD)->getParent();
    if (MT.containsManagedSlots(IAT->getElementType()) &&
        MT.slotKindOf(DD) != SlotKind::Unowned && !MT.hasAnnotation(DD, "autorc_unowned"))
      D.report(DD->getLocation(), diag::FieldFlexibleArray, {DD->getName().str()});
    else if (MT.isManagedRecord(RD))
      D.report(DD->getLocation(), diag::FieldFlexibleInObject,
               {DD->getName().str(), MT.recordSpelling(RD)});
    return true;
  }
};

} // namespace

void runSlotTypeCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  SlotTypeCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
