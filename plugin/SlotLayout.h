// SlotLayout.h — every managed slot inside a struct, through the plain
// structs, arrays and tagged unions it holds by value, as an access path.
//
// The descriptor of a managed struct (DescriptorGen) and the helpers of a
// plain struct held by value (ValueStructs) both need the same list: a
// managed struct `list` with a field `struct { struct node *head, *tail; }
// ends` has strong slots `.ends.head` and `.ends.tail`; a "base" struct
// held as the first member contributes its own slots (`.base.next`); an
// array of plain structs contributes one path per element
// (`.items[1].first`). A union member holding managed slots counts only
// when it is annotated RC_TAGGED(tag, value): its slots carry a condition,
// the tag field (a sibling of the union in the enclosing struct) compared
// with the value.
//
// Invariant: a path is valid C after `obj` (for a value) and in offsetof(T,
// path without its leading '.'); Cond is "" or `<tag path> == (value)` with
// the tag path in the same form.
#ifndef AUTORC_PLUGIN_SLOTLAYOUT_H
#define AUTORC_PLUGIN_SLOTLAYOUT_H

#include "Diagnostics.h"
#include "ManagedTypes.h"
#include <string>
#include <vector>

namespace autorc {

struct SlotPath {
  std::string Path;  // ".ends.head"
  uint64_t Offset = 0; // bytes from the start of the struct (clang's layout)
  SlotKind Kind = SlotKind::Strong;
  const clang::RecordDecl *Target = nullptr; // the managed struct pointed to
  std::string CondPath;  // ".tag", or "" (always live)
  std::string CondValue; // "T_OBJ" (the annotation's text)
};

// A problem found while flattening (an untagged union member holding
// managed slots, a bad RC_TAGGED annotation): the declaration and why.
struct SlotProblem {
  const clang::Decl *At;
  diag::ID Id;
  std::vector<std::string> Args;
  bool Untagged = false; // a union member without RC_TAGGED (FieldCheck reports those)
};

// The managed slots of RD (strong and weak; RC_UNOWNED ones are left out).
std::vector<SlotPath> flattenSlots(const ManagedTypes &MT, const clang::RecordDecl *RD,
                                   std::vector<SlotProblem> *Problems = nullptr);

// The RC_TAGGED(tag, value) annotation of a union member: true and the two
// texts if present.
bool taggedAnnotation(const clang::Decl *D, std::string &Tag, std::string &Value);

// The record a tag field F is a member of as C names it: F's own record, or,
// when F sits in an anonymous struct or union (`struct { int tag; };`), the
// record enclosing it, which is where RC_TAGGED's tag name is looked up.
const clang::RecordDecl *tagHolder(const clang::FieldDecl *F);
// F is the tag of RC_TAGGED union members: its holder (tagHolder) holds
// (directly or through anonymous members) a union with a member tagged by
// F's name.
bool isTagField(const clang::FieldDecl *F);
// A plain `=` store into tag field F is counted: the helper
// ValueStructs::tagStore gets the field's address (not a bit-field's).
bool countedTagStore(const clang::FieldDecl *F);

// The spelling of a struct type in generated code and a name for its
// helpers: its own ("struct span", a typedef name), or, for an unnamed
// struct that is the type of a named field of a spellable one, through the
// field: `__typeof__(((struct list *)0)->ends)`, named "list_ends". False
// if neither works.
bool spellRecord(const ManagedTypes &MT, const clang::RecordDecl *RD, std::string &Type,
                 std::string &Name);

// A store into a member of a union that holds RC_TAGGED members, or into a
// part of one (an element or field reached without a pointer), written
// `x.u.m = v`, `p->u.m[i] = v`, `p->u.m.f = v` (or through an anonymous
// union, `p->m`): the struct holding the union (the tags' record,
// spellable: spellRecord), the member's path in offsetof form ("u.m"), the
// expression naming the whole member (`p->u.m`, what the check wraps), and
// when the store is right: for a tagged member, while its tag says so
// (Want: "kind == (K_STR)"); for any other member, while no tagged member
// is live (Want: "kind != (K_STR) && ...").
struct UnionMemberStore {
  const clang::RecordDecl *Holder = nullptr;
  const clang::FieldDecl *Member = nullptr;
  const clang::MemberExpr *MemberRef = nullptr;
  std::string Path;
  std::string Want;  // C condition over `s->`, the holder
  bool Tagged = false;
  bool Part = false; // a store into a part of the member
};
bool unionMemberStore(const ManagedTypes &MT, const clang::Expr *LHS, UnionMemberStore &Out);

// The array held by value that E is an element of -- `a[i]`, `*a`,
// `*(a + i)`, `*(i + a)`, `*(a - i)` with `a` an array -- or null (E is no
// element, or the pointer is not an array's decay: the store is elsewhere).
const clang::Expr *elementArray(const clang::Expr *E);
// The array-to-pointer conversion of that array, or null.
const clang::ImplicitCastExpr *elementDecay(const clang::Expr *E);

} // namespace autorc

#endif
