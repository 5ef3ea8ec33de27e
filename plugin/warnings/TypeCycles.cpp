// TypeCycles.cpp — see TypeCycles.h.
#include "TypeCycles.h"
#include "CycleNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <deque>
#include <map>

using namespace clang;

namespace autorc {
namespace warnings {

namespace {

using Node = const RecordDecl *;

struct CEdge {
  Node From, To;
  const FieldDecl *Field; // From's field (the one to mark)
  const FieldDecl *Leaf;  // the pointer field (differs inside an embedded struct)
  std::string Path;
  bool Container, Array;
  std::string Holds; // a container edge: why it may hold To objects
};

class UserTypes : public RecursiveASTVisitor<UserTypes> {
public:
  explicit UserTypes(const ManagedTypes &MT) : MT(MT) {}
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && MT.isUntouchable(D->getLocation()))
      return true;
    return RecursiveASTVisitor<UserTypes>::TraverseDecl(D);
  }
  bool VisitRecordDecl(RecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && MT.isManagedRecord(RD) &&
        Seen.insert(canon(RD)).second)
      Types.push_back(canon(RD));
    return true;
  }
  std::vector<Node> Types;

private:
  const ManagedTypes &MT;
  std::set<Node> Seen;
};

class TypeCycles {
public:
  TypeCycles(ASTContext &Ctx, const ManagedTypes &MT, CycleEvidence &Ev, FindingSink &S,
             std::set<const FieldDecl *> &Reported)
      : Ctx(Ctx), MT(MT), G(MT), Ev(Ev), S(S), Reported(Reported) {}

  void run() {
    collectEdges();
    std::vector<bool> All(Edges.size(), true);
    for (const auto &C : components(Nodes, All))
      if (C.size() > 1 || selfCycle(C[0], All))
        report(C);
  }

private:
  // ------------------------------------------------------------ graph --
  void collectEdges() {
    UserTypes U(MT);
    U.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (Node N : U.Types) {
      Order[N] = Nodes.size();
      if (!ManagedTypes::hasAnnotation(N, "autorc_acyclic") && !suppressedAt(N, WarningKind::Cycle))
        Nodes.push_back(N);
    }
    std::set<Node> IsNode(Nodes.begin(), Nodes.end());
    std::vector<const TypeEdge *> Containers;
    for (Node N : Nodes)
      for (const TypeEdge &E : G.edgesFrom(N)) {
        if (E.IntoAcyclic || suppressedAt(E.Field, WarningKind::Cycle) ||
            suppressedAt(E.Leaf, WarningKind::Cycle))
          continue;
        if (E.K == TypeEdge::Container)
          Containers.push_back(&E);
        else if (E.K == TypeEdge::Struct && IsNode.count(E.To))
          Edges.push_back({N, E.To, E.Field, E.Leaf, E.Path, false, E.Array, ""});
      }
    for (const TypeEdge *E : Containers)
      resolveContainer(*E);
  }

  // What a container field may hold: the types the code stores into it;
  // without such stores, the types its name is for and the types that
  // link to its owner with a back-link name.
  void resolveContainer(const TypeEdge &E) {
    std::map<Node, std::string> Holds;
    auto Stored = Ev.containerHolds(E.Field);
    for (const auto &H : Stored)
      if (std::count(Nodes.begin(), Nodes.end(), H.first))
        Holds.insert({H.first, "stored into it at " + where(H.second)});
    // The code's stores say what it holds (an rc_list of weak references
    // holds no observers, whatever its name); names only when there are
    // none.
    if (Stored.empty()) {
      for (Node T : Nodes)
        if (listMayHold(E.Path, T, E.From))
          Holds.insert({T, "its name says so"});
      for (const CEdge &B : std::vector<CEdge>(Edges))
        if (B.To == E.From && !B.Container && B.From != E.From && isBackLinkName(B.Path, B.Leaf) &&
            !Holds.count(B.From))
          Holds.insert({B.From, "'" + B.Path + "' in " + MT.recordSpelling(B.From) +
                                    " names its owner"});
    }
    for (const auto &H : Holds)
      Edges.push_back({E.From, H.first, E.Field, E.Leaf, E.Path, true, E.Array, H.second});
  }

