// TypeGraph.cpp — see TypeGraph.h.
#include "TypeGraph.h"
#include "Contracts.h"
#include "UserDeclVisitor.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <algorithm>
#include <set>

using namespace clang;

namespace autorc {

const RecordDecl *canon(const RecordDecl *RD) {
  return RD ? cast<RecordDecl>(RD->getCanonicalDecl()) : nullptr;
}

bool TypeGraph::isContainer(const RecordDecl *RD) const {
  return RD && contracts::isContainer(RD);
}

namespace {
// The toolchain's headers define no managed struct; <autorc.h>'s are opaque.
class BaseFinder : public UserDeclVisitor<BaseFinder> {
public:
  BaseFinder(const ManagedTypes &MT, std::set<const RecordDecl *> &Bases)
      : UserDeclVisitor(MT), Bases(Bases) {}
  bool VisitRecordDecl(RecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && MT.isManagedRecord(RD))
      if (const RecordDecl *B = MT.baseOf(RD))
        Bases.insert(canon(B));
    return true;
  }

private:
  std::set<const RecordDecl *> &Bases;
};
} // namespace

bool TypeGraph::isBase(const RecordDecl *RD) {
  if (!BasesKnown) {
    BasesKnown = true;
    BaseFinder(MT, Bases).TraverseDecl(MT.context().getTranslationUnitDecl());
  }
  return Bases.count(canon(RD)) != 0;
}

const std::vector<TypeEdge> &TypeGraph::edgesFrom(const RecordDecl *RD) {
  RD = canon(RD);
  auto It = Edges.find(RD);
  if (It != Edges.end())
    return It->second;
  std::vector<TypeEdge> Out;
  if (const RecordDecl *Def = RD ? RD->getDefinition() : nullptr)
    collect(RD, Def, nullptr, "", false, 0, Out);
  return Edges[RD] = std::move(Out);
}

void TypeGraph::collect(const RecordDecl *Owner, const RecordDecl *Def, const FieldDecl *Top,
                        const std::string &Prefix, bool InArray, unsigned Depth,
                        std::vector<TypeEdge> &Out) {
  for (const FieldDecl *F : Def->fields()) {
    QualType T = F->getType();
    bool Array = InArray;
    while (const ArrayType *AT = MT.context().getAsArrayType(T)) {
      T = AT->getElementType();
      Array = true;
    }
    const FieldDecl *Holder = Top ? Top : F;
    if (const RecordDecl *P = MT.managedPointee(T)) {
      if (MT.slotKindOf(F) != SlotKind::Strong)
        continue;
      TypeEdge E;
      E.From = Owner;
      E.To = canon(P);
      E.Field = Holder;
      E.Leaf = F;
      E.Path = Prefix + F->getName().str();
      E.Array = Array;
      if (isContainer(P))
        E.K = TypeEdge::Container;
      else if (MT.isRuntimeDecl(P) || !P->getDefinition() || isBase(P))
        E.K = TypeEdge::Opaque;
      E.IntoAcyclic = ManagedTypes::hasAnnotation(P, "autorc_acyclic");
      Out.push_back(std::move(E));
      continue;
    }
    // An embedded struct or union (or an array of them): its slots are
    // the owner's. Bounded depth: a pathological nesting is cut short.
    const RecordDecl *Inner = T->getAsRecordDecl();
    if (Inner && Depth < 16)
      if (const RecordDecl *ID = Inner->getDefinition())
        collect(Owner, ID, Holder, Prefix + F->getName().str() + ".", Array, Depth + 1, Out);
  }
}

std::vector<std::vector<TypeGraph::Node>>
TypeGraph::components(const std::vector<Node> &Roots,
                      const std::function<std::vector<Node>(Node)> &Succ) {
  std::vector<std::vector<Node>> Result;
  std::map<Node, unsigned> Index, Low;
  std::set<Node> OnStack;
  std::vector<Node> Stack;
  unsigned Next = 0;
  struct Frame {
    Node N;
    std::vector<Node> Outs;
    size_t Pos;
  };
  for (Node Root : Roots) {
    if (Index.count(Root))
      continue;
    std::vector<Frame> Work;
    auto Enter = [&](Node N) {
      Index[N] = Low[N] = Next++;
      Stack.push_back(N);
      OnStack.insert(N);
      Work.push_back({N, Succ(N), 0});
    };
    Enter(Root);
    while (!Work.empty()) {
      Frame &Fr = Work.back();
      if (Fr.Pos < Fr.Outs.size()) {
        Node M = Fr.Outs[Fr.Pos++];
        if (!Index.count(M))
          Enter(M); // invalidates Fr
        else if (OnStack.count(M))
          Low[Fr.N] = std::min(Low[Fr.N], Index[M]);
        continue;
      }
      Node N = Fr.N;
      if (Low[N] == Index[N]) {
        std::vector<Node> C;
        for (;;) {
          Node X = Stack.back();
          Stack.pop_back();
          OnStack.erase(X);
          C.push_back(X);
          if (X == N)
            break;
        }
        Result.push_back(std::move(C));
      }
      Work.pop_back();
      if (!Work.empty())
        Low[Work.back().N] = std::min(Low[Work.back().N], Low[N]);
    }
  }
  return Result;
}

} // namespace autorc
