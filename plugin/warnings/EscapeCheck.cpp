// EscapeCheck.cpp — [autorc-escape]: references that leave the counting.
//
// The escape family (docs/diagnostics.md, "Escapes"):
//   [autorc-cast]   error   managed pointer -> void *, integer -> managed (Checks.cpp)
//   [autorc-field]  error   managed pointer field in a non-managed struct
//   [autorc-free]   error   free()/realloc() of a managed pointer
//   [autorc-memcpy] error   memcpy/memset/struct copy over managed slots
//   [autorc-escape] warning (this file) what those leave out:
//     - a managed pointer converted to a pointer type that is neither
//       managed nor void * (char *, unsigned char *, a plain struct's
//       pointer): the result is an uncounted alias that can outlive the
//       object; byte-level access is legitimate, hence a warning;
//     - the address of a strong managed slot (struct node ** from &n->next,
//       &local, an array of managed pointers) converted to any other type
//       (void **, void *, char *, an integer): stores through the result
//       bypass the retain/release the plugin inserts on assignments;
//     - free() of a heap array of managed pointers (or of structs holding
//       them): it releases no element, so references still held there leak
//       (a rehash that moved them to a new array and frees the old one);
//       correct when every element was set to NULL first, hence a warning;
//     - a pointer derived from a +1 result that nothing keeps, kept beyond
//       its statement: `const char *s = rc_str_cstr(rc_str_format(...));`
//       — the string is released when the statement ends (as a C++
//       temporary's c_str()), and s then points into freed memory (pool
//       mode often still reads the old bytes; debug mode the fill pattern).
//       Warned where the derived pointer is stored in a variable or field or
//       returned: the call's result is a non-managed pointer and one of its
//       own arguments is the +1 result.
//     - a pointer into an object returned while the object dies with the
//       function: `return rc_str_cstr(s);` or `return &o->n;` for s or o a
//       local that holds the only reference to a new object (the advice of
//       the warning above, "hold the object in a local first", leads there
//       from `return rc_str_cstr(rc_str_format(...));`): the caller reads
//       freed memory; the warning says to return the object instead;
//     - the same pointer stored where it outlives the function: through a
//       pointer parameter (`*out = rc_str_cstr(s);`, `l->text = m->data;`),
//       into a global or static; or held in a plain struct that is returned
//       or stored there (`struct label l = {rc_str_cstr(s)}; return l;`);
//     - an RC_OBJECT_ARG parameter stored where it outlives the call (a
//       field, an array element, through a pointer, a global): the caller
//       lends the object for the call only, so the stored pointer dangles
//       once the caller releases it (a user's `void *` vector, after the
//       [autorc-cast] note told them to declare the parameter so).
// A slot array stored into a field of a managed struct without a finalizer
// is SlotFieldCheck.cpp's.
// Arguments of the runtime's own API, of memcpy-like functions and of free
// are left to the errors above; RC_NOWARN(escape) on the function silences.
#include "Warnings.h"
#include "../CalleeParams.h"
#include "../Contracts.h"
#include "../Compat.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include <map>
#include <set>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

bool isMemOrFree(llvm::StringRef N) {
  return N == "memcpy" || N == "memmove" || N == "memset" || N == "bzero" || N == "mempcpy" ||
         N == "explicit_bzero" || N == "free" || N == "realloc" || N == "reallocarray" ||
         compat::startsWith(N, "__builtin_");
}

// qsort permutes the elements of an array (a swap moves references, it
// neither copies nor drops one) and bsearch/lfind only read them: an array
// of managed pointers passed to them keeps its counts. (lsearch, which
// appends a copy, is not among them.)
bool isSortOrSearch(llvm::StringRef N) {
  return N == "qsort" || N == "qsort_r" || N == "bsearch" || N == "lfind";
}

