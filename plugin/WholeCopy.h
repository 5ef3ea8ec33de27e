// WholeCopy.h — memcpy/memmove/memset/bzero of exactly one struct that
// holds managed slots: `memcpy(a, b, sizeof *a)` is `*a = *b` and
// `memset(a, 0, sizeof *a)` is `*a = (T){0}` (every strong slot released,
// every weak one unregistered), so the rewrite counts them with the same
// helpers (ValueStructs.h: _set, _set_owned) instead of refusing them.
// An array of managed pointers is counted element by element (slotsCall,
// below). Anything else over managed slots (a part of a struct, an array
// of structs, a nonzero fill, a size that is not the struct's, a call
// written inside a macro such as _FORTIFY_SOURCE's) stays an
// [autorc-memcpy] error.
#ifndef AUTORC_PLUGIN_WHOLECOPY_H
#define AUTORC_PLUGIN_WHOLECOPY_H

#include "ManagedTypes.h"
#include "clang/AST/Expr.h"
#include <string>

namespace autorc {

enum class WholeOp { None, Copy, Zero };

struct WholeCall {
  WholeOp Op = WholeOp::None;
  const clang::RecordDecl *RD = nullptr; // the struct copied or cleared
  clang::QualType T;                     // its type, unqualified
};

// C's whole-struct meaning, or Op None.
WholeCall wholeStructCall(const clang::CallExpr *C, const ManagedTypes &MT);

// memcpy/memmove (Copy) or memset-to-0/bzero (Zero) over an array of
// managed pointers (`memset(n->kids, 0, sizeof n->kids)`, `memmove(&a[i],
// &a[i + 1], (n - i - 1) * sizeof *a)`): a C programmer's meaning is the
// element stores `d[j] = s[j]` (in memmove's order) or `d[j] = NULL`, so the
// rewrite makes those stores, counted (strong slots) or registered (weak
// ones), instead of refusing the call. Kind is the destination's slot kind
// (an RC_UNOWNED array needs no edit).
// Refused still ([autorc-memcpy]): a nonzero fill, a constant size that is
// not a whole number of pointers, a source of another element type, slots
// in a union member (their tag decides which are live), mempcpy, a call
// written inside a macro.
struct SlotsCall {
  WholeOp Op = WholeOp::None;
  SlotKind Kind = SlotKind::None;
  std::string Why; // Op None over managed pointers: why it is not counted
};
SlotsCall slotsCall(const clang::CallExpr *C, const ManagedTypes &MT);
// The slot kind of the managed pointers A points to, or SlotKind::None;
// Elem: their type; Union: they are in a union member.
SlotKind pointedSlots(const clang::Expr *A, const ManagedTypes &MT, clang::QualType *Elem,
                      bool *Union);

} // namespace autorc

#endif
