// ValueStructs.cpp — see ValueStructs.h.
#include "ValueStructs.h"
#include "SlotLayout.h"
#include <algorithm>

using namespace clang;

namespace autorc {

namespace {
// `s->ends.head` for the path ".ends.head" relative to `s` (a pointer).
std::string at(const std::string &Path) { return "s->" + Path.substr(1); }

// `Fn(slot Extra);` for every live strong slot.
std::string eachSlot(const std::vector<SlotPath> &Slots, const char *Fn, const char *Extra = "") {
  std::string Body;
  for (const SlotPath &S : Slots) {
    if (S.Kind != SlotKind::Strong)
      continue;
    std::string Op = std::string("(void)") + Fn + "(" + at(S.Path) + Extra + ");";
    if (!S.CondPath.empty())
      Op = "if (" + at(S.CondPath) + " == (" + S.CondValue + ")) " + Op;
    Body += " " + Op;
  }
  return Body;
}
// `*slot = v` of a managed struct (an object assigned by value): the old
// strong slots are read first (under the old tag), the weak slots are
// unregistered, the bytes copied (the object's header lies below the
// pointer, so it is not among them), the weak slots registered at their new
// address (under the new tag), and only then the old values released: the
// new value is in place before any finalizer runs, and `*a = *a` ends as it
// started. Returns slot, so a used value is read back after the store.
std::string objectStore(const std::vector<SlotPath> &Slots, const std::string &T,
                        const std::string &B) {
  auto live = [](const SlotPath &S, const std::string &Op) {
    return S.CondPath.empty() ? Op : "if (" + at(S.CondPath) + " == (" + S.CondValue + ")) " + Op;
  };
  std::string Old, Unreg, Reg;
  unsigned N = 0;
  for (const SlotPath &S : Slots) {
    if (S.Kind == SlotKind::Strong) {
      std::string V = "(void *)" + at(S.Path);
      if (!S.CondPath.empty())
        V = "(" + at(S.CondPath) + " == (" + S.CondValue + ") ? " + V + " : NULL)";
      Old += (N++ ? ", " : "") + V;
    } else if (S.Kind == SlotKind::Weak) {
      Unreg += " " + live(S, "(void)rc__weak_assign(&" + at(S.Path) + ", NULL);");
      Reg += " " + live(S, "(void)rc__weak_init_v(&" + at(S.Path) + ", " + at(S.Path) + ");");
    }
  }
  std::string Body = "static inline __attribute__((unused)) " + T + " *" + B + "_set_owned(" + T +
                     " *s, " + T + " v) {";
  if (N)
    Body += " void *old[" + std::to_string(N) + "] = {" + Old + "};";
  Body += Unreg + " *s = v;" + Reg;
  if (N)
    Body += " for (unsigned i = 0; i < " + std::to_string(N) + "; i++) rc_decref(old[i]);";
  Body += " return s; } ";
  Body += "static inline __attribute__((unused)) " + T + " *" + B + "_set(" + T + " *s, " + T +
          " v) { " + B + "_inc(&v); return " + B + "_set_owned(s, v); } ";
  return Body;
}
} // namespace

bool ValueStructs::spell(const RecordDecl *RD, std::string &Type, std::string &Name) const {
  return spellRecord(MT, RD, Type, Name);
}

std::string ValueStructs::helpers(const RecordDecl *RD, SourceLocation Use) {
  std::string TS, Name;
  if (!spell(RD, TS, Name)) {
    E.diags().report(Use, diag::UnnamedValueStruct);
    return "";
  }
  std::string B = "rc__vs_" + Name;
  if (!Emitted.insert(B).second)
    return B;
  std::vector<SlotPath> Slots = flattenSlots(MT, RD);
  std::string T = TS;
  Pending += "static inline __attribute__((unused)) void " + B + "_inc(void *p) { " + T + " *s = (" + T + " *)p;" +
             eachSlot(Slots, "rc_incref") + " (void)s; } ";
  Pending += "static inline __attribute__((unused)) void " + B + "_dec(void *p) { " + T + " *s = (" + T + " *)p;" +
             eachSlot(Slots, "rc_decref") + " (void)s; } ";
  // The cleanup of a const local: _dec only reads *p, and releasing the
  // objects the slots point to changes no const object (C11 6.7.3p6
  // forbids only changing the local itself).
  Pending += "static inline __attribute__((unused)) void " + B + "_dec_const(const void *p) { " +
             B + "_dec((void *)p); } ";
  // The cleanup of a volatile (or const volatile) local: it runs after the
  // local's last access, so reading the slots through a plain pointer sees
  // what the program stored.
  Pending += "static inline __attribute__((unused)) void " + B +
             "_dec_volatile(const volatile void *p) { " + B + "_dec((void *)p); } ";
  Pending += "static inline __attribute__((unused)) " + T + " " + B + "_retain(" + T + " v) { " + B +
             "_inc(&v); return v; } ";
  Pending += "static inline __attribute__((unused)) void " + B + "_release(" + T + " v) { " + B + "_dec(&v); } ";
  Pending += "static inline __attribute__((unused)) " + T + " " + B + "_assign(" + T + " *slot, " + T + " v) { " + T +
             " old = *slot; " + B + "_inc(&v); *slot = v; " + B + "_dec(&old); return v; } ";
  Pending += "static inline __attribute__((unused)) " + T + " " + B + "_assign_owned(" + T + " *slot, " + T +
             " v) { " + T + " old = *slot; *slot = v; " + B + "_dec(&old); return v; } ";
  Pending += "static inline __attribute__((unused)) " + T + " " + B + "_move(" + T + " *slot) { static const " + T +
             " zero; " + T + " v = *slot; *slot = zero; return v; } ";
  Pending += "static inline __attribute__((unused)) void " + B + "_drop_ind(void *pp) { " + B +
             "_dec(*(void **)pp); } ";
  // A keep-alive hold of a struct argument (autorc.h's rc__hold, one per
  // slot): the temporary is a struct B_hold, released by B_hold_drop.
  Pending += "struct " + B + "_hold { " + T + " v; rc__epoch_t epoch; }; ";
  Pending += "static inline __attribute__((unused)) " + T + " " + B +
             "_hold_retain(rc__epoch_t *e, " + T + " v) { *e = rc__gc_epoch; " + B +
             "_inc(&v); return v; } ";
  Pending += "static inline __attribute__((unused)) void " + B + "_hold_drop(void *p) { struct " +
             B + "_hold *h = (struct " + B + "_hold *)p; " + T + " *s = &h->v;" +
             eachSlot(Slots, "rc__release_held", ", h->epoch") + " (void)s; } ";
  Pending += objectStore(Slots, T, B);
  return B;
}

// The counted stand-in for memcpy(a, b, sizeof *a) (a copy) or memset(a,
// 0, sizeof *a) / bzero(a, sizeof *a) (a clear) of one RD (WholeCopy.h):
// the same parameters, the size already checked.
std::string ValueStructs::memHelper(const RecordDecl *RD, bool Copy, llvm::StringRef Callee,
                                    SourceLocation Use) {
  std::string B = helpers(RD, Use);
  if (B.empty())
    return "";
  bool Bzero = Callee.find("bzero") != llvm::StringRef::npos;
  std::string Name = B + (Copy ? "_memcpy" : Bzero ? "_bzero" : "_memset");
  if (!Emitted.insert(Name).second)
    return Name;
  std::string T = spelling(RD);
  if (Copy)
    Pending += "static inline __attribute__((unused)) void *" + Name +
               "(void *d, const void *s, __SIZE_TYPE__ n) { (void)n; return (void *)" + B +
               "_set((" + T + " *)d, *(const " + T + " *)s); } ";
  else
    Pending += "static inline __attribute__((unused)) " + std::string(Bzero ? "void " : "void *") +
               Name + "(void *d, " + (Bzero ? "" : "int c, ") + "__SIZE_TYPE__ n) { static const " +
               T + " zero; (void)n; " + (Bzero ? "" : "(void)c; return (void *)") + B +
               "_set_owned((" + T + " *)d, zero); } ";
  return Name;
}

// Each element stored as `d[j] = s[j]` would be (rc__assign: the new value
// retained, the old one released; rc__weak_assign: registered), in
// memmove's order (ascending when d is below s, else descending), so
// overlapping arrays work; a zero fill stores NULL, first to last. A size
// that is not a whole number of pointers (known only at run time; a
// constant one is refused) would cut a pointer: the program stops.
std::string ValueStructs::slotsHelper(bool Weak, bool Copy, llvm::StringRef Callee) {
  bool Bzero = Callee.find("bzero") != llvm::StringRef::npos;
  std::string Prefix = Weak ? "rc__weak_slots" : "rc__slots";
  std::string Name = Prefix + (Copy ? "_memmove" : Bzero ? "_bzero" : "_memset");
  if (!Emitted.insert(Name).second)
    return Name;
  std::string Store = Weak ? "rc__weak_assign" : "rc__assign";
  std::string Head = "static inline __attribute__((unused)) ";
  std::string Count = "void **D = (void **)d; __SIZE_TYPE__ k = n / sizeof(void *), i; if (n % "
                      "sizeof(void *)) __builtin_trap(); ";
  if (Copy)
    Pending += Head + "void *" + Name + "(void *d, const void *s, __SIZE_TYPE__ n) { " + Count +
               "void *const *S = (void *const *)s; if ((__UINTPTR_TYPE__)d <= "
               "(__UINTPTR_TYPE__)s) { for (i = 0; i < k; i++) " + Store +
               "(&D[i], S[i]); } else { for (i = k; i-- > 0;) " + Store +
               "(&D[i], S[i]); } return d; } ";
  else
    Pending += Head + (Bzero ? "void " : "void *") + Name + "(void *d, " +
               (Bzero ? "" : "int c, ") + "__SIZE_TYPE__ n) { " + Count + (Bzero ? "" : "(void)c; ") +
               "for (i = 0; i < k; i++) " + Store + "(&D[i], (void *)0);" +
               (Bzero ? "" : " return d;") + " } ";
  return Name;
}

// The members live under the new tag were other members' bits: they start
// NULL. _set retains the new value's slots (the same pointers outside the
// union, NULL under the new tag) and releases the old ones under the old
// tag, so only the members whose tag went away lose a reference; its weak
// slots are unregistered under the old tag and registered under the new.
std::string ValueStructs::tagStore(const RecordDecl *RD, const FieldDecl *Tag,
                                   SourceLocation Use) {
  std::string B = helpers(RD, Use);
  if (B.empty())
    return "";
  std::string F = Tag->getName().str();
  std::string Name = B + "_tag_" + F;
  if (!Emitted.insert(Name).second)
    return Name;
  std::string T = spelling(RD);
  std::string TT = "__typeof__(((" + T + " *)0)->" + F + ")";
  std::string Clear;
  for (const SlotPath &S : flattenSlots(MT, RD))
    if (S.CondPath == "." + F)
      Clear += " if (n." + F + " == (" + S.CondValue + ")) n" + S.Path + " = 0;";
  Pending += "static inline __attribute__((unused)) " + TT + " " + Name + "(" + TT + " *p, " + TT +
             " v) { " + T + " *s = (" + T + " *)(void *)((char *)p - __builtin_offsetof(" + T +
             ", " + F + ")); if (s->" + F + " != v) { " + T + " n = *s; n." + F + " = v;" + Clear +
             " (void)" + B + "_set(s, n); } return v; } ";
  return Name;
}

// A store into a union member is right only under the tag it was written
// for: a tagged member's old bits are a reference only while its tag says
// so, and any other member's bits overwrite a live reference. A store
// under another tag is a fatal error at the store, naming the member, the
// tag and its value, before a count goes wrong.
std::string ValueStructs::unionStoreCheck(const UnionMemberStore &S, SourceLocation Use) {
  std::string T, N;
  if (!spell(S.Holder, T, N)) {
    E.diags().report(Use, diag::UnnamedValueStruct);
    return "";
  }
  std::string Flat = S.Path;
  std::replace(Flat.begin(), Flat.end(), '.', '_');
  std::string Name = "rc__vs_" + N + "_live_" + Flat;
  if (!Emitted.insert(Name).second)
    return Name;
  std::string MT_ = "__typeof__(((" + T + " *)0)->" + S.Path + ")";
  std::string Tag, Value, Who, At;
  taggedAnnotation(S.Member, Tag, Value);
  messageName(S.Holder, Who, At);
  std::string Why = S.Tagged ? "RC_TAGGED member '" + At + S.Path + "' while its tag '" + At +
                                   Tag + "' is not " + Value
                             : "union member '" + At + S.Path +
                                   "' while an RC_TAGGED member is live (its reference would "
                                   "be overwritten)";
  Pending += "static inline __attribute__((unused)) " + MT_ + " *" + Name + "(" + MT_ +
             " *p) { " + T + " *s = (" + T + " *)(void *)((char *)p - __builtin_offsetof(" + T +
             ", " + S.Path + ")); if (!(" + S.Want + ")) { fputs(\"autorc: fatal: store to " + Who +
             "'s " + Why + ": set the tag first\\n\", stderr); __builtin_abort(); } return p; } ";
  return Name;
}

// How a message names RD: its own spelling, or, for an unnamed struct
// that is a named field's type, the named struct around it and the path
// from there ("struct list", "head."), as the program's text names them.
void ValueStructs::messageName(const RecordDecl *RD, std::string &Who, std::string &At) const {
  Who = MT.recordSpelling(RD);
  const auto *Parent = dyn_cast<RecordDecl>(RD->getDeclContext());
  if (!Who.empty() || !Parent)
    return;
  for (const FieldDecl *F : Parent->fields()) {
    const auto *RT = F->getType()->getAs<RecordType>();
    if (RT && RT->getDecl()->getCanonicalDecl() == RD->getCanonicalDecl() &&
        !F->getName().empty()) {
      std::string Outer;
      messageName(Parent, Who, Outer);
      At = Outer + F->getName().str() + "." + At;
      return;
    }
  }
}

std::string ValueStructs::spelling(const RecordDecl *RD) const {
  std::string T, N;
  spell(RD, T, N);
  return T;
}

std::string ValueStructs::arrayDrop(const RecordDecl *RD, uint64_t N, SourceLocation Use) {
  std::string B = helpers(RD, Use);
  if (B.empty())
    return "";
  std::string Name = B + "_drop_arr_" + std::to_string(N);
  if (Emitted.insert(Name).second)
    Pending += "static inline __attribute__((unused)) void " + Name + "(const volatile void *a) { " +
               spelling(RD) + " *e = (void *)a; for (unsigned long i = " + std::to_string(N) + "; i > 0; i--) " + B +
               "_dec(&e[i - 1]); } ";
  return Name;
}

std::string ValueStructs::guardOf(const std::string &Drop) {
  std::string Name = "rc__guard_" + Drop;
  if (Emitted.insert(Name).second)
    Pending += "static inline __attribute__((unused)) void " + Name + "(void *g) { void *slot = *(void **)g; if (slot) " +
               Drop + "(slot); } ";
  return Name;
}

void ValueStructs::flush(SourceLocation At) {
  if (Pending.empty())
    return;
  E.insertAfterInserted(At, Pending, "the helpers of a struct held by value");
  Pending.clear();
}

} // namespace autorc
