// FunctionRewriterValues.cpp — plain structs held by value: locals,
// parameters, returns, stores, compound literals and initialisers
// (docs/semantics.md, "Plain structs by value"; helpers in ValueStructs.h).
//
// Ownership is that of a managed pointer, field by field: a struct value is
// +1 when it owns a reference for each of its live strong slots (a call's
// result, a compound literal built in a consuming position), +0 otherwise
// (a variable, a field, *p). A consumer (a local's initialiser, a store,
// a return) takes a +1 value as it is and copies a +0 one with _retain.
#include "FunctionRewriter.h"
#include "WholeCopy.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace autorc {

std::string FunctionRewriter::valueHelpers(QualType T, SourceLocation Use) {
  const RecordDecl *RD = MT.copyRecord(T);
  if (!RD || !VS)
    return "";
  return VS->helpers(RD, Use);
}

// rc_slots_resize / rc_slots_free of an array of plain structs that hold
// managed pointers (`struct kv *items`): the runtime's slot functions count
// pointers, so the call becomes rc__values_resize / rc__values_free with
// the element's size and release helper (runtime/src/slots.c). Other
// element types are SlotArrayCheck's errors.
void FunctionRewriter::valueSlotsCall(CallExpr *C) {
  const FunctionDecl *F = C->getDirectCallee();
  if (!F || !VS || C->getNumArgs() == 0 || !MT.isRuntimeDecl(F))
    return;
  llvm::StringRef N = F->getName();
  if (N != "rc_slots_resize" && N != "rc_slots_free")
    return;
  const auto *PT = C->getArg(0)->IgnoreParenImpCasts()->getType()->getAs<PointerType>();
  const RecordDecl *RD = PT ? MT.valueRecord(PT->getPointeeType()) : nullptr;
  if (!RD)
    return;
  std::string B = valueHelpers(PT->getPointeeType(), C->getBeginLoc());
  if (B.empty())
    return;
  Action A = actAt(Act::CallRename, C->getCallee()->IgnoreParenImpCasts()->getBeginLoc(), N,
                   N == "rc_slots_resize" ? "rc__values_resize" : "rc__values_free");
  A.At2 = C->getRParenLoc();
  A.B = ", sizeof(" + VS->spelling(RD) + "), " + B + "_dec";
  plan(label(A, "value-slots", C->getBeginLoc(), C->getArg(0)->IgnoreParenImpCasts()));
}

// memcpy(a, b, sizeof *a) / memset(a, 0, sizeof *a) of one struct holding
// managed slots (WholeCopy.h): the callee is renamed to its counted
// stand-in, which takes the same arguments.
void FunctionRewriter::wholeStructCall(CallExpr *C) {
  WholeCall W = autorc::wholeStructCall(C, MT);
  if (W.Op == WholeOp::None && VS)
    slotsArrayCall(C);
  if (W.Op == WholeOp::None || !VS)
    return;
  llvm::StringRef N = C->getDirectCallee()->getName();
  std::string H = VS->memHelper(W.RD, W.Op == WholeOp::Copy, N, C->getBeginLoc());
  if (H.empty())
    return;
  Action A = actAt(Act::CallRename, C->getCallee()->IgnoreParenImpCasts()->getBeginLoc(), N, H);
  A.At2 = C->getRParenLoc();
  plan(label(A, W.Op == WholeOp::Copy ? "whole-copy" : "whole-clear", C->getBeginLoc(),
             C->getArg(0)->IgnoreParenImpCasts()));
}

// memcpy/memmove/memset/bzero over an array of managed pointers: the call
// renamed to the helper that stores each element (WholeCopy.h, slotsCall).
void FunctionRewriter::slotsArrayCall(CallExpr *C) {
  SlotsCall S = slotsCall(C, MT);
  if (S.Op == WholeOp::None || S.Kind == SlotKind::Unowned)
    return;
  llvm::StringRef N = C->getDirectCallee()->getName();
  std::string H = VS->slotsHelper(S.Kind == SlotKind::Weak, S.Op == WholeOp::Copy, N);
  Action A = actAt(Act::CallRename, C->getCallee()->IgnoreParenImpCasts()->getBeginLoc(), N, H);
  A.At2 = C->getRParenLoc();
  plan(label(A, S.Op == WholeOp::Copy ? "slots-copy" : "slots-clear", C->getBeginLoc(),
             C->getArg(0)->IgnoreParenImpCasts()));
}

bool FunctionRewriter::isOwnedValueRef(const Expr *Ex) const {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return St.OwnedValues.count(VD) != 0;
  return false;
}

// A struct parameter the function stores into is pinned: retained on entry
// (the caller's copy stays the caller's), released on exit.
std::string FunctionRewriter::pinValueParam(ParmVarDecl *P) {
  std::string B = valueHelpers(P->getType(), P->getLocation());
  if (B.empty())
    return "";
  std::string N = P->getName().str();
  std::string Addr = addrOf(P);
  makeAddressable(P);
  St.OwnedValues.insert(P);
  return " " + B + "_inc(" + Addr + "); void *rc__pin_" + N + " __attribute__((cleanup(" + B +
         "_drop_ind), unused)) = " + Addr + ";";
}

