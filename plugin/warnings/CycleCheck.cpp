// CycleCheck.cpp — [autorc-cycle]: likely reference cycles.
//
// Type level. The graph: one node per RC_MANAGED struct defined in user
// code, one edge A -> B per strong field of A (a pointer or a fixed array
// of pointers to B). RC_WEAK and RC_UNOWNED fields are no edges; an
// RC_ACYCLIC type has no edges in or out; RC_NOWARN(cycle) on a field or a
// struct removes its edges. A warning is given for
//   - an edge on a cycle through two or more types (a -> b -> a), and
//   - a self edge A -> A with a back-link name (prev, parent, owner, up,
//     back, ...) when A has another way down to A: a second strong self
//     field (next/prev, children/parent) or a strong rc_list field named
//     for its elements (children, kids, nodes, or A's own name in the
//     plural). A type with only forward self links — a list, a tree — is
//     not reported: that is the ordinary shape of data, and too noisy;
//   - an edge A -> B where B keeps a strong rc_list that may hold A: the
//     edge has a back-link name, or the list is named for A (struct
//     observer's subject, whose `observers` list holds observers).
//   rc_list contents are otherwise unknown, so other cycles through lists
//   are missed (see the corpus in tests/corpus/).
// The warned edge is the back link: a back-link name first, else a
// non-array field, else the edge from the later-declared type to the earlier
// one. It comes with a fix-it inserting `RC_WEAK ` before the field and a
// note at each other field of the cycle. The edge is then taken as fixed
// and the search repeats, so each independent cycle gets one warning.
//
// Instance level. In one function body, in source order, the stores
// `x->f = y` (f strong; x reached from a local or parameter through strong
// fields) and rc_list_append/insert/set(list, y) give edges between the
// objects that locals name; `v = w` makes v name w's object and any other
// assignment a new object (the old one keeps its links), overwriting a slot
// replaces the slot's edge, and
// rc_list_clear drops the list's edges. A store that adds an edge y ->* x to
// a graph where x ->* y already holds closes a cycle: warned there, with a
// note at each other store — unless the function later overwrites or clears
// one of the cycle's links (it breaks the cycle itself). Flow-insensitive inside the body (branches are
// taken as all executed); a cycle whose fields were already warned at type
// level is not warned again.
#include "Warnings.h"
#include "../Compat.h"
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

// ---------------------------------------------------------------- names --

// Split "prev_sibling" / "parentNode" into lower-case words.
std::vector<std::string> words(llvm::StringRef N) {
  std::vector<std::string> W;
  std::string Cur;
  for (size_t I = 0; I < N.size(); ++I) {
    char C = N[I];
    bool Upper = C >= 'A' && C <= 'Z';
    if (C == '_' || (C >= '0' && C <= '9') || (Upper && !Cur.empty())) {
      if (!Cur.empty())
        W.push_back(Cur);
      Cur.clear();
      if (C == '_' || (C >= '0' && C <= '9'))
        continue;
    }
    Cur += Upper ? char(C - 'A' + 'a') : C;
  }
  if (!Cur.empty())
    W.push_back(Cur);
  return W;
}

bool isBackLinkName(llvm::StringRef N) {
  static const char *const Back[] = {"prev",   "previous", "pred",  "parent",  "owner",
                                     "up",     "back",     "outer", "container", "enclosing",
                                     "super",  "creator",  "holder", "manager", "backlink",
                                     "backref", "uplink",  "ancestor", "master", "boss"};
  for (const std::string &W : words(N))
    for (const char *B : Back)
      if (W == B)
        return true;
  return false;
}

