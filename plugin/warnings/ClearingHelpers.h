// ClearingHelpers.h — which parameters a function of the translation unit
// clears, for [autorc-global]'s "the program clears it" rule when the
// clearing happens in a helper (`reset(&current)` with
// `void reset(struct obj **slot) { *slot = NULL; }`).
//
// Two effects per pointer parameter p:
//   Pointee    the function stores NULL into *p (or p[0]), or clears *p as a
//              container (an RC_CLEARS call on it), or passes p on to a
//              parameter with this effect: the caller's `&g` is cleared.
//   Container  the function passes p to an RC_CLEARS container argument, or
//              on to a parameter with this effect: the caller's `g` (an
//              rc_list *, a slot array) is cleared as rc_list_clear(g) would.
// Computed to a fixed point over the functions with bodies, so a chain of
// helpers counts; a function without a body clears nothing (nothing is
// known of it).
#ifndef AUTORC_WARNINGS_CLEARINGHELPERS_H
#define AUTORC_WARNINGS_CLEARINGHELPERS_H

#include "clang/AST/ASTContext.h"
#include <map>
#include <set>

namespace autorc {
namespace warnings {

class ClearingHelpers {
public:
  explicit ClearingHelpers(clang::ASTContext &Ctx);
  // Does a call to F clear what argument I points to (Pointee), or the
  // container argument I is (Container)?
  bool clearsPointee(const clang::FunctionDecl *F, unsigned I) const;
  bool clearsContainer(const clang::FunctionDecl *F, unsigned I) const;

private:
  std::map<const clang::FunctionDecl *, std::set<unsigned>> Pointee, Container;
  friend class ClearScan;
};

} // namespace warnings
} // namespace autorc

#endif
