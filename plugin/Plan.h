// Plan.h — a function's plan: what the rewriter decided for each
// declaration and expression, as data, before any text is edited.
//
// FunctionRewriter computes the plan in one walk over the function body
// with the facts it needs (address-taken variables, borrowed iteration
// variables, owned and pinned parameters, last uses, fresh-object stores,
// stolen reads, calls that may release); PlanEmitter (PlanEmitter.h) turns
// it into edits; the clang-tidy check autorc-errors computes plans only and
// reports the diagnostics of the analysis (AnalysisResult::PlanOnly).
//
// An Action is one decision: an edit family (Kind) applied at a place, with
// the names the decision chose (temporaries, helpers, cleanups). Actions
// are in the walk's order, which the emitter does not rely on: it orders
// the edits by where they land, inner spans first (PlanEmitter.h).
//
// Each action may carry a label, the name under which
// -fplugin-arg-autorc-dump-plan prints it (PlanLog), in source order:
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
//   value-slots   rc_slots_resize/_free of an array of plain structs: the
//                 runtime's value-array call, with the element's helpers
//   fact:addr-taken, fact:borrowed-iteration   facts the decisions used
#ifndef AUTORC_PLUGIN_PLAN_H
#define AUTORC_PLUGIN_PLAN_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace autorc {

// The edit family of an action. Range: the expression or statement the
// action wraps; At: the token it anchors to; A, B: the chosen names.
enum class Act {
  Note,         // no edit: a fact, `take`, the kind of a local or parameter
  Retain,       // Range -> rc__retain(Range)
  ValueRetain,  // Range -> A_retain(Range)            (A: struct helpers)
  Move,         // Range -> A Range ))                 (A: rc__move(&( )
  ValueMove,    // Range -> A_move(&(Range))
  Temp,         // Range -> (A = B Range) ; B: "", or a keep-alive's retain:
                //   "rc__hold(&T.epoch, " (A: T.obj), "S_hold_retain(&T.epoch, "
                //   (A: T.v; a struct's helpers S)
  TempBlock,    // Range -> __extension__({ A Range; })  (A: the temporaries)
  Release,      // Range -> rc_decref(Range)
  ValueRelease, // Range -> A_release(Range)
  Store,        // At (the `=`) -> "),", Range -> A Range B
  ValueStore,   // At (the `=`) -> "),", Range -> A(&(Range)
  Cleanup,      // after At (declarator end): __attribute__((cleanup(A)))
  GuardedDecl,  // At (the declared name, or its read in a later declarator) -> A (GotoGuards.h)
  Init,         // after At (declarator end): A (" = NULL", " = {0}")
  WeakInit,     // Range -> rc__weak_init_v(A, Range)
  WeakReload,   // Range -> rc__weak_reload(A, Range)
  Pins,         // after At (the body's `{`): A, the parameters' pins
  AfterToken,   // after At: A (guards, after a `{` or a declaration)
  GotoGuard,    // Range -> A Range; })
  Helper,       // before At (the function): A, a generated helper
  RcNew,        // At (the macro name) -> A, before B's location: B
  CallRename,   // At (the callee's name) -> A, before At2 (the call's `)`): B
  UnionSlot,    // Range -> (*A(&(Range))): a union member stored to, its tag checked
};

struct Action {
  Act Kind = Act::Note;
  clang::SourceLocation At, At2;
  clang::SourceRange Range;
  std::string A, B;
  std::string What; // for a diagnostic when the text cannot be edited
  // -fplugin-arg-autorc-dump-plan: the action's name ("" = not printed),
  // where it is printed and its subject (the variable or expression).
  std::string Label, Subject;
  clang::SourceLocation LabelAt;
};

struct FunctionPlan {
  std::string Name;
  std::vector<Action> Actions; // the walk's order (see above)
};

// The printed form of the plans (-fplugin-arg-autorc-dump-plan).
class PlanLog {
public:
  // Every labelled action of P: "function f:" then one
  // "  line:col action subject" per action, in source order.
  void add(const clang::SourceManager &SM, const FunctionPlan &P);
  std::string text() const { return Out; }

private:
  std::string Out;
};

} // namespace autorc

#endif