// Does a list field's name say it holds objects of type RD? "children",
// "kids", "nodes" for any type; "observers" for struct observer, "edges"
// for struct gedge (the name, singular, is part of the type's name).
bool listMayHold(llvm::StringRef Field, const RecordDecl *RD) {
  static const char *const Kids[] = {"child", "children", "kid", "kids", "node", "nodes",
                                     "subnodes", "subtrees", "descendants", "elements"};
  std::string TypeName = RD->getName().lower();
  if (TypeName.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      TypeName = TD->getName().lower();
  for (const std::string &W : words(Field)) {
    for (const char *K : Kids)
      if (W == K)
        return true;
    std::string One = W;
    if (One.size() > 4 && compat::endsWith(One, "ies"))
      One = One.substr(0, One.size() - 3) + "y";
    else if (One.size() > 3 && One.back() == 's')
      One.pop_back();
    if (One.size() >= 3 && TypeName.find(One) != std::string::npos)
      return true;
  }
  return false;
}

bool isRuntimeList(const RecordDecl *RD) { return RD && RD->getName() == "rc_list"; }

// ------------------------------------------------------------ type level --

struct TypeEdge {
  const RecordDecl *From, *To; // To is null for an rc_list field
  const FieldDecl *Field;
  bool Active = true;
};

class TypeCollector : public RecursiveASTVisitor<TypeCollector> {
public:
  explicit TypeCollector(const ManagedTypes &MT) : MT(MT) {}
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    return RecursiveASTVisitor<TypeCollector>::TraverseDecl(D);
  }
  bool VisitRecordDecl(RecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && MT.isManagedRecord(RD) &&
        Seen.insert(RD->getCanonicalDecl()).second)
      Types.push_back(RD);
    return true;
  }
  std::vector<const RecordDecl *> Types;

private:
  const ManagedTypes &MT;
  std::set<const Decl *> Seen;
};

const RecordDecl *canon(const RecordDecl *RD) {
  return RD ? cast<RecordDecl>(RD->getCanonicalDecl()) : nullptr;
}

std::string fieldText(const ManagedTypes &MT, const TypeEdge &E) {
  return "'" + E.Field->getName().str() + "' (" + MT.recordSpelling(E.From) + " -> " +
         (E.To ? MT.recordSpelling(E.To) : std::string("rc_list")) + ")";
}

class TypeCycles {
public:
  TypeCycles(ASTContext &Ctx, const ManagedTypes &MT, FindingSink &S,
             std::set<const FieldDecl *> &Reported)
      : Ctx(Ctx), MT(MT), S(S), Reported(Reported) {}

