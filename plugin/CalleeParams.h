// CalleeParams.h — the parameter declaration a call's argument binds to,
// for direct calls and for calls through a function pointer.
//
// A parameter's annotations (RC_OBJECT_ARG) live on its declaration. A
// direct call has it in the callee; a call through a pointer (`h->fn(ctx)`,
// `cb(ctx)`) has it in the prototype written where the pointer's type is
// spelled: the field's or variable's declarator (an array's, for a table's
// element `fns[i](ctx)`), or the typedef it names (`typedef void
// (*handler_fn)(RC_OBJECT_ARG void *ctx);`). A callee whose type is
// computed (a cast, a call's result) has none.
#ifndef AUTORC_PLUGIN_CALLEEPARAMS_H
#define AUTORC_PLUGIN_CALLEEPARAMS_H

#include "clang/AST/Expr.h"

namespace autorc {

// The declaration of parameter I of C's callee, or null.
const clang::ParmVarDecl *calleeParam(const clang::CallExpr *C, unsigned I);

} // namespace autorc

#endif
