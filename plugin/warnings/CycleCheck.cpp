// CycleCheck.cpp — [autorc-cycle]: likely reference cycles.
//
// Type level: TypeCycles.h (one warning per strongly connected component
// of the type graph, the back link chosen from evidence).
//
// Instance level. In one function body, in source order, the stores
// `x->f = y` (f strong; x reached from a local or parameter through strong
// fields) and rc_list_append/insert/set(list, y) give edges between the
// objects that locals name; `v = w` makes v name w's object and any other
// assignment a new object (the old one keeps its links), overwriting a slot
// replaces the slot's edge, and
// rc_list_clear drops the list's edges. `v = w->f` through strong fields
// makes v name an object w's object reaches (an edge too, read, not
// stored: a ring closed after a walk, `t = t->next; t->next = head`).
// A store that adds an edge y ->* x to
// a graph where x ->* y already holds closes a cycle: warned there, with a
// note at each other store — unless the function later overwrites or clears
// one of the cycle's links (it breaks the cycle itself). Flow-insensitive
// inside the body (branches are taken as all executed); a cycle whose
// fields were already warned at type level is not warned again.
// The link to suggest follows the type level's rules: each store's field
// is judged (a container or array cannot be weak; a field that holds the
// only reference to a fresh object is owning; the link from a created
// object to its creator, or a back-link name, is a back link); the warning
// suggests the field, with a fix-it, only when one field has the strongest
// evidence, and otherwise says why none was chosen.
#include "Warnings.h"
#include "CycleEvidence.h"
#include "CycleNames.h"
#include "TypeCycles.h"
#include "llvm/Support/Path.h"
#include "../Compat.h"
#include "../Contracts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
#include <deque>
#include <map>
#include <set>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

// -------------------------------------------------------- instance level --

struct ObjEdge {
  const VarDecl *From, *To; // the locals named in the store
  unsigned FromObj, ToObj;  // the objects they named then
  std::string Slot;        // field path, e.g. "next", "kids[list]#3"
  const Expr *Store;       // the store, for the diagnostic
  const FieldDecl *Field;  // last field of the slot (null for a local list)
  std::string Via;         // the runtime call that stored it ("" for '=')
  unsigned Id = 0;
  bool Reach = false;      // read, not stored: `To = From->Slot` (To names that object)
};

const Expr *strip(const Expr *E) { return CycleEvidence::stripCasts(E); }

const VarDecl *localVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(E)))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDeclOrParm() && !VD->isStaticLocal())
        return VD;
  return nullptr;
}

class InstanceCycles : public RecursiveASTVisitor<InstanceCycles> {
public:
  InstanceCycles(const ManagedTypes &MT, CycleEvidence &Ev, FindingSink &S,
                 const std::set<const FieldDecl *> &TypeReported)
      : MT(MT), Ev(Ev), S(S), TypeReported(TypeReported) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D)) {
      if (!FD->doesThisDeclarationHaveABody())
        return true;
      std::vector<ObjEdge> Saved;
      Saved.swap(Edges);
      std::vector<std::pair<Finding, std::vector<unsigned>>> SavedPending;
      SavedPending.swap(Pending);
      const FunctionDecl *Prev = Fn;
      Fn = FD;
      bool R = RecursiveASTVisitor<InstanceCycles>::TraverseDecl(D);
      // A cycle one of whose links the function later overwrites (say,
      // with NULL) is broken by the function itself: not reported.
      for (const auto &P : Pending)
        if (std::none_of(P.second.begin(), P.second.end(),
                         [&](unsigned Id) { return Broken.count(Id) != 0; }))
          S.report(P.first);
      Fn = Prev;
      Edges.swap(Saved);
      Pending.swap(SavedPending);
      return R;
    }
    return RecursiveASTVisitor<InstanceCycles>::TraverseDecl(D);
  }

  // Post-order: `a->next = b` is handled once its operands were visited.
  bool shouldTraversePostOrder() const { return true; }

  bool VisitVarDecl(VarDecl *VD) {
    if (Fn && VD->isLocalVarDeclOrParm())
      nameRead(VD, VD->getInit());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!Fn || BO->getOpcode() != BO_Assign)
      return true;
    const Expr *L = BO->getLHS()->IgnoreParens();
    if (const VarDecl *V = localVar(L)) {
      nameRead(V, BO->getRHS());
      return true;
    }
    if (!MT.isManagedPtr(L->getType()) || MT.slotKindOf(L) != SlotKind::Strong)
      return true;
    const FieldDecl *Field = nullptr;
    std::string Slot;
    const VarDecl *Root = root(L, Slot, Field);
    if (!Root)
      return true;
    dropSlot(objOf(Root), Slot);
    if (const VarDecl *To = localVar(BO->getRHS()))
      add({Root, To, objOf(Root), objOf(To), Slot, BO, Field, ""});
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Fn || !Callee)
      return true;
    unsigned Cleared;
    if (contracts::clears(Callee, Cleared) && Cleared < C->getNumArgs()) {
      const FieldDecl *Field = nullptr;
      std::string Slot;
      if (const VarDecl *Root = root(C->getArg(Cleared), Slot, Field))
        dropSlot(objOf(Root), Slot + "[list]");
      return true;
    }
    for (const contracts::Store &S : contracts::stores(Callee)) {
      if (std::max(S.Container, S.Value) >= C->getNumArgs())
        continue;
      const FieldDecl *Field = nullptr;
      std::string Slot;
      const VarDecl *Root = root(C->getArg(S.Container), Slot, Field);
      const VarDecl *To = localVar(C->getArg(S.Value));
      if (Root && To)
        add({Root, To, objOf(Root), objOf(To), Slot + "[list]#" + std::to_string(++Counter), C,
             Field, Callee->getName().str()});
    }
    return true;
  }