  void run() {
    TypeCollector C(MT);
    C.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (const RecordDecl *RD : C.Types) {
      Order[canon(RD)] = Order.size();
      if (ManagedTypes::hasAnnotation(RD, "autorc_acyclic") || suppressedAt(RD, WarningKind::Cycle))
        continue;
      for (const FieldDecl *F : RD->fields()) {
        if (MT.slotKindOf(F) != SlotKind::Strong || suppressedAt(F, WarningKind::Cycle))
          continue;
        QualType T = F->getType();
        while (const auto *AT = Ctx.getAsArrayType(T))
          T = AT->getElementType();
        const RecordDecl *To = MT.managedPointee(T);
        if (!To)
          continue;
        if (isRuntimeList(To)) {
          Edges.push_back({canon(RD), nullptr, F});
          continue;
        }
        if (!To->getDefinition() || ManagedTypes::hasAnnotation(To, "autorc_acyclic") ||
            MT.isRuntimeDecl(To))
          continue;
        Edges.push_back({canon(RD), canon(To), F});
      }
    }
    for (;;) {
      Out.clear();
      for (size_t J = 0; J < Edges.size(); ++J)
        if (Edges[J].Active)
          Out[Edges[J].From].push_back(J);
      computeComponents();
      int Best = -1;
      std::vector<size_t> BestPath;
      long BestScore = -1;
      for (size_t I = 0; I < Edges.size(); ++I) {
        const TypeEdge &E = Edges[I];
        if (!E.Active || !E.To)
          continue;
        // Cheap test first: same strongly connected component.
        if (E.From != E.To && Comp[E.From] != Comp[E.To] && !mayCloseThroughList(E))
          continue;
        if (E.From == E.To) {
          std::vector<size_t> Unused;
          if (!closes(I, Unused))
            continue;
        }
        long Score = 0;
        if (isBackLinkName(E.Field->getName()))
          Score += 4;
        if (!Ctx.getAsArrayType(E.Field->getType()))
          Score += 2;
        if (E.From != E.To && Order[E.To] < Order[E.From])
          Score += 1;
        if (Score > BestScore) {
          Best = int(I);
          BestScore = Score;
        }
      }
      if (Best < 0)
        break;
      if (!closes(size_t(Best), BestPath)) { // cannot happen: same component
        Edges[size_t(Best)].Active = false;
        continue;
      }
      report(size_t(Best), BestPath);
      Edges[size_t(Best)].Active = false;
    }
  }

private:
  // Strongly connected components of the active edges between distinct
  // types (Tarjan's algorithm, iterative).
  void computeComponents() {
    Comp.clear();
    std::map<const RecordDecl *, unsigned> Index, Low;
    std::set<const RecordDecl *> OnStack;
    std::vector<const RecordDecl *> Stack;
    unsigned Next = 0, NComp = 0;
    std::vector<const RecordDecl *> Nodes;
    for (const TypeEdge &E : Edges) {
      Nodes.push_back(E.From);
      if (E.To)
        Nodes.push_back(E.To);
    }
    for (const RecordDecl *Root : Nodes) {
      if (Index.count(Root))
        continue;
      // Frames: node and the position in its out-edge list.
      std::vector<std::pair<const RecordDecl *, size_t>> Work{{Root, 0}};
      Index[Root] = Low[Root] = Next++;
      Stack.push_back(Root);
      OnStack.insert(Root);
      while (!Work.empty()) {
        const RecordDecl *N = Work.back().first;
        size_t &Pos = Work.back().second;
        const std::vector<size_t> &Outs = Out[N];
        if (Pos < Outs.size()) {
          const TypeEdge &E = Edges[Outs[Pos++]];
          if (!E.To || E.To == N)
            continue;
          if (!Index.count(E.To)) {
            Index[E.To] = Low[E.To] = Next++;
            Stack.push_back(E.To);
            OnStack.insert(E.To);
            Work.push_back({E.To, 0});
          } else if (OnStack.count(E.To)) {
            Low[N] = std::min(Low[N], Index[E.To]);
          }
          continue;
        }
        if (Low[N] == Index[N]) {
          for (;;) {
            const RecordDecl *X = Stack.back();
            Stack.pop_back();
            OnStack.erase(X);
            Comp[X] = NComp;
            if (X == N)
              break;
          }
          ++NComp;
        }
        Work.pop_back();
        if (!Work.empty())
          Low[Work.back().first] = std::min(Low[Work.back().first], Low[N]);
      }
    }
  }

  bool mayCloseThroughList(const TypeEdge &E) {
    for (size_t J : Out[E.To])
      if (!Edges[J].To && (isBackLinkName(E.Field->getName()) ||
                           listMayHold(Edges[J].Field->getName(), E.From)))
        return true;
    return false;
  }

  // Does edge I lie on a reportable cycle? Path: the other edges.
  bool closes(size_t I, std::vector<size_t> &Path) {
    const TypeEdge &E = Edges[I];
    if (E.From == E.To) {
      if (!isBackLinkName(E.Field->getName()))
        return false;
      for (size_t J = 0; J < Edges.size(); ++J)
        if (J != I && Edges[J].Active && Edges[J].From == E.From &&
            (Edges[J].To == E.From ||
             (!Edges[J].To && listMayHold(Edges[J].Field->getName(), E.From))) &&
            !isBackLinkName(Edges[J].Field->getName())) {
          Path.push_back(J);
          return true;
        }
      return false;
    }
    // Shortest path To ->* From over active edges between distinct types.
    std::map<const RecordDecl *, size_t> Via;
    std::deque<const RecordDecl *> Q{E.To};
    std::set<const RecordDecl *> Visited{E.To};
    while (!Q.empty()) {
      const RecordDecl *N = Q.front();
      Q.pop_front();
      if (N == E.From) {
        for (const RecordDecl *X = E.From; X != E.To;) {
          size_t J = Via[X];
          Path.push_back(J);
          X = Edges[J].From;
        }
        std::reverse(Path.begin(), Path.end());
        return true;
      }
      for (size_t J : Out[N]) {
        const TypeEdge &F = Edges[J];
        if (!F.To || F.To == F.From || Visited.count(F.To))
          continue;
        Visited.insert(F.To);
        Via[F.To] = J;
        Q.push_back(F.To);
      }
    }
    // A link to a type that keeps a list which may hold the linking type:
    // a back-link name, or a list named for it (observers, children).
    for (size_t J = 0; J < Edges.size(); ++J)
      if (Edges[J].Active && Edges[J].From == E.To && !Edges[J].To &&
          (isBackLinkName(E.Field->getName()) ||
           listMayHold(Edges[J].Field->getName(), E.From))) {
          Path.push_back(J);
          return true;
        }
    return false;
  }

