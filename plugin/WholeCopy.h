// WholeCopy.h — memcpy/memmove/memset/bzero of exactly one struct that
// holds managed slots: `memcpy(a, b, sizeof *a)` is `*a = *b` and
// `memset(a, 0, sizeof *a)` is `*a = (T){0}` (every strong slot released,
// every weak one unregistered), so the rewrite counts them with the same
// helpers (ValueStructs.h: _set, _set_owned) instead of refusing them.
// Anything else over managed slots (a part of a struct, an array, a
// nonzero fill, a size that is not the struct's, a call written inside a
// macro such as _FORTIFY_SOURCE's) stays an [autorc-memcpy] error.
#ifndef AUTORC_PLUGIN_WHOLECOPY_H
#define AUTORC_PLUGIN_WHOLECOPY_H

#include "ManagedTypes.h"
#include "clang/AST/Expr.h"

namespace autorc {

enum class WholeOp { None, Copy, Zero };

struct WholeCall {
  WholeOp Op = WholeOp::None;
  const clang::RecordDecl *RD = nullptr; // the struct copied or cleared
  clang::QualType T;                     // its type, unqualified
};

// C's whole-struct meaning, or Op None.
WholeCall wholeStructCall(const clang::CallExpr *C, const ManagedTypes &MT);

} // namespace autorc

#endif
