// ValueStructs.h — the generated helpers that count a plain struct held by
// value (docs/semantics.md, "Plain structs by value").
//
// A plain struct (not RC_MANAGED) whose fields hold managed pointers
// (directly, in arrays, in sub-structs, in RC_TAGGED union members) has copy
// semantics (and so has a managed struct assigned by value, `*a = *b`;
// docs/semantics.md "Managed structs by value"), as a C++ struct with a copy constructor: a copy retains every
// strong slot of the copy, an assignment releases the slots it overwrites,
// a local releases its slots when its scope ends. For such a struct S the
// plugin generates, once per translation unit and in front of the first
// function that needs them (on that function's first line, so no line
// moves), `static inline` helpers named rc__vs_<name>_*:
//   _inc(p) / _dec(p)       retain / release every live strong slot of *p
//   _dec_const(p)           _dec as the cleanup of a const local (reads only)
//   _retain(v)              +0 value -> +1 value (a copy that owns its slots)
//   _release(v)             drop a +1 value nobody takes
//   _assign(&s, v)          retain v's slots, store, release the old ones
//   _assign_owned(&s, v)    the same for a +1 v (no retain)
//   _set(&s, v) / _set_owned(&s, v)   the same returning &s, also for a
//                           managed struct (an object assigned by value,
//                           `*a = *b`): weak slots re-registered at s
//   _move(&s)               `return local`: take the value, leave zeros
//   _drop_ind(pp)           cleanup of a pinned parameter (pp holds &param)
//   struct _hold, _hold_retain(&h.epoch, v), _hold_drop(&h)
//                           a keep-alive hold of a struct argument: the
//                           temporary, its retain, its cleanup (autorc.h,
//                           rc__hold: no candidate roots unless a
//                           collection ran meanwhile)
//   _drop_arr_N(a)          cleanup of a local array of N structs (const too)
//   _live_<path>(&s.path)   a store into union member s.path checked: the
//                           tag must make it live (an RC_TAGGED member) or
//                           make no tagged member live (any other), else a
//                           fatal error; returns its argument
//   _tag_<f>(&s.f, v)       `s.f = v` of the tag f of RC_TAGGED members:
//                           unchanged, nothing happens; changed, the
//                           members live under the old tag are released
//                           and those live under the new one start NULL
//                           (their bits were another member's)
// Slots are reached by name (`s->ends.head`, `s->u.o` under its tag test),
// so the helpers need the struct's type spelled: an unnamed struct that is
// a field's type is spelled through the field (`__typeof__(((struct list
// *)0)->ends)`); one that is no field's type cannot be copied (an error).
#ifndef AUTORC_PLUGIN_VALUESTRUCTS_H
#define AUTORC_PLUGIN_VALUESTRUCTS_H

#include "Edits.h"
#include "ManagedTypes.h"
#include "SlotLayout.h"
#include <set>
#include <string>

namespace autorc {

class ValueStructs {
public:
  ValueStructs(const ManagedTypes &MT, Edits &E) : MT(MT), E(E) {}

  // The helpers' prefix for RD ("rc__vs_span"), queued for the next
  // flush(); "" after an error at Use (an unnamed struct).
  std::string helpers(const clang::RecordDecl *RD, clang::SourceLocation Use);
  // The counted stand-in for memcpy/memmove (Copy) or memset/bzero to 0
  // over an array of managed pointers (WholeCopy.h, slotsCall): element
  // stores to strong (Weak false) or RC_WEAK slots, named after Callee's
  // kind, with Callee's parameters.
  std::string slotsHelper(bool Weak, bool Copy, llvm::StringRef Callee);
  // The counted stand-in for a whole-struct memcpy/memmove (Copy) or
  // memset/bzero to zero of one RD (WholeCopy.h), named after Callee's kind.
  std::string memHelper(const clang::RecordDecl *RD, bool Copy, llvm::StringRef Callee,
                        clang::SourceLocation Use);
  // The counted store `x.Tag = v` into RD's tag field Tag (countedTagStore):
  // the helper's name; it takes &x.Tag and v and returns v.
  std::string tagStore(const clang::RecordDecl *RD, const clang::FieldDecl *Tag,
                       clang::SourceLocation Use);
  // The check of a store into a union member (unionMemberStore): the
  // helper's name; it takes and returns the member's address.
  std::string unionStoreCheck(const UnionMemberStore &S, clang::SourceLocation Use);
  // The cleanup of a local array of N structs RD.
  std::string arrayDrop(const clang::RecordDecl *RD, uint64_t N, clang::SourceLocation Use);
  // A guard's cleanup for the cleanup function Drop (GotoGuards.h): Drop
  // applied to the slot whose address the guard holds, if any.
  std::string guardOf(const std::string &Drop);
  // Insert the queued helpers in front of the function starting at At.
  void flush(clang::SourceLocation At);
  // RD's type as the helpers spell it ("struct span", or through a field).
  std::string spelling(const clang::RecordDecl *RD) const;

private:
  bool spell(const clang::RecordDecl *RD, std::string &Type, std::string &Name) const;
  void messageName(const clang::RecordDecl *RD, std::string &Who, std::string &At) const;

  const ManagedTypes &MT;
  Edits &E;
  std::set<std::string> Emitted; // per translation unit
  std::string Pending;
};

} // namespace autorc

#endif
