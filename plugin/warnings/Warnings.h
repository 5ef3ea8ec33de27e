// Warnings.h — the autorc warning checks, each a function over one
// translation unit (see Finding.h for who prints the results).
//
//   runCycleCheck   [autorc-cycle]   type level (TypeCycles.h): one
//                                    warning per strongly connected
//                                    component of the type graph that has a
//                                    cycle, the back link chosen from the
//                                    code's evidence (CycleEvidence.h);
//                                    instance level: stores in one function
//                                    that close a cycle between objects
//                                    (obj1->ref = obj2; obj2->ref = obj1;
//                                    rc_list_append(l, l)), same rules.
//   runGlobalCheck  [autorc-global]  globals and static locals holding
//                                    managed objects until exit.
//   runEscapeCheck  [autorc-escape]  managed pointers (and addresses of
//                                    strong slots) converted to pointer
//                                    types that are neither managed nor the
//                                    ones the [autorc-cast] error covers;
//                                    pointers into an object that dies as
//                                    the function returns, kept beyond it;
//                                    runSlotFieldCheck: a slot array in a
//                                    field of a managed struct that has no
//                                    finalizer.
#ifndef AUTORC_WARNINGS_WARNINGS_H
#define AUTORC_WARNINGS_WARNINGS_H

#include "../ManagedTypes.h"
#include "Finding.h"

namespace autorc {
namespace warnings {

void runCycleCheck(clang::ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S);
void runGlobalCheck(clang::ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S);
void runEscapeCheck(clang::ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S);
void runSlotFieldCheck(clang::ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S);
void runWarningCheck(WarningKind K, clang::ASTContext &Ctx, const ManagedTypes &MT,
                     FindingSink &S);

} // namespace warnings
} // namespace autorc

#endif