  std::vector<std::vector<Node>> components(const std::vector<Node> &Over,
                                            const std::vector<bool> &Active) {
    std::set<Node> In(Over.begin(), Over.end());
    auto Succ = [&](Node N) {
      std::vector<Node> Out;
      for (size_t I = 0; I < Edges.size(); ++I)
        if (Active[I] && Edges[I].From == N && Edges[I].To != N && In.count(Edges[I].To))
          Out.push_back(Edges[I].To);
      return Out;
    };
    auto Cs = TypeGraph::components(Over, Succ);
    for (auto &C : Cs)
      std::sort(C.begin(), C.end(), [&](Node A, Node B) { return Order[A] < Order[B]; });
    std::sort(Cs.begin(), Cs.end(), [&](const std::vector<Node> &A, const std::vector<Node> &B) {
      return Order[A[0]] < Order[B[0]];
    });
    return Cs;
  }

  // N links to itself both ways: a back-link-named self field and another
  // self link (field or container) without such a name, or two self
  // fields the code sets as each other's mirror (CycleEvidence.h).
  bool selfCycle(Node N, const std::vector<bool> &Active) {
    bool Back = false, Down = false;
    for (size_t I = 0; I < Edges.size(); ++I) {
      const CEdge &E = Edges[I];
      if (!Active[I] || E.From != N || E.To != N)
        continue;
      if (isBackLinkName(E.Path, E.Leaf) && !E.Container)
        Back = true;
      else if (!isBackLinkName(E.Path, E.Leaf))
        Down = true;
      for (size_t K = 0; K < Edges.size(); ++K)
        if (K != I && Active[K] && Edges[K].From == N && Edges[K].To == N &&
            Ev.mirrored(E.Field, Edges[K].Field))
          return true;
    }
    return Back && Down;
  }

  bool cyclic(const std::vector<Node> &C, const std::vector<bool> &Active) {
    for (const auto &Sub : components(C, Active))
      if (Sub.size() > 1 || selfCycle(Sub[0], Active))
        return true;
    return false;
  }

  std::string name(Node N) { return MT.recordSpelling(N); }
  std::string where(SourceLocation L) { return Ev.where(L); }

  Judgement judge(const CEdge &E) {
    return Ev.judge(E.Field, E.Path, E.From, E.To, E.Container, E.Array);
  }

  // ---------------------------------------------------------- report --
  void report(const std::vector<Node> &C) {
    std::set<Node> In(C.begin(), C.end());
    std::vector<size_t> Cand;
    for (size_t I = 0; I < Edges.size(); ++I)
      if (In.count(Edges[I].From) && In.count(Edges[I].To) &&
          (C.size() > 1 || Edges[I].From == Edges[I].To))
        Cand.push_back(I);
    std::map<size_t, Judgement> J;
    for (size_t I : Cand)
      J[I] = judge(Edges[I]);
    std::vector<size_t> Fix = chooseBackLinks(C, Cand, J);
    size_t Primary = Fix.empty() ? locationWithoutFix(Cand) : Fix[0];
    std::vector<bool> Active(Edges.size(), true);
    std::vector<size_t> Path = cyclePath(C, Primary, Active);
    Finding R = describe(Primary, Path, Fix, J);
    if (Fix.empty()) {
      std::set<size_t> OnPath(Path.begin(), Path.end());
      std::set<const FieldDecl *> Noted{Edges[Primary].Field};
      for (size_t I : Path)
        Noted.insert(Edges[I].Field);
      for (size_t I : Cand)
        if (!OnPath.count(I) && Noted.insert(Edges[I].Field).second)
          R.Notes.push_back(findingNote(Edges[I].Field->getLocation(),
                                        diag::CycleNoteSameCycle,
                                        {edgeText(Edges[I]), verdictText(J[I])}));
    }
    // The instance check stays quiet about cycles through the suggested
    // back links (this warning's fix breaks them) or, without a fix,
    // through any link of the component (the same design cycle).
    for (size_t I : Fix.empty() ? Cand : Fix)
      Reported.insert(Edges[I].Field);
    S.report(R);
  }

