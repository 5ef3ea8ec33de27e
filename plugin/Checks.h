// Checks.h — constructs the rewriter cannot make correct, diagnosed as
// errors (never compiled into wrong code). One check per concern:
//   FieldCheck   [autorc-field]   managed pointer field in a non-managed struct
//   CastCheck    [autorc-cast]    managed pointer cast to void *, integer cast
//                                 to a managed pointer
//   MemoryCheck  [autorc-memcpy]  memcpy/memmove/memset/bzero over managed slots
//                                 (but one whole struct: WholeCopy.h), union
//                                 copies, managed structs with weak fields by
//                                 value in signatures; [autorc-unsupported]
//                                 managed compound literals used as objects
//                [autorc-free]    free()/realloc() of a managed pointer
//   TaggedUnionCheck (TaggedUnionCheck.cpp) [autorc-unsupported] stores into
//                an RC_TAGGED union member or its tag field alone
//   SlotTypeCheck (SlotTypeCheck.cpp) _Atomic managed slots, flexible array
//                 members of managed pointers
//   SlotArrayCheck [autorc-slots] (SlotArrayCheck.cpp) malloc/realloc of
//                 arrays of managed pointers (uninitialised slots)
//   ManualCountCheck [autorc-manual] (ManualCountCheck.cpp) rc_incref /
//                 rc_decref written by hand on a managed pointer
//   RawObjectCheck [autorc-free] (RawObjectCheck.cpp) a managed object (or
//                 an array of them) from malloc/calloc/realloc: no header
//   OutBorrowedCheck [autorc-unsupported] (OutBorrowedCheck.cpp) the
//                 address of a counted slot passed where the call stores a
//                 borrowed reference (RC_OUT_BORROWED: rc_dict_next's key
//                 and value)
// ([autorc-setjmp] and [autorc-macro] come from the rewriter, which knows
// the locals and the edits.)
#ifndef AUTORC_PLUGIN_CHECKS_H
#define AUTORC_PLUGIN_CHECKS_H

#include "Diagnostics.h"
#include "ManagedTypes.h"
#include "UserDeclVisitor.h"
#include "clang/AST/Decl.h"

namespace autorc {

// The checks' common base: walk user code only (not the toolchain's
// headers, not <autorc.h>).
template <typename Derived> class UserCodeVisitor : public UserDeclVisitor<Derived> {
public:
  UserCodeVisitor(const ManagedTypes &MT, DiagSink &D) : UserDeclVisitor<Derived>(MT), D(D) {}

protected:
  DiagSink &D;
};

void runFieldCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runCastCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runMemoryCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runTaggedUnionCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runSlotTypeCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runSlotArrayCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runManualCountCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runOutBorrowedCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);
void runRawObjectCheck(clang::TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D);

} // namespace autorc

#endif