class EscapeVisitor : public RecursiveASTVisitor<EscapeVisitor> {
public:
  EscapeVisitor(const ManagedTypes &MT, FindingSink &S) : MT(MT), S(S) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D)) {
      const FunctionDecl *Prev = Fn;
      Fn = FD;
      bool R = RecursiveASTVisitor<EscapeVisitor>::TraverseDecl(D);
      Fn = Prev;
      return R;
    }
    return RecursiveASTVisitor<EscapeVisitor>::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee) {
      for (unsigned I = 0; I < C->getNumArgs(); ++I)
        if (const ParmVarDecl *P = calleeParam(C, I); P && MT.isObjectArg(P))
          Exempt.insert(C->getArg(I)->IgnoreParens());
      return true;
    }
    if (isFreeOfSlots(C, Callee))
      return true;
    bool Runtime = MT.isRuntimeDecl(Callee) || isMemOrFree(Callee->getName()) ||
                   isSortOrSearch(Callee->getName());
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      bool ObjectArg = I < Callee->getNumParams() && MT.isObjectArg(Callee->getParamDecl(I));
      if (Runtime || ObjectArg)
        Exempt.insert(C->getArg(I)->IgnoreParens());
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasInit() && !isa<ParmVarDecl>(VD) && !MT.isManagedPtr(VD->getType()))
      dangling(VD->getInit(), "'" + VD->getName().str() + "'");
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || MT.isManagedPtr(BO->getLHS()->getType()))
      return true;
    const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
    objectArgStored(BO->getRHS(), L);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
      dangling(BO->getRHS(), "'" + DRE->getDecl()->getName().str() + "'");
    else if (const auto *ME = dyn_cast<MemberExpr>(L))
      dangling(BO->getRHS(), "'" + ME->getMemberDecl()->getName().str() + "'");
    if (outlivesFunction(L))
      derivedStored(BO->getRHS(), L);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *RS) {
    if (RS->getRetValue() && Fn && !MT.isManagedPtr(Fn->getReturnType()))
      derivedReturned(RS->getRetValue());
    return true;
  }

  bool VisitCastExpr(CastExpr *CE) {
    if (!Fn || Exempt.count(CE) || CE->getCastKind() == CK_ToVoid ||
        CE->getCastKind() == CK_LValueToRValue || CE->getCastKind() == CK_NoOp)
      return true;
    QualType From = CE->getSubExpr()->getType(), To = CE->getType();
    if (From.isNull() || To.isNull() || CE->getBeginLoc().isInvalid())
      return true;
    if (MT.isUntouchable(CE->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return true;
    diag::ID Id;
    if (MT.isManagedPtr(From)) {
      const auto *PT = To->getAs<PointerType>();
      if (!PT || PT->getPointeeType()->isVoidType() || MT.isManagedPtr(To))
        return true; // void * is an [autorc-cast] error; an integer an address read; managed is fine
      if (To->isBooleanType())
        return true;
      Id = diag::EscapeCast;
    } else if (const auto *PT = From->getAs<PointerType>()) {
      QualType Slot = PT->getPointeeType();
      if (!MT.isManagedPtr(Slot))
        return true;
      if (To->isBooleanType())
        return true;
      if (const auto *TP = To->getAs<PointerType>())
        if (MT.isManagedPtr(TP->getPointeeType()))
          return true; // still a pointer to a managed slot (e.g. adding const)
      Id = diag::EscapeSlotAddress;
    } else {
      return true;
    }
    Finding R;
    R.set(Id, {MT.typeSpelling(From), MT.typeSpelling(To)});
    R.Loc = CE->getExprLoc();
    if (const auto *CS = dyn_cast<CStyleCastExpr>(CE))
      R.Loc = CS->getLParenLoc();
    S.report(R);
    return true;
  }

private:
  // E, a direct call whose result is a non-managed pointer that may point
  // into its arguments' objects: not a call whose `void *` result is an
  // object (RC_RETURNS_BORROWED/OWNED: rc_dict_get(d, key)), which derives
  // nothing from them.
  const CallExpr *derivingCall(const Expr *E) const {
    const auto *C = dyn_cast<CallExpr>(E);
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    if (!F || !C->getType()->isPointerType() || MT.isManagedPtr(C->getType()) ||
        MT.returnsOwned(F) || MT.returnsBorrowed(F))
      return nullptr;
    return C;
  }

  // E (stored into Into, not a counted slot) a non-managed pointer computed
  // by a call from a +1 result that only the statement's temporary holds.
  void dangling(const Expr *E, const std::string &Into) {
    const CallExpr *C = derivingCall(E->IgnoreParenImpCasts());
    if (!Fn || !C || MT.isUntouchable(C->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return;
    for (const Expr *A : C->arguments()) {
      const auto *Made = dyn_cast<CallExpr>(A->IgnoreParenImpCasts());
      const FunctionDecl *F = Made ? Made->getDirectCallee() : nullptr;
      if (!F || !MT.returnsOwned(F))
        continue;
      Finding R;
      R.set(diag::EscapeDerivedFromTemporary,
            {F->getName().str(), C->getDirectCallee()->getName().str(), Into});
      R.Loc = C->getBeginLoc();
      S.report(R);
      return;
    }
  }

  // `return rc_str_cstr(s);`, `return &o->n;`, `return o->buf;`: a pointer
  // into an object that dies as the function returns -- a +1 result only
  // the statement holds, or a local that holds the only reference to one
  // (onlyReference), reported with the advice to return the object. A plain
  // struct returned by value is searched for such a pointer in its fields.
  void derivedReturned(const Expr *E) {
    if (!Fn || MT.isUntouchable(E->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return;
    if (E->getType()->isRecordType()) {
      for (const Held &H : heldIn(E)) {
        Finding R;
        R.set(diag::EscapeDerivedReturnedInStruct, {H.Holder, H.Field, H.What, H.From});
        R.Loc = E->getBeginLoc();
        R.Notes.push_back(findingNote(H.At, diag::EscapeNoteDerivedField, {H.Field}));
        S.report(R);
      }
      return;
    }
    std::string What, From;
    if (!derivedFromDying(E, true, What, From))
      return;
    Finding R;
    R.set(diag::EscapeDerivedReturned, {What, From});
    R.Loc = E->IgnoreParenCasts()->getBeginLoc();
    S.report(R);
  }

  // `*out = rc_str_cstr(s);`, `l->text = m->data;`, `g = &o->n;` (Slot
  // outlives the function): the same pointer as derivedReturned's, from a
  // local only (a +1 result only the statement holds is dangling's), or a
  // plain struct holding one (`*out = l;`).
  void derivedStored(const Expr *V, const Expr *Slot) {
    if (!Fn || MT.isUntouchable(Slot->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return;
    std::string Into = "'" + spelling(Slot) + "'";
    if (V->getType()->isRecordType()) {
      for (const Held &H : heldIn(V)) {
        Finding R;
        R.set(diag::EscapeDerivedStored,
              {H.What + ", in field '" + H.Field + "' of " + H.Holder + ",", Into, H.From});
        R.Loc = Slot->getBeginLoc();
        R.Notes.push_back(findingNote(H.At, diag::EscapeNoteDerivedField, {H.Field}));
        S.report(R);
      }
      return;
    }
    std::string What, From;
    if (!derivedFromDying(V, false, What, From))
      return;
    Finding R;
    R.set(diag::EscapeDerivedStored, {What, Into, From});
    R.Loc = Slot->getBeginLoc();
    S.report(R);
  }

  // E (a non-managed pointer value) points into an object that dies as the
  // function returns: a call deriving a pointer from it (rc_str_cstr(s)),
  // or the address of one of its fields (&o->n, o->buf). What: "the pointer
  // f() derives from 's'"; From: "'s'". A +1 result only the statement
  // holds counts only where Temporaries is set.
  bool derivedFromDying(const Expr *E, bool Temporaries, std::string &What, std::string &From) {
    E = E->IgnoreParenCasts();
    if (isa<CallExpr>(E)) {
      const CallExpr *C = derivingCall(E);
      if (!C)
        return false;
      What = "the pointer " + C->getDirectCallee()->getName().str() + "() derives from ";
      for (const Expr *A : C->arguments())
        if (From.empty())
          From = dyingObject(A, Temporaries);
    } else {
      const auto *UO = dyn_cast<UnaryOperator>(E);
      const auto *ME = dyn_cast<MemberExpr>(UO && UO->getOpcode() == UO_AddrOf
                                                ? UO->getSubExpr()->IgnoreParens()
                                                : E);
      if (!ME || !ME->isArrow() || (!UO && !ME->getType()->isArrayType()))
        return false;
      What = "the address of its field '" + ME->getMemberDecl()->getName().str() + "' in ";
      From = dyingObject(ME->getBase(), Temporaries);
    }
    What += From;
    return !From.empty();
  }

  // A pointer from derivedFromDying held in field Field of a plain struct
  // value (Holder: "'l'" or "the struct"), stored into it at At. (A +1
  // result only the statement holds is dangling's, where it is kept.)
  struct Held {
    std::string Holder, Field, What, From;
    SourceLocation At;
  };

  // The struct value E's fields that hold such a pointer: an initializer
  // list or compound literal, or a local struct variable -- its
  // initializer and the stores `l.f = ...` of the function, the last in
  // source order for each field.
  std::vector<Held> heldIn(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    std::map<std::string, std::pair<const Expr *, std::string>> Values; // path -> value, name
    std::string Holder = "the struct";
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E))
      E = CL->getInitializer();
    if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      fieldValues(IL, "", Values);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V))
        return {};
      Holder = "'" + V->getName().str() + "'";
      if (const auto *IL = dyn_cast_or_null<InitListExpr>(V->getInit()))
        fieldValues(IL, "", Values);
      fieldStores(V, Values);
    }
    std::vector<Held> Out;
    for (const auto &KV : Values) {
      Held H{Holder, KV.second.second, "", "", KV.second.first->getBeginLoc()};
      if (KV.second.first->getType()->isPointerType() &&
          derivedFromDying(KV.second.first, false, H.What, H.From))
        Out.push_back(H);
    }
    return Out;
  }

  // The initializer list's values by field path ("a.b"), nested lists
  // followed (a struct's semantic form has one value per field).
  void fieldValues(const InitListExpr *IL, const std::string &Prefix,
                   std::map<std::string, std::pair<const Expr *, std::string>> &Out) {
    const RecordDecl *RD = IL->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= IL->getNumInits())
        return;
      const Expr *V = IL->getInit(I++);
      std::string Path = Prefix + F->getName().str();
      if (const auto *Sub = dyn_cast<InitListExpr>(V->IgnoreParenImpCasts()))
        fieldValues(Sub, Path + ".", Out);
      else
        Out[Path] = {V, F->getName().str()};
    }
  }

  // The stores `V.f = x` (`V.a.b = x`) in the function, in source order, so
  // the last one for a path is kept.
  void fieldStores(const VarDecl *V,
                   std::map<std::string, std::pair<const Expr *, std::string>> &Out) {
    struct Stores : RecursiveASTVisitor<Stores> {
      const VarDecl *V;
      std::map<std::string, std::pair<const Expr *, std::string>> *Out;
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->getOpcode() != BO_Assign)
          return true;
        const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens());
        std::string Path, Name = ME ? ME->getMemberDecl()->getName().str() : "";
        for (const Expr *E = ME; E;) {
          const auto *M = dyn_cast<MemberExpr>(E->IgnoreParens());
          if (!M) {
            const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParens());
            if (D && D->getDecl() == V)
              (*Out)[Path] = {BO->getRHS(), Name};
            return true;
          }
          if (M->isArrow())
            return true;
          Path = M->getMemberDecl()->getName().str() + (Path.empty() ? "" : "." + Path);
          E = M->getBase();
        }
        return true;
      }
    } St;
    St.V = V;
    St.Out = &Out;
    St.TraverseStmt(const_cast<Stmt *>(Fn->getBody()));
  }

  // Slot (a store's left side) is memory that outlives the function: a
  // global or static, or memory reached through a pointer parameter
  // (`*out`, `l->text`, `out[i]`, `p->a.b`). A local, a parameter's own
  // copy, and memory reached through a local pointer (which may point to a
  // local) are not.
  bool outlivesFunction(const Expr *Slot) const {
    bool Deref = false;
    for (const Expr *E = Slot;;) {
      E = E->IgnoreParens();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
        const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        if (!V)
          return false;
        return V->hasGlobalStorage() || (Deref && isa<ParmVarDecl>(V));
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        Deref |= ME->isArrow();
        E = ME->getBase();
      } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
        if (UO->getOpcode() != UO_Deref)
          return false;
        Deref = true;
        E = UO->getSubExpr();
      } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const auto *Decay = dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens());
        if (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay) {
          E = Decay->getSubExpr();
        } else {
          Deref = true;
          E = ASE->getBase();
        }
      } else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
        if (IC->getCastKind() != CK_LValueToRValue)
          return false;
        E = IC->getSubExpr();
      } else {
        return false;
      }
    }
  }

  // The source text of E ("*out", "l->text"), or a description in a macro.
  std::string spelling(const Expr *E) const {
    const SourceManager &SM = MT.context().getSourceManager();
    SourceRange R = E->getSourceRange();
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
      return "memory outside the function";
    return Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                                MT.context().getLangOpts())
        .str();
  }

  // "the object f() returns" for a +1 call, "'v'" for a local that holds the
  // only reference to one; else empty.
  std::string dyingObject(const Expr *A, bool Temporaries) {
    A = A->IgnoreParenImpCasts();
    if (const auto *Made = dyn_cast<CallExpr>(A))
      if (const FunctionDecl *F = Made->getDirectCallee(); F && MT.returnsOwned(F))
        return Temporaries ? "the object " + F->getName().str() + "() returns" : "";
    const auto *DRE = dyn_cast<DeclRefExpr>(A);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && onlyReference(V) ? "'" + V->getName().str() + "'" : std::string();
  }

  // V is a strong local of this function, initialised with a new object (+1),
  // and every use of V reads or writes the object's fields (`V->f`) or passes
  // V to an RC_READS_ONLY function: nothing else can hold the object, so it
  // dies when V's scope ends.
  bool onlyReference(const VarDecl *V) {
    if (!V->hasLocalStorage() || isa<ParmVarDecl>(V) || !MT.isManagedPtr(V->getType()) ||
        MT.slotKindOf(V) != SlotKind::Strong || !V->getInit())
      return false;
    const Expr *Init = V->getInit()->IgnoreParenImpCasts();
    const auto *C = dyn_cast<CallExpr>(Init);
    if (!MT.isRcNew(V->getInit()) && !(C && MT.returnsOwned(C->getDirectCallee())))
      return false;
    struct Uses : RecursiveASTVisitor<Uses> {
      const VarDecl *V;
      std::set<const Expr *> Reading;
      unsigned All = 0;
      bool isV(const Expr *E) {
        const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
        return D && D->getDecl() == V;
      }
      bool VisitMemberExpr(MemberExpr *ME) {
        if (ME->isArrow() && isV(ME->getBase()))
          Reading.insert(ME->getBase()->IgnoreParenImpCasts());
        return true;
      }
      bool VisitCallExpr(CallExpr *C) {
        if (contracts::readsOnly(C->getDirectCallee()))
          for (const Expr *A : C->arguments())
            if (isV(A))
              Reading.insert(A->IgnoreParenImpCasts());
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        All += D->getDecl() == V;
        return true;
      }
    } U;
    U.V = V;
    U.TraverseStmt(const_cast<Stmt *>(Fn->getBody()));
    return U.All == U.Reading.size();
  }

  // `slot = x` for x an RC_OBJECT_ARG parameter of this function and slot
  // anything but a local variable of it.
  void objectArgStored(const Expr *V, const Expr *Slot) {
    const auto *DRE = dyn_cast<DeclRefExpr>(V->IgnoreParenCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!Fn || !P || !MT.isObjectArg(P) || P->getDeclContext() != Fn)
      return;
    std::string Into;
    if (const auto *L = dyn_cast<DeclRefExpr>(Slot)) {
      const auto *VD = dyn_cast<VarDecl>(L->getDecl());
      if (!VD || VD->hasLocalStorage())
        return; // a local (or a parameter): it lives no longer than the call
      Into = "'" + VD->getName().str() + "'";
    } else if (const auto *ME = dyn_cast<MemberExpr>(Slot)) {
      Into = "'" + ME->getMemberDecl()->getName().str() + "'";
    } else if (isa<ArraySubscriptExpr>(Slot)) {
      Into = "an array element";
    } else {
      Into = "memory outside the function";
    }
    if (MT.isUntouchable(Slot->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return;
    Finding R;
    R.set(diag::EscapeObjectArgStored, {P->getName().str(), Into});
    R.Loc = Slot->getBeginLoc();
    S.report(R);
  }

  // free(p) for p an array of strong slots: warned here, and p is exempt
  // from the cast warnings (one diagnostic per construct).
  bool isFreeOfSlots(const CallExpr *C, const FunctionDecl *Callee) {
    llvm::StringRef N = Callee->getName();
    if ((N != "free" && N != "__builtin_free") || C->getNumArgs() != 1)
      return false;
    const Expr *A = C->getArg(0)->IgnoreParenImpCasts();
    const auto *PT = A->getType()->getAs<PointerType>();
    if (!PT || !Fn || MT.isManagedPtr(A->getType()) || !MT.containsManagedSlots(PT->getPointeeType()))
      return false; // a managed pointer itself is an [autorc-free] error
    Exempt.insert(C->getArg(0)->IgnoreParens());
    if (MT.isUntouchable(C->getBeginLoc()) || suppressedAt(Fn, WarningKind::Escape))
      return true;
    Finding R;
    R.set(diag::EscapeFreeSlots, {N.str(), MT.typeSpelling(PT->getPointeeType())});
    R.Loc = C->getBeginLoc();
    S.report(R);
    return true;
  }

  const ManagedTypes &MT;
  FindingSink &S;
  const FunctionDecl *Fn = nullptr;
  std::set<const Expr *> Exempt;
};

} // namespace

void runEscapeCheck(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  EscapeVisitor(MT, S).TraverseDecl(Ctx.getTranslationUnitDecl());
  runSlotFieldCheck(Ctx, MT, S);
}

void runWarningCheck(WarningKind K, ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  switch (K) {
  case WarningKind::Cycle:
    return runCycleCheck(Ctx, MT, S);
  case WarningKind::Global:
    return runGlobalCheck(Ctx, MT, S);
  case WarningKind::Escape:
    return runEscapeCheck(Ctx, MT, S);
  }
}

} // namespace warnings
} // namespace autorc
