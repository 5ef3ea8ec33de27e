// MoveAnalysis.h — the facts behind RC-op elision beyond keep-alives
// (ElisionAnalysis.h): last uses of owned locals, and parameters that a
// function takes owned (+1) instead of borrowed.
//
// Last use (LastUses). A reference to an owned local (a strong local, a
// pinned or owned parameter) is its *last use* when no other reference to
// the variable can run after it:
//   - every other reference lies before the start of the full expression
//     that contains it (source order), so the variable is named exactly once
//     in that full expression (`x->f = x` is never a move: the order in which
//     `&x->f` and the move are evaluated is unspecified);
//   - the reference is in the same loop as the declaration (no loop between
//     them: a second iteration would read the moved-from variable);
//   - the function has no goto or label (a backward jump is a loop);
//   - the address of the variable is never taken;
//   - the variable is not named in the value of a store that keeps a
//     non-managed pointer (`const char *t = rc_str_cstr(s);`,
//     `char *d = b->data;`): such a pointer may point into the object,
//     which the scope's end keeps alive as semantics.md promises; a move
//     would end its life at the last use of the variable instead.
// Source order equals execution order once loops and gotos are excluded:
// the remaining jumps (if/else, switch cases, break, continue, return,
// ?:, && and ||) only go forward. In the value of a `return` only the
// first rule applies: nothing of the function runs after it. A last use that is stored into a slot,
// initialises a local or is passed to an owned parameter transfers the
// local's reference with rc__move (which leaves NULL for the cleanup)
// instead of a retain now and a release at the end of the scope.
//
// Owned parameters (OwnedParams). A parameter P of a function F is owned
// when F
//   - has internal linkage (static) and is defined in this translation
//     unit, so every caller is rewritten with F's convention;
//   - is only ever called directly (its address is never taken), and every
//     call's argument for P is plain file text (not inside a macro body);
// and P is a strong managed pointer that F *consumes*: stores into a strong
// slot, uses to initialise a strong local, returns (F returning +1), or
// passes to an owned parameter (a least fixpoint over the file).
// The caller passes +1: a +1 result as it is (no temporary), a last-use
// local moved, anything else retained. F releases P when it returns (a
// cleanup, as for pinned parameters) and moves it on its last use. This is
// Perceus's owned-parameter convention, inferred for constructors such as
// rbtree's node(): `node(RED, a, k, v, b)` with `a` and `b` dying costs
// nothing instead of two retains and two releases.
#ifndef AUTORC_PLUGIN_MOVEANALYSIS_H
#define AUTORC_PLUGIN_MOVEANALYSIS_H

#include "ManagedTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <map>
#include <set>
#include <vector>

namespace autorc {

class OwnedParams {
public:
  OwnedParams(const ManagedTypes &MT, clang::TranslationUnitDecl *TU);
  bool isOwned(const clang::ParmVarDecl *P) const { return Owned.count(P) != 0; }
  // Parameter I of the function a call goes to is owned.
  bool isOwnedArg(const clang::FunctionDecl *Callee, unsigned I) const;
  unsigned count() const { return static_cast<unsigned>(Owned.size()); }
  // Does F take any parameter owned?
  bool hasOwned(const clang::FunctionDecl *F) const {
    return F && Def.count(F->getCanonicalDecl()) != 0;
  }

private:
  std::set<const clang::ParmVarDecl *> Owned;
  std::map<const clang::FunctionDecl *, const clang::FunctionDecl *> Def; // canonical -> definition
};

// Borrowed iteration variables. `for (q = list; q; q = q->tail)` over a
// borrowed parameter needs no counting when nothing in the function can
// release: q is then a borrowed alias, like the parameter it starts from.
// A variable V qualifies (isIterationShaped) when it is a parameter, or a
// strong local initialised with a +0 value read without side effects (NULL,
// a variable, a field, an element: no call, no store), and
//   - every assignment to V is `V = V->f` (f a strong field) or `V = NULL`;
//   - every other use of V only reads it: `V->f`, a comparison, `!V`, &&,
//     ||, a condition, or an argument of a call (release-free callees only,
//     checked below); V is never stored, returned, cast or address-taken.
// The function must also be release-free apart from V's own assignments
// (no other managed locals, no stores to managed slots, no +1 calls, only
// calls to itself or to release-free functions), or, for a local, V's
// *scope* must be: the `for` statement whose init declares V, or the rest
// of the block from V's declaration on (FunctionRewriter::findBorrowedVars).
// Nothing releasing while V lives, whatever held V's first value (a slot,
// the caller) still holds it, and every V->f read since is held by its
// object: `for (x = tab->slots[i]; x; x = x->next)` after a store in the
// same function costs nothing either. An iteration-shaped local is never
// moved into, even when it is counted (its scope may release): a walk
// leaves what it walks to the variable it started from
// (FunctionRewriter::handleStrongLocal).
bool isIterationShaped(const ManagedTypes &MT, const clang::VarDecl *V,
                       const clang::FunctionDecl *FD);

// Does S contain a call (even a `pure` one, which HasSideEffects lets
// through: it could return +1) or a statement expression?
bool containsCall(const clang::Stmt *S);

class LastUses {
public:
  LastUses(const ManagedTypes &MT) : MT(MT) {}
  // Index the references in one function body (call before rewriting it).
  void compute(const clang::FunctionDecl *FD);
  // Is Ref, a reference inside the full expression Root, the last use of
  // its variable? InReturn: Root is the value of a `return`, after which
  // nothing of this function runs, so only Root's own references count
  // (loops, gotos and later statements are other paths).
  bool isLastUse(const clang::DeclRefExpr *Ref, const clang::Expr *Root, bool InReturn) const;

private:
  void index(const clang::Stmt *S, const clang::Stmt *Loop);
  void keptPointerStore(clang::QualType T, const clang::Expr *Value);
  void markNamed(const clang::Stmt *E);

  const ManagedTypes &MT;
  bool HasJumps = false;
  std::map<const clang::VarDecl *, const clang::Stmt *> DeclLoop;
  std::map<const clang::VarDecl *, std::vector<const clang::DeclRefExpr *>> Refs;
  std::map<const clang::DeclRefExpr *, const clang::Stmt *> RefLoop;
  std::set<const clang::VarDecl *> AddrTaken; // or named in a kept derived pointer
};

} // namespace autorc

#endif