private:
  // The local whose object holds the slot E (through strong fields only).
  const VarDecl *root(const Expr *E, std::string &Slot, const FieldDecl *&Field) {
    E = E->IgnoreParenImpCasts();
    std::vector<std::string> Parts;
    bool First = true;
    for (;;) {
      E = E->IgnoreParenImpCasts();
      if (const VarDecl *V = localVar(E)) {
        if (!MT.isManagedPtr(V->getType()))
          return nullptr;
        std::reverse(Parts.begin(), Parts.end());
        for (const std::string &P : Parts)
          Slot += (Slot.empty() ? "" : ".") + P;
        return V;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        if (!FD || !ME->isArrow())
          return nullptr;
        if (First)
          Field = FD;
        else if (MT.slotKindOf(FD) != SlotKind::Strong)
          return nullptr;
        Parts.push_back(FD->getName().str());
        E = ME->getBase();
        First = false;
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
        if (!isa<MemberExpr>(Base))
          return nullptr;
        Expr::EvalResult R;
        std::string Idx = "[?]";
        if (ASE->getIdx()->EvaluateAsInt(R, MT.context()))
          Idx = "[" + std::to_string(R.Val.getInt().getExtValue()) + "]";
        Parts.push_back(Idx);
        E = Base;
        continue;
      }
      return nullptr;
    }
  }

  // Objects: each local names one object at a time. `v = w` makes v name
  // w's object; any other value (a call, a field, NULL) a new one. Links of
  // the object v named before stay: it still exists, only unnamed.
  unsigned objOf(const VarDecl *V) {
    auto It = Obj.find(V);
    if (It != Obj.end())
      return It->second;
    return Obj[V] = ++NextObj;
  }
  void name(const VarDecl *V, const Expr *Value) {
    const VarDecl *W = Value ? localVar(Value) : nullptr;
    if (W && W != V)
      Obj[V] = objOf(W);
    else if (!W)
      Obj[V] = ++NextObj;
  }
  // `v = w->f` (`w->a->b`) through strong fields: v names a new object that
  // w's object reaches through them, a path (a Reach edge) a store into v's
  // object can close into a cycle: `t = t->next; ... t->next = head;`
  // closes a ring, `b = a->next; b->next = a;` a pair.
  void nameRead(const VarDecl *V, const Expr *Value) {
    const FieldDecl *Field = nullptr;
    std::string Slot;
    const VarDecl *From = Value && MT.isManagedPtr(V->getType()) && MT.isManagedPtr(Value->getType())
                              ? root(Value, Slot, Field)
                              : nullptr;
    if (!From || !Field || Slot.find('[') != std::string::npos ||
        MT.slotKindOf(Field) != SlotKind::Strong) {
      name(V, Value);
      return;
    }
    unsigned FromObj = objOf(From);
    name(V, Value);
    ObjEdge E{From, V, FromObj, objOf(V), Slot, Value, Field, ""};
    E.Reach = true;
    add(E);
  }

  void dropSlot(unsigned V, const std::string &Slot) {
    Edges.erase(std::remove_if(Edges.begin(), Edges.end(),
                               [&](const ObjEdge &E) {
                                 bool Hit = E.FromObj == V &&
                                            (E.Slot == Slot ||
                                             compat::startsWith(E.Slot, Slot + "#") ||
                                             compat::startsWith(E.Slot, Slot + "."));
                                 if (Hit)
                                   Broken.insert(E.Id);
                                 return Hit;
                               }),
                Edges.end());
  }

  void add(ObjEdge E) {
    // Bound the work in huge generated functions: keep the latest links.
    if (Edges.size() >= 256)
      Edges.erase(Edges.begin());
    E.Id = ++Counter;
    if (E.Reach) { // a new object for E.To: it closes nothing
      Edges.push_back(E);
      return;
    }
    std::vector<size_t> Path;
    bool Closes = E.FromObj == E.ToObj || path(E.ToObj, E.FromObj, Path);
    Edges.push_back(E);
    if (!Closes)
      return;
    if (E.Field && TypeReported.count(E.Field))
      return;
    for (size_t J : Path)
      if (Edges[J].Field && TypeReported.count(Edges[J].Field))
        return;
    if (suppressedAt(Fn, WarningKind::Cycle) || suppressedAt(E.From, WarningKind::Cycle) ||
        suppressedAt(E.To, WarningKind::Cycle))
      return;
    for (size_t J : Path)
      if (suppressedAt(Edges[J].From, WarningKind::Cycle))
        return;
    Finding R;
    R.Loc = E.Store->getExprLoc();
    if (const auto *BO = dyn_cast<BinaryOperator>(E.Store))
      R.Loc = BO->getLHS()->getBeginLoc();
    else
      R.Loc = E.Store->getBeginLoc();
    std::string Cycle = "'" + E.From->getName().str() + "' -> '" + E.To->getName().str() + "'";
    for (size_t J : Path)
      Cycle += " -> '" + Edges[J].To->getName().str() + "'";
    std::vector<const ObjEdge *> Links{&Edges.back()};
    for (size_t J : Path)
      Links.push_back(&Edges[J]);
    if (E.FromObj == E.ToObj && E.From == E.To)
      R.set(diag::CycleStoreSelf, {E.From->getName().str()});
    else if (E.FromObj == E.ToObj)
      R.set(diag::CycleStoreSelfAlias, {E.From->getName().str(), E.To->getName().str()});
    std::vector<Judgement> Js;
    for (const ObjEdge *L : Links)
      Js.push_back(judge(*L));
    int Chosen = chooseLink(Links, Js);
    if (E.FromObj != E.ToObj) {
      if (Chosen >= 0) {
        const FieldDecl *F = Links[size_t(Chosen)]->Field;
        R.set(diag::CycleStoreFix, {Cycle, F->getName().str(), Js[size_t(Chosen)].Why});
        SourceLocation B = F->getBeginLoc();
        if (B.isValid() && B.isFileID() && !MT.isUntouchable(B) && !sharesDeclaration(F))
          R.FixIts.push_back({B, "RC_WEAK "});
      } else {
        R.set(diag::CycleStoreNoFix, {Cycle, Js[0].Why});
      }
    }
    std::vector<unsigned> Ids{E.Id};
    for (size_t K = 0; K < Path.size(); ++K) {
      const ObjEdge &L = Edges[Path[K]];
      R.Notes.push_back(linkNote(L, E.FromObj != E.ToObj && Chosen < 0 ? Js[K + 1].Why : ""));
      Ids.push_back(L.Id);
    }
    Pending.push_back({R, Ids});
  }

  // "'a' refers to 'b' here", with the call that stored it and why the
  // link was not suggested.
  static FindingNote linkNote(const ObjEdge &L, const std::string &Why) {
    std::string A = L.From->getName().str(), B = L.To->getName().str();
    SourceLocation At = L.Store->getBeginLoc();
    if (L.Reach) {
      std::string Read = A;
      for (llvm::StringRef Rest = L.Slot; !Rest.empty();) {
        auto [Part, Tail] = Rest.split('.');
        Read += "->" + Part.str();
        Rest = Tail;
      }
      std::string Last = L.Field->getName().str();
      return Why.empty() ? findingNote(At, diag::CycleNoteReaches, {B, Read, Last})
                         : findingNote(At, diag::CycleNoteReachesWhy, {B, Read, Last, Why});
    }
    if (L.Via.empty())
      return Why.empty() ? findingNote(At, diag::CycleNoteRefers, {A, B})
                         : findingNote(At, diag::CycleNoteRefersWhy, {A, B, Why});
    return Why.empty() ? findingNote(At, diag::CycleNoteStores, {A, B, L.Via})
                       : findingNote(At, diag::CycleNoteStoresWhy, {A, B, L.Via, Why});
  }

  Judgement judge(const ObjEdge &L) {
    const RecordDecl *To = MT.managedPointee(L.To->getType());
    if (!L.Field)
      return Ev.judge(nullptr, L.From->getName(), nullptr, To, true, false);
    bool Container = L.Slot.find("[list]") != std::string::npos;
    bool Array = MT.context().getAsArrayType(L.Field->getType()) != nullptr;
    return Ev.judge(L.Field, L.Field->getName(), L.Field->getParent(), To, Container, Array);
  }

  // The link to suggest: the one field with the strongest evidence, or -1.
  static int chooseLink(const std::vector<const ObjEdge *> &Links, const std::vector<Judgement> &Js) {
    int Max = 0;
    for (const Judgement &J : Js)
      Max = std::max(Max, J.Strength);
    int Best = -1;
    for (size_t K = 0; Max > 0 && K < Links.size(); ++K) {
      if (Js[K].Strength != Max)
        continue;
      if (Best >= 0 && Links[K]->Field != Links[size_t(Best)]->Field)
        return -1; // two fields with equal evidence: not singled out
      if (Best < 0)
        Best = int(K);
    }
    return Best;
  }

  static bool sharesDeclaration(const FieldDecl *F) {
    for (const FieldDecl *G : F->getParent()->fields())
      if (G != F && G->getBeginLoc() == F->getBeginLoc())
        return true;
    return false;
  }

  // Edges path From ->* To between objects (indices into Edges).
  bool path(unsigned From, unsigned To, std::vector<size_t> &Out) {
    std::map<unsigned, size_t> Via;
    std::deque<unsigned> Q{From};
    std::set<unsigned> Visited{From};
    while (!Q.empty()) {
      unsigned N = Q.front();
      Q.pop_front();
      if (N == To) {
        for (unsigned X = To; X != From;) {
          size_t J = Via[X];
          Out.push_back(J);
          X = Edges[J].FromObj;
        }
        std::reverse(Out.begin(), Out.end());
        return true;
      }
      for (size_t J = 0; J < Edges.size(); ++J)
        if (Edges[J].FromObj == N && !Visited.count(Edges[J].ToObj)) {
          Visited.insert(Edges[J].ToObj);
          Via[Edges[J].ToObj] = J;
          Q.push_back(Edges[J].ToObj);
        }
    }
    return false;
  }

  const ManagedTypes &MT;
  CycleEvidence &Ev;
  FindingSink &S;
  const std::set<const FieldDecl *> &TypeReported;
  const FunctionDecl *Fn = nullptr;
  std::vector<ObjEdge> Edges;
  std::vector<std::pair<Finding, std::vector<unsigned>>> Pending;
  std::set<unsigned> Broken;
  std::map<const VarDecl *, unsigned> Obj;
  unsigned NextObj = 0;
  unsigned Counter = 0;
};

} // namespace

void runCycleCheck(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S) {
  std::set<const FieldDecl *> Reported;
  CycleEvidence Ev(Ctx, MT);
  runTypeCycles(Ctx, MT, Ev, S, Reported);
  InstanceCycles(MT, Ev, S, Reported).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace warnings
} // namespace autorc