  // The back links whose removal breaks every cycle of C, strongest
  // evidence first; empty if the evidence does not break them all.
  std::vector<size_t> chooseBackLinks(const std::vector<Node> &C, const std::vector<size_t> &Cand,
                                      std::map<size_t, Judgement> &J) {
    std::vector<size_t> Backs;
    for (size_t I : Cand)
      if (J[I].Strength > 0)
        Backs.push_back(I);
    std::sort(Backs.begin(), Backs.end(), [&](size_t A, size_t B) {
      return J[A].Strength != J[B].Strength ? J[A].Strength > J[B].Strength : A < B;
    });
    std::vector<bool> Active(Edges.size(), true);
    // The edges of one slot (a container's, to each type it holds) stand
    // or fall together: RC_WEAK marks the slot.
    auto SetField = [&](size_t I, bool On) {
      for (size_t K = 0; K < Edges.size(); ++K)
        if (Edges[K].Field == Edges[I].Field && Edges[K].Leaf == Edges[I].Leaf)
          Active[K] = On;
    };
    for (size_t I : Backs)
      SetField(I, false);
    if (Backs.empty() || cyclic(C, Active))
      return {};
    std::vector<size_t> Kept;
    for (auto It = Backs.rbegin(); It != Backs.rend(); ++It) {
      SetField(*It, true);
      if (cyclic(C, Active)) {
        SetField(*It, false);
        Kept.insert(Kept.begin(), *It);
      }
    }
    return Kept;
  }

  // Without a fix: the warning goes where the old rule put the back link
  // (a back-link name, a non-array field, from a later type to an earlier).
  // In a component of several types, on a link between two of them: a
  // type's link to itself (env's 'parent') closes no cycle through the
  // others, and naming it hid the link the cycle goes through.
  size_t locationWithoutFix(const std::vector<size_t> &Cand) {
    size_t Best = Cand[0];
    long BestScore = -1;
    bool Between = std::any_of(Cand.begin(), Cand.end(),
                               [&](size_t I) { return Edges[I].From != Edges[I].To; });
    for (size_t I : Cand) {
      const CEdge &E = Edges[I];
      if (Between && E.From == E.To)
        continue;
      long Score = (E.Container ? 0 : 8) + (isBackLinkName(E.Path, E.Leaf) ? 4 : 0) + (E.Array ? 0 : 2) +
                   (E.From != E.To && Order[E.To] < Order[E.From] ? 1 : 0);
      if (Score > BestScore) {
        Best = I;
        BestScore = Score;
      }
    }
    return Best;
  }

  // Edges of one cycle through edge I (the other edges, in order).
  std::vector<size_t> cyclePath(const std::vector<Node> &C, size_t I,
                                const std::vector<bool> &Active) {
    const CEdge &E = Edges[I];
    std::set<Node> In(C.begin(), C.end());
    if (E.From == E.To) {
      for (size_t K = 0; K < Edges.size(); ++K)
        if (K != I && Edges[K].From == E.From && Edges[K].To == E.From &&
            !isBackLinkName(Edges[K].Path, Edges[K].Leaf))
          return {K};
      return {};
    }
    std::map<Node, size_t> Via;
    std::deque<Node> Q{E.To};
    std::set<Node> Seen{E.To};
    while (!Q.empty()) {
      Node N = Q.front();
      Q.pop_front();
      if (N == E.From)
        break;
      for (size_t K = 0; K < Edges.size(); ++K) {
        const CEdge &F = Edges[K];
        if (F.From != N || F.To == N || !In.count(F.To) || Seen.count(F.To))
          continue;
        Seen.insert(F.To);
        Via[F.To] = K;
        Q.push_back(F.To);
      }
    }
    std::vector<size_t> Path;
    for (Node X = E.From; X != E.To && Via.count(X); X = Edges[Via[X]].From)
      Path.push_back(Via[X]);
    std::reverse(Path.begin(), Path.end());
    return Path;
  }

  static std::string verdictText(const Judgement &J) {
    return J.Strength > 0 ? "a back link (" + J.Why + "), but the cycle goes on without it"
                          : "not suggested: " + J.Why;
  }

  std::string edgeText(const CEdge &E) {
    return "'" + E.Path + "' (" + name(E.From) + " -> " + (E.Container ? containerName(E) + " -> " : "") +
           name(E.To) + ")";
  }
  // The container's type as the field spells it (rc_list, rc_dict, a typed list).
  static std::string containerName(const CEdge &E) {
    QualType T = E.Leaf ? E.Leaf->getType() : QualType();
    if (T.isNull() || !T->isPointerType())
      return "rc_list";
    return T->getPointeeType().getUnqualifiedType().getAsString();
  }

