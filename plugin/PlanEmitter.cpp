// PlanEmitter.cpp — see PlanEmitter.h.
#include "PlanEmitter.h"

using namespace clang;

namespace autorc {

bool PlanEmitter::check(Edits &E, const Action &A) {
  switch (A.Kind) {
  case Act::Note:
    return true;
  case Act::Store:
  case Act::ValueStore:
    return E.canWrap(A.Range, A.What) && E.canEdit(A.At, A.What);
  case Act::Cleanup:
  case Act::GuardedDecl:
  case Act::Init:
  case Act::AfterToken:
  case Act::Helper:
    return E.canEdit(A.At, A.What);
  case Act::RcNew:
    return E.canEdit(A.At, A.What);
  default:
    return E.canWrap(A.Range, A.What);
  }
}

void PlanEmitter::emit(const FunctionPlan &P) {
  for (const Action &A : P.Actions)
    emit(A);
}

void PlanEmitter::emit(const Action &A) {
  switch (A.Kind) {
  case Act::Note:
    return;
  case Act::Store:
  case Act::ValueStore:
    if (E.fileRange(A.Range, A.What).isInvalid() || !E.replaceToken(A.At, "),", A.What))
      return;
    if (A.Kind == Act::Store)
      E.wrap(A.Range, A.A, A.B, A.What);
    else
      E.wrap(A.Range, A.A + "(&(", ")", A.What);
    return;
  case Act::Cleanup:
    E.insertAfterToken(A.At, " __attribute__((cleanup(" + A.A + ")))", A.What);
    return;
  case Act::GuardedDecl:
    E.replaceToken(A.At, A.A, A.What);
    return;
  case Act::Init:
  case Act::AfterToken:
    E.insertAfterToken(A.At, A.A, A.What);
    return;
  case Act::Helper:
    E.insertBefore(A.At, A.A, A.What);
    return;
  case Act::RcNew:
    if (E.replaceToken(A.At, A.A, A.What))
      E.insertBefore(A.At2, A.B, A.What);
    return;
  default:
    emitWrap(A);
    return;
  }
}

// The families that enclose an expression or a statement.
void PlanEmitter::emitWrap(const Action &A) {
  switch (A.Kind) {
  case Act::Retain:
    E.wrap(A.Range, "rc__retain(", ")", A.What);
    return;
  case Act::ValueRetain:
    E.wrap(A.Range, A.A + "_retain(", ")", A.What);
    return;
  case Act::Move:
    E.wrap(A.Range, A.A, "))", A.What);
    return;
  case Act::ValueMove:
    E.wrap(A.Range, A.A + "_move(&(", "))", A.What);
    return;
  case Act::Temp:
    E.wrap(A.Range, "(" + A.A + " = " + A.B, A.B.empty() ? ")" : "))", A.What);
    return;
  case Act::TempBlock:
    E.wrap(A.Range, "__extension__({ " + A.A, "; })", A.What);
    return;
  case Act::Release:
    E.wrap(A.Range, "rc_decref(", ")", A.What);
    return;
  case Act::ValueRelease:
    E.wrap(A.Range, A.A + "_release(", ")", A.What);
    return;
  case Act::WeakInit:
    E.wrap(A.Range, "rc__weak_init_v(" + A.A + ", ", ")", A.What);
    return;
  case Act::WeakReload:
    E.wrap(A.Range, "rc__weak_reload(" + A.A + ", ", ")", A.What);
    return;
  case Act::GotoGuard:
    E.wrap(A.Range, A.A + " ", "; })", A.What);
    return;
  default:
    return;
  }
}

} // namespace autorc
