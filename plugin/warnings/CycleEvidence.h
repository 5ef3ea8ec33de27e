// CycleEvidence.h — what the program's own code says about its links, for
// choosing the back link of a cycle ([autorc-cycle], CycleCheck.cpp).
//
// One pass over every function body in user code, in source order, reading
//   - fresh objects: a local set from rc_new(T), or from a call to a
//     constructor (a function whose every return is a fresh object);
//     `w = v` makes w name v's object;
//   - stores of a fresh object into a slot of another object: `x->f = v`
//     (also x->in.f, x->arr[i]), a container call (rc_list_append/insert/
//     set(x->f, v)), and, through a parameter summary, a call that passes
//     v to a function storing that parameter so (`constraint_new(a, v)`
//     whose body does `c->right = right`);
//   - what each container field holds: the types stored into it.
// From these, three kinds of evidence:
//   owning    the function stores its fresh object exactly once, into an
//             object that outlives the call (a parameter, a loaded object)
//             or after the last local naming it is gone (a local of a loop
//             or inner block, a rebound local): that slot holds the only
//             reference, so making it RC_WEAK would free the object at
//             once. Such a field is never suggested weak. Objects made in
//             a loop are each stored by the loop's own stores; a store
//             or return after the loop, through a local set in it
//             (`first`, `last`), reaches one of them only and is not
//             counted. Not when the
//             object has another reference: the function returns it, or
//             a constructor that made it stored it in a slot already
//             (`p->child[i] = c; return c;`). A slot of a local that this
//             function filled with a fresh object names that object
//             (`a->card = rc_new(...)`: `a->card` is new, not existing).
//   creates   a fresh B is stored into an existing A (a parameter, a loaded
//             object — not one created in the same function): B objects are
//             created and stored by A objects, so B is the child and a link
//             from B to A is the back link to its creator.
//   holds     container field f holds T objects (rc_list_append(x->f, t)).
//   mirrors   two self fields set as each other's mirror in one function
//             (`x->right = y; y->left = x;`): the objects link both ways
//             whatever the names; when one of the two is owning, the other
//             is the back link.
// Flow-insensitive (branches count as taken); only direct calls are
// followed, one summary per function, recursion cut.
#ifndef AUTORC_WARNINGS_CYCLEEVIDENCE_H
#define AUTORC_WARNINGS_CYCLEEVIDENCE_H

#include "../ManagedTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <map>
#include <string>
#include <set>
#include <utility>
#include <vector>

namespace autorc {
namespace warnings {

struct EvidenceSite {
  clang::SourceLocation Loc;             // the store (or the call that stores)
  const clang::RecordDecl *Type = nullptr; // the stored object's type
  // Owning only: the store itself when Loc's call makes it in a callee
  // (else invalid), and a local naming the object at the store (or null).
  clang::SourceLocation Store;
  const clang::VarDecl *Local = nullptr;
};

// A slot of an object: the top-level field of the object's struct.
struct SlotStore {
  const clang::FieldDecl *Field = nullptr;
  const clang::RecordDecl *Owner = nullptr; // canonical struct holding Field
  bool Container = false;                   // a container call, not an assignment
  bool IntoFresh = false;                   // the owner is fresh in the storing function
  int OwnerParam = -1; // in a summary: the owner is this parameter of the callee
  // Made after the loop that created the objects, through a local that
  // names one of them (`last = v` in the loop, then `keep(last)`): it
  // reaches one object, not each, and does not count against "stored once".
  bool OneOfLoop = false;
  clang::SourceLocation Loc;
  // Through a call (a parameter summary): the store in the callee; Loc is
  // then the call.
  clang::SourceLocation Inner;
  // A local of the storing function naming the object at the store.
  const clang::VarDecl *Local = nullptr;
};

// The verdict on one link of a cycle: a back link to suggest (Strength 2:
// evidence from creation, 1: a back-link name) or not (0), and why.
struct Judgement {
  int Strength = 0;
  std::string Why;
};

class CycleEvidence {
public:
  CycleEvidence(clang::ASTContext &Ctx, const ManagedTypes &MT);

  const EvidenceSite *owningStore(const clang::FieldDecl *F) const;
  const EvidenceSite *creates(const clang::RecordDecl *Creator,
                              const clang::RecordDecl *Child) const;
  // Are self fields F and G set as mirror images in one function
  // (`x->right = y; y->left = x;`)?
  bool mirrored(const clang::FieldDecl *F, const clang::FieldDecl *G) const;
  // F's mirror partner that holds the only reference to new objects (and
  // where the mirrored store is), or null.
  const std::pair<const clang::FieldDecl *const, EvidenceSite> *
  mirrorOwning(const clang::FieldDecl *F) const;
  // The types stored into container field F (first store of each).
  std::map<const clang::RecordDecl *, clang::SourceLocation>
  containerHolds(const clang::FieldDecl *F) const;

  // The rules both levels of [autorc-cycle] apply to a link From -> To held
  // in field F (Path: its name, "in.prev" inside an embedded struct).
  Judgement judge(const clang::FieldDecl *F, llvm::StringRef Path, const clang::RecordDecl *From,
                  const clang::RecordDecl *To, bool Container, bool Array);
  // "file.c:12" for a location.
  std::string where(clang::SourceLocation L) const;
  // An owning store's place and when RC_WEAK would free its object.
  std::string storedAt(const EvidenceSite &O) const;
  static std::string owningWhen(const EvidenceSite &O);

  // Helpers shared with the instance-level check.
  bool isFreshExpr(const clang::Expr *E);
  // E without parentheses, implicit casts and C casts.
  static const clang::Expr *stripCasts(const clang::Expr *E);
  // The slot an lvalue (or a container argument) names: false unless it is
  // a field reached through `->`. Obj is the object expression.
  static bool slotOf(const clang::Expr *E, const clang::FieldDecl *&Top,
                     const clang::Expr *&Obj);

private:
  friend class EvidenceScan;
  bool isConstructor(const clang::FunctionDecl *FD);
  void findRegistered(const clang::FunctionDecl *FD,
                      const std::vector<const clang::Expr *> &Returned);
  // A constructor that also stores the object it returns into a slot.
  bool registers(const clang::FunctionDecl *FD);
  const std::vector<std::pair<unsigned, SlotStore>> &paramStores(const clang::FunctionDecl *FD);

  clang::ASTContext &Ctx;
  const ManagedTypes &MT;
  std::map<const clang::FieldDecl *, EvidenceSite> Owning;
  std::map<std::pair<const clang::RecordDecl *, const clang::RecordDecl *>, EvidenceSite> Creates;
  std::map<const clang::FieldDecl *, std::map<const clang::RecordDecl *, clang::SourceLocation>>
      Holds;
  std::map<const clang::FunctionDecl *, int> Ctor; // 0 in progress, 1 yes, 2 no
  std::set<const clang::FunctionDecl *> Registered;
  std::map<const clang::FieldDecl *, std::map<const clang::FieldDecl *, EvidenceSite>> Mirrors;
  std::map<const clang::FunctionDecl *, std::vector<std::pair<unsigned, SlotStore>>> Params;
  std::set<const clang::FunctionDecl *> InProgress;
};

} // namespace warnings
} // namespace autorc

#endif