  Finding describe(size_t Primary, const std::vector<size_t> &Path, const std::vector<size_t> &Fix,
                   std::map<size_t, Judgement> &J) {
    const CEdge &E = Edges[Primary];
    Finding R;
    R.Loc = E.Field->getLocation();
    bool BothWays = E.From == E.To && Path.size() == 1;
    std::vector<std::string> Args;
    if (BothWays) {
      Args = {Edges[Path[0]].Path, E.Path, name(E.From)};
    } else {
      std::string Cycle =
          name(E.From) + (E.Container ? " -> " + containerName(E) : "") + " -> " + name(E.To);
      for (size_t K = 0; K < Path.size(); ++K) {
        const CEdge &P = Edges[Path[K]];
        if (Path.size() > 8 && K >= 3 && K + 3 < Path.size()) {
          if (K == 3)
            Cycle += " -> ... (" + std::to_string(Path.size() - 6) + " more)";
          continue;
        }
        Cycle += (P.Container ? " -> " + containerName(P) + " -> " : " -> ") + name(P.To);
      }
      Args = {E.Path, Cycle};
    }
    if (Fix.empty()) {
      Args.push_back(verdictText(J[Primary]));
      R.set(BothWays ? diag::CycleBothWaysNoFix : diag::CycleClosesNoFix, Args);
    } else {
      Args.push_back(J[Primary].Why);
      Args.push_back(addFixIt(E, R));
      R.set(BothWays ? diag::CycleBothWaysFix : diag::CycleClosesFix, Args);
      for (size_t K = 1; K < Fix.size(); ++K) {
        std::string NoFix = addFixIt(Edges[Fix[K]], R);
        R.Notes.push_back(findingNote(Edges[Fix[K]].Field->getLocation(), diag::CycleNoteAlsoWeak,
                                      {Edges[Fix[K]].Path, J[Fix[K]].Why, NoFix}));
      }
    }
    const size_t MaxNotes = 6;
    for (size_t K = 0; K < Path.size(); ++K) {
      const CEdge &P = Edges[Path[K]];
      SourceLocation At = P.Field->getLocation();
      if (K == MaxNotes && Path.size() > MaxNotes + 1) {
        R.Notes.push_back(findingNote(At, diag::CycleNoteMore,
                                      {std::to_string(Path.size() - K), edgeText(P)}));
        break;
      }
      std::string Why = Fix.empty() ? verdictText(J[Path[K]]) : "";
      if (P.Container)
        R.Notes.push_back(
            Why.empty()
                ? findingNote(At, diag::CycleNoteContainer, {edgeText(P), name(P.To), P.Holds})
                : findingNote(At, diag::CycleNoteContainerWhy,
                              {edgeText(P), name(P.To), P.Holds, Why}));
      else
        R.Notes.push_back(Why.empty()
                              ? findingNote(At, diag::CycleNoteGoesOn, {edgeText(P)})
                              : findingNote(At, diag::CycleNoteGoesOnWhy, {edgeText(P), Why}));
    }
    return R;
  }

  // Adds the fix-it "RC_WEAK " before E's field, or returns why there is
  // none (appended to the warning).
  std::string addFixIt(const CEdge &E, Finding &R) {
    bool Shared = false;
    for (const FieldDecl *G : E.Field->getParent()->fields())
      if (G != E.Field && G->getBeginLoc() == E.Field->getBeginLoc())
        Shared = true;
    if (E.Leaf != E.Field)
      return " (it is declared inside an embedded struct: mark it there)";
    if (Shared)
      return " (declare it on its own line to mark it)";
    SourceLocation B = E.Field->getBeginLoc();
    if (B.isValid() && B.isFileID())
      R.FixIts.push_back({B, "RC_WEAK "});
    return "";
  }

  ASTContext &Ctx;
  const ManagedTypes &MT;
  TypeGraph G;
  CycleEvidence &Ev;
  FindingSink &S;
  std::set<const FieldDecl *> &Reported;
  std::vector<Node> Nodes;
  std::vector<CEdge> Edges;
  std::map<Node, size_t> Order;
};

} // namespace

void runTypeCycles(ASTContext &Ctx, const ManagedTypes &MT, CycleEvidence &Ev, FindingSink &S,
                   std::set<const FieldDecl *> &Reported) {
  TypeCycles(Ctx, MT, Ev, S, Reported).run();
}

} // namespace warnings
} // namespace autorc