  void report(size_t I, const std::vector<size_t> &Path) {
    const TypeEdge &E = Edges[I];
    const FieldDecl *F = E.Field;
    Finding R;
    R.Kind = WarningKind::Cycle;
    R.Loc = F->getLocation();
    std::string Cycle = MT.recordSpelling(E.From) + " -> " + MT.recordSpelling(E.To);
    for (size_t K = 0; K < Path.size(); ++K) {
      const TypeEdge &P = Edges[Path[K]];
      if (Path.size() > 8 && K >= 3 && K + 3 < Path.size()) {
        if (K == 3)
          Cycle += " -> ... (" + std::to_string(Path.size() - 6) + " more)";
        continue;
      }
      Cycle += " -> " + (P.To ? MT.recordSpelling(P.To) : std::string("rc_list"));
    }
    if (!Path.empty() && !Edges[Path.back()].To)
      Cycle = E.From == E.To ? MT.recordSpelling(E.From) + " -> rc_list -> " +
                                   MT.recordSpelling(E.From)
                             : Cycle + " -> " + MT.recordSpelling(E.From);
    bool Array = Ctx.getAsArrayType(F->getType()) != nullptr;
    bool Shared = false;
    for (const FieldDecl *G : F->getParent()->fields())
      if (G != F && G->getBeginLoc() == F->getBeginLoc())
        Shared = true;
    if (E.From == E.To && !Path.empty() && Edges[Path[0]].To)
      R.Message = "strong fields '" + Edges[Path[0]].Field->getName().str() + "' and '" +
                  F->getName().str() + "' link " + MT.recordSpelling(E.From) +
                  " objects both ways, a reference cycle";
    else
      R.Message = "strong field '" + F->getName().str() + "' closes a reference cycle (" +
                  Cycle + ")";
    R.Message += " that only the cycle collector frees; make the back link '" +
                 F->getName().str() + "' RC_WEAK";
    if (Array)
      R.Message += " (RC_WEAK arrays are not supported: make the other direction weak)";
    else if (Shared)
      R.Message += " (declare it on its own line to mark it)";
    SourceLocation B = F->getBeginLoc();
    if (!Array && !Shared && B.isValid() && B.isFileID())
      R.FixIts.push_back({B, "RC_WEAK "});
    const size_t MaxNotes = 6;
    for (size_t K = 0; K < Path.size(); ++K) {
      const TypeEdge &P = Edges[Path[K]];
      if (K == MaxNotes && Path.size() > MaxNotes + 1) {
        R.Notes.push_back({P.Field->getLocation(),
                           "the cycle goes on through " + std::to_string(Path.size() - K) +
                               " more strong fields, starting with " + fieldText(MT, P)});
        break;
      }
      R.Notes.push_back({P.Field->getLocation(),
                         P.To ? "the cycle goes on through strong field " + fieldText(MT, P)
                              : "and strong field " + fieldText(MT, P) +
                                    ", which may hold " + MT.recordSpelling(E.From) + " objects"});
    }
    Reported.insert(F);
    S.report(R);
  }