bool FunctionRewriter::handleValueLocal(VarDecl *VD) {
  QualType T = VD->getType();
  uint64_t N = 0;
  const RecordDecl *Arr = MT.valueRecordArray(T, &N);
  const RecordDecl *RD = Arr ? Arr : MT.valueRecord(T);
  if (!RD || !VS)
    return false;
  if (!VD->hasLocalStorage())
    return true; // a static local lives for the program, like a global
  SourceLocation DeclEnd;
  declaratorEndText(VD, DeclEnd);
  std::string Drop = Arr ? VS->arrayDrop(RD, N, VD->getLocation())
                         : VS->helpers(RD, VD->getLocation());
  if (Drop.empty())
    return true;
  if (!Arr)
    Drop += T.isVolatileQualified() ? "_dec_volatile" : T.isConstQualified() ? "_dec_const" : "_dec";
  addCleanup(VD, DeclEnd, Drop, "a struct holding managed pointers");
  if (!Arr)
    St.OwnedValues.insert(VD);
  Expr *Init = VD->getInit();
  if (!Init) {
    plan(actAt(Act::Init, DeclEnd, "a struct holding managed pointers", " = {0}"));
    return true;
  }
  FullExpr F;
  F.Root = Init;
  FullExpr *Saved = beginFull(F);
  if (auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParens())) {
    F.BraceList = true;
    walkInitList(ILE, true);
    St.Cur = Saved;
    return true;
  }
  if (Arr) {
    E.diags().report(Init->getBeginLoc(), diag::StructArrayInit);
    St.Cur = Saved;
    return true;
  }
  Own O = walk(Init, true, false);
  retainIfBorrowed(Init, O);
  endFull(Init, F, Saved);
  return true;
}

