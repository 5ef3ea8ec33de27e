// ElisionAnalysis.h — which functions can never release a reference, so a
// borrowed argument passed to them needs no keep-alive retain.
//
// f(a->next) normally retains a->next for the call, because f might
// overwrite a->next and free the object under its own parameter. A function
// is *release-free* when its body, once rewritten, performs no release at
// all: no strong or weak local, no assigned (pinned) parameter, no store to
// a managed slot, no call returning a +1 managed result, no call through a
// pointer, and every call goes to a release-free function defined in this
// file, to a pure reader of the runtime (declared RC_READS_ONLY: rc_getrefcount,
// rc_list_len, rc_dict_get, ...; Contracts.h),
// or to a system function that receives no managed pointer and no callback. Nothing can
// then drop a count, run a finalizer or overwrite a slot during the call.
// Computed as a greatest fixpoint, so (mutually) recursive readers such as
// binary-trees' check() qualify. -fplugin-arg-autorc-no-elide turns it off.
#ifndef AUTORC_PLUGIN_ELISIONANALYSIS_H
#define AUTORC_PLUGIN_ELISIONANALYSIS_H

#include "ManagedTypes.h"
#include "clang/AST/Decl.h"
#include <set>

namespace autorc {

class ElisionAnalysis {
public:
  // A function with owned parameters (MoveAnalysis.h) releases them: never
  // release-free.
  ElisionAnalysis(const ManagedTypes &MT, clang::TranslationUnitDecl *TU,
                  const class OwnedParams *Owned = nullptr);
  bool isReleaseFree(const clang::FunctionDecl *FD) const {
    return FD && Safe.count(FD->getCanonicalDecl());
  }
  // Borrowed iteration variables (MoveAnalysis.h): may S — a function's body
  // with Self its function, or a statement of a local's scope with Self
  // null — release anything, not counting the variables in Skip (their
  // declarations and stores)? Calls pass only when they go to Self or to a
  // release-free function.
  bool mayRelease(const clang::Stmt *S, const clang::FunctionDecl *Self,
                  const std::set<const clang::VarDecl *> &Skip) const;

private:
  const ManagedTypes &MT;
  std::set<const clang::FunctionDecl *> Safe;
};

} // namespace autorc

#endif