  ASTContext &Ctx;
  const ManagedTypes &MT;
  FindingSink &S;
  std::set<const FieldDecl *> &Reported;
  std::vector<TypeEdge> Edges;
  std::map<const RecordDecl *, std::vector<size_t>> Out; // active edges by source
  std::map<const RecordDecl *, unsigned> Comp;             // component of each type
  std::map<const RecordDecl *, size_t> Order;
};

// -------------------------------------------------------- instance level --

struct ObjEdge {
  const VarDecl *From, *To; // the locals named in the store
  unsigned FromObj, ToObj;  // the objects they named then
  std::string Slot;        // field path, e.g. "next", "kids[list]#3"
  const Expr *Store;       // the store, for the diagnostic
  const FieldDecl *Field;  // last field of the slot (null for a local list)
  std::string Text;        // "'a' refers to 'b'"
  unsigned Id = 0;
};

const Expr *strip(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CStyleCastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    return E;
  }
}

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
  InstanceCycles(const ManagedTypes &MT, FindingSink &S,
                 const std::set<const FieldDecl *> &TypeReported)
      : MT(MT), S(S), TypeReported(TypeReported) {}

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
      name(VD, VD->getInit());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!Fn || BO->getOpcode() != BO_Assign)
      return true;
    const Expr *L = BO->getLHS()->IgnoreParens();
    if (const VarDecl *V = localVar(L)) {
      name(V, BO->getRHS());
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
      add({Root, To, objOf(Root), objOf(To), Slot, BO, Field,
           "'" + Root->getName().str() + "' refers to '" + To->getName().str() + "' here"});
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Fn || !Callee || !MT.isRuntimeDecl(Callee) || C->getNumArgs() == 0)
      return true;
    llvm::StringRef N = Callee->getName();
    unsigned ObjArg = N == "rc_list_append" ? 1 : (N == "rc_list_insert" || N == "rc_list_set") ? 2 : 0;
    bool Clear = N == "rc_list_clear";
    if (!ObjArg && !Clear)
      return true;
    const FieldDecl *Field = nullptr;
    std::string Slot;
    const VarDecl *Root = root(C->getArg(0), Slot, Field);
    if (!Root)
      return true;
    Slot += "[list]";
    if (Clear) {
      dropSlot(objOf(Root), Slot);
      return true;
    }
    if (ObjArg >= C->getNumArgs())
      return true;
    const VarDecl *To = localVar(C->getArg(ObjArg));
    if (!To)
      return true;
    add({Root, To, objOf(Root), objOf(To), Slot + "#" + std::to_string(++Counter), C, Field,
         "'" + Root->getName().str() + "' refers to '" + To->getName().str() + "' here (" +
             N.str() + ")"});
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
    R.Kind = WarningKind::Cycle;
    R.Loc = E.Store->getExprLoc();
    if (const auto *BO = dyn_cast<BinaryOperator>(E.Store))
      R.Loc = BO->getLHS()->getBeginLoc();
    else
      R.Loc = E.Store->getBeginLoc();
    std::string Cycle = "'" + E.From->getName().str() + "' -> '" + E.To->getName().str() + "'";
    for (size_t J : Path)
      Cycle += " -> '" + Edges[J].To->getName().str() + "'";
    if (E.FromObj == E.ToObj)
      R.Message = "this store makes '" + E.From->getName().str() + "'" +
                  (E.From == E.To ? std::string()
                                  : " (the same object as '" + E.To->getName().str() + "')") +
                  " refer to itself, a reference cycle only the cycle collector frees; "
                  "break it before the last reference goes";
    else
      R.Message = "this store closes a reference cycle " + Cycle +
                  ": the objects outlive the locals until the cycle collector runs; set a "
                  "link to NULL when done, or make one RC_WEAK";
    std::vector<unsigned> Ids{E.Id};
    for (size_t J : Path) {
      R.Notes.push_back({Edges[J].Store->getBeginLoc(), Edges[J].Text});
      Ids.push_back(Edges[J].Id);
    }
    Pending.push_back({R, Ids});
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
  TypeCycles(Ctx, MT, S, Reported).run();
  InstanceCycles(MT, S, Reported).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace warnings
} // namespace autorc
