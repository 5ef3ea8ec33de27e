// GotoGuards.h — counted locals that a goto jumps past (docs/semantics.md,
// "goto past a declaration").
//
// C lets `goto fail;` jump forward past a declaration into its scope; clang
// refuses that jump when the variable has __attribute__((cleanup)), which is
// how the plugin releases locals. Such a local is *guarded* instead: its
// block starts with the local's storage `T <name>;` and then a guard
// `void *rc__g_<name> __attribute__((cleanup(rc__guard_<drop>))) = NULL;`
// (inserted after the block's `{`; the storage comes first so that it is
// still alive when the guard's cleanup runs), the declaration initialises
// a temporary `rc__h_<name>` instead, followed by a copy into the storage
// and `rc__g_<name> = &<name>;`, and the guard's
// cleanup releases the local only if the guard was set — so a jump past the
// declaration releases nothing of it, and every path releases exactly what
// was initialised. When one local of a block is guarded, all counted locals
// of the block are, so they are still released in reverse order of
// declaration. A goto backward out of a guarded local's scope within its
// block (to a label before the declaration) releases it and clears the
// guard first, as leaving the scope would; reaching the declaration again
// then registers it afresh.
//
// Refused ([autorc-unsupported]): a jump from outside a block into it past
// a counted local (it would also skip the guards); a jump into the scope
// of a `for` statement's counted local; a guarded local whose type cannot
// be named at the block's start, or whose block uses another variable of
// the same name before it (the hoisted storage would capture that use).
#ifndef AUTORC_PLUGIN_GOTOGUARDS_H
#define AUTORC_PLUGIN_GOTOGUARDS_H

#include "Diagnostics.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace autorc {

class GotoGuards {
public:
  // Counted: does the rewriter give this local a cleanup?
  void compute(clang::FunctionDecl *FD, const clang::SourceManager &SM,
               const std::function<bool(const clang::VarDecl *)> &Counted);
  bool isGuarded(const clang::VarDecl *V) const { return Guarded.count(V) != 0; }
  // Gotos that leave the scope of guarded locals backwards inside their
  // block: the locals to release before the jump (last declared first).
  std::map<const clang::Stmt *, std::vector<const clang::VarDecl *>> BackwardReleases;
  // Jumps that cannot be made right: the catalogue's error, with the
  // local's name as its argument.
  struct Error {
    clang::SourceLocation Loc;
    diag::ID Id;
    std::string Name;
  };
  std::vector<Error> Errors;
  // The guard's name (unique in the function) and the block it goes in.
  std::string guardName(const clang::VarDecl *V) const;
  const clang::Stmt *blockOf(const clang::VarDecl *V) const;

private:
  std::map<const clang::VarDecl *, std::pair<unsigned, const clang::Stmt *>> Guarded;
};

} // namespace autorc

#endif
