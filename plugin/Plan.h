// Plan.h — the per-function plan printed by -fplugin-arg-autorc-dump-plan:
// the facts the rewriter computes before it edits (address-taken
// variables, borrowed iteration variables, owned and pinned parameters,
// fresh-object stores, stolen reads) and the action chosen for each
// declaration and expression, in source order:
//   strong-local  weak-local  strong-array    release at scope exit
//   take          a +1 value taken as it is (initialiser, owned argument)
//   retain        a +0 value retained where it is stored or returned
//   move          a last use / `return local`: the reference moves
//   keep-alive    an argument retained into a temporary for the call
//   temporary     a +1 result held until the full expression ends
//   release       an unused +1 result released at once
//   assign        a store: retain new, store, release old
//   assign-owned  a store of a +1 value (no retain)
//   plain-store   a store into a NULL field of a fresh object (no release)
//   weak-store    a store to an RC_WEAK slot
//   pin           a parameter the function assigns: retained on entry
//   owned-param   a parameter taken +1 (MoveAnalysis.h)
// First step of issue 13's plan/emit split: the actions are recorded as
// FunctionRewriter decides them, next to the edits; tests read the plan
// instead of the rewritten text.
#ifndef AUTORC_PLUGIN_PLAN_H
#define AUTORC_PLUGIN_PLAN_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace autorc {

class PlanLog {
public:
  void beginFunction(const std::string &Name);
  // Action at Loc; Subject: the variable or expression it applies to.
  void add(const clang::SourceManager &SM, clang::SourceLocation Loc, llvm::StringRef Action,
           llvm::StringRef Subject);
  // "function f:" then one "  line:col action subject" per entry.
  std::string text() const;

private:
  struct Entry {
    unsigned Line = 0, Col = 0, Seq = 0;
    std::string Action, Subject;
  };
  struct Function {
    std::string Name;
    std::vector<Entry> Entries;
  };
  std::vector<Function> Functions;
  unsigned Seq = 0;
};

} // namespace autorc

#endif