// A brace list initialising counted memory (a local, a compound literal in
// a consuming position): every strong managed pointer and struct value in
// it becomes +1. Counted is false under an RC_UNOWNED field.
void FunctionRewriter::walkInitList(InitListExpr *ILE, bool Counted) {
  if (ILE->isSyntacticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  std::vector<const FieldDecl *> Fields;
  if (RD && RD->isUnion())
    Fields.push_back(ILE->getInitializedFieldInUnion());
  else if (RD)
    for (const FieldDecl *F : RD->fields())
      if (!(F->isBitField() && !F->getDeclName()))
        Fields.push_back(F);
  for (unsigned I = 0; I < ILE->getNumInits(); ++I) {
    Expr *Init = ILE->getInit(I);
    if (!Init || isa<ImplicitValueInitExpr>(Init))
      continue;
    bool C = Counted;
    if (RD && I < Fields.size() && Fields[I])
      C = C && MT.slotKindOf(Fields[I]) != SlotKind::Unowned &&
          MT.slotKindOf(Fields[I]) != SlotKind::Weak &&
          !ManagedTypes::hasAnnotation(Fields[I], "autorc_unowned");
    if (auto *Sub = dyn_cast<InitListExpr>(Init->IgnoreParens())) {
      walkInitList(Sub, C);
      continue;
    }
    bool Slot = MT.isManagedPtr(Init->getType()) || MT.copyRecord(Init->getType());
    initElement(Init, [&] {
      if (!C || !Slot) {
        walk(Init, false, false);
        return;
      }
      Own O = walk(Init, true, false);
      if (O == Own::Borrowed && MT.isManagedPtr(Init->getType()) && tryMove(Init))
        O = Own::Owned;
      retainIfBorrowed(Init, O);
    });
  }
}

// An element of a declaration's brace list: `{ f(a->next), g(mk()) }`
// cannot be wrapped in a block holding the declaration's temporaries, so
// each element is wrapped in one of its own, released once the element's
// value is in its slot (a +0 value is retained inside the block, before
// they go). Elsewhere (a compound literal in an expression) the element's
// temporaries are the enclosing full expression's.
void FunctionRewriter::initElement(Expr *Init, const std::function<void()> &Walk) {
  if (!St.Cur || !St.Cur->BraceList) {
    Walk();
    return;
  }
  FullExpr F;
  F.Root = St.Cur->Root; // last uses are judged in the whole declaration
  F.IsReturn = St.Cur->IsReturn;
  FullExpr *Saved = beginFull(F);
  Walk();
  endFull(Init, F, Saved);
}

// (S){...}: in a consuming position its slots are made +1 and the literal
// is the +1 value; otherwise it only lends what its initialisers hold.
FunctionRewriter::Own FunctionRewriter::walkCompoundLiteral(CompoundLiteralExpr *CL,
                                                            bool Consumed) {
  auto *ILE = dyn_cast_or_null<InitListExpr>(CL->getInitializer());
  if (!ILE) {
    walk(CL->getInitializer(), false, false);
    return Own::Borrowed;
  }
  if (!Consumed || Naive) {
    for (Stmt *Child : ILE->children())
      if (auto *CE = dyn_cast_or_null<Expr>(Child))
        walk(CE, false, false);
    return Own::Borrowed;
  }
  walkInitList(ILE, true);
  return Own::Owned;
}

// `a = b` of a struct type: _assign (retain b's slots, store, release a's
// old ones), _assign_owned for a +1 b. The call returns the new value, so
// the store can be used as a value.
FunctionRewriter::Own FunctionRewriter::walkValueStore(BinaryOperator *BO, bool Consumed,
                                                       bool Discarded) {
  Expr *L = BO->getLHS(), *Rhs = BO->getRHS();
  walk(L, false, false);
  std::string B = valueHelpers(L->getType(), BO->getOperatorLoc());
  Own O = walk(Rhs, true, false);
  if (B.empty())
    return Own::Borrowed;
  if (MT.isManagedRecord(MT.copyRecord(L->getType())))
    return objectStore(BO, B + (O == Own::Owned ? "_set_owned" : "_set"), Discarded);
  std::string Fn = B + (O == Own::Owned ? "_assign_owned" : "_assign");
  Action A = act(Act::ValueStore, BO->getSourceRange(), "a store of a struct", Fn,
                 L->getType().isVolatileQualified() ? "(void *)" : "");
  A.At = BO->getOperatorLoc();
  plan(std::move(A));
  return Own::Borrowed;
}

// `*a = v` of a managed struct: Fn(&(*a), v) returns the object's address,
// so a used value is the object read back after the store (C's value of an
// assignment), not the copy v (whose weak fields are not registered).
FunctionRewriter::Own FunctionRewriter::objectStore(BinaryOperator *BO, const std::string &Fn,
                                                    bool Discarded) {
  std::string Prefix = Fn + "(&(", Suffix = ")";
  if (!Discarded) {
    Prefix = "(*" + Prefix;
    Suffix += ")";
  }
  Action A = act(Act::Store, BO->getSourceRange(), "a store of a managed struct", Prefix, Suffix);
  A.At = BO->getOperatorLoc();
  plan(label(A, Fn.size() > 6 && Fn.compare(Fn.size() - 6, 6, "_owned") == 0 ? "set-owned" : "set",
             BO->getOperatorLoc(), BO->getLHS()));
  return Own::Borrowed;
}

// `x.tag = v` (or `p->tag = v`) of the tag of RC_TAGGED union members:
// H(&(x.tag), v) (ValueStructs::tagStore) releases what the old tag made
// live and returns v, the assignment's value.
FunctionRewriter::Own FunctionRewriter::walkTagStore(BinaryOperator *BO, const FieldDecl *Tag) {
  walk(BO->getLHS(), false, false);
  walk(BO->getRHS(), false, false);
  if (!VS)
    return Own::Borrowed;
  std::string H = VS->tagStore(tagHolder(Tag), Tag, BO->getOperatorLoc());
  if (H.empty())
    return Own::Borrowed;
  Action A = act(Act::Store, BO->getSourceRange(), "a store to a union's tag", H + "(&(", ")");
  A.At = BO->getOperatorLoc();
  plan(label(A, "tag-store", BO->getOperatorLoc(), BO->getLHS()));
  return Own::Borrowed;
}

// A store into a member of a union holding RC_TAGGED members (`v->u.s =
// x`, `v->u.n = 2.5`, `v->u.i++`) or into a part of one (`v->u.p[0] = x`,
// `v->u.pt.x = 1`): the whole member is reached through a helper that
// checks the tag first (ValueStructs::unionStoreCheck; `(*H(&(v->u.p)))[0]`),
// so a store under another tag stops there instead of releasing bits that
// were no reference or overwriting one that was.
void FunctionRewriter::checkUnionStore(Expr *LHS) {
  UnionMemberStore S;
  if (VS && unionMemberStore(MT, LHS, S))
    planUnionCheck(S, LHS);
}

// The address of a plain member of such a union, or of a part of one
// (`&v->u.i`, `sscanf(s, "%ld", &v->u.n)`, `fill(v->u.arr)`, `v->u.arr +
// 1`): the stores through it are not seen, so the tag is checked when the
// address is taken. (A tagged member's address is refused:
// TaggedUnionCheck.)
void FunctionRewriter::checkUnionAddress(Expr *Of) {
  UnionMemberStore S;
  if (VS && unionMemberStore(MT, Of, S) && !S.Tagged)
    planUnionCheck(S, Of);
}

void FunctionRewriter::planUnionCheck(const UnionMemberStore &S, Expr *LHS) {
  std::string H = VS->unionStoreCheck(S, LHS->getExprLoc());
  if (H.empty())
    return;
  const Expr *M = S.MemberRef;
  Action A = act(Act::UnionSlot, M->getSourceRange(), "a store to a union member", H);
  plan(label(A, "union-store", M->getExprLoc(), M));
}

} // namespace autorc
