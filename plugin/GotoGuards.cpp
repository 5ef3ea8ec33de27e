// GotoGuards.cpp — see GotoGuards.h.
#include "GotoGuards.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace autorc {

namespace {
struct LocalInfo {
  const VarDecl *V;
  const Stmt *Block;       // the CompoundStmt (or ForStmt) holding the declaration
  SourceLocation DeclEnd;  // end of the declaration statement
  SourceLocation BlockEnd; // end of the block
  SourceLocation BlockBegin;
};

class JumpCollector : public RecursiveASTVisitor<JumpCollector> {
public:
  std::vector<std::pair<const Stmt *, const LabelDecl *>> Jumps;
  std::vector<const IndirectGotoStmt *> Indirect;
  std::set<const LabelDecl *> AddressTaken;
  std::map<const LabelDecl *, const LabelStmt *> Labels;
  std::vector<std::pair<const Stmt *, const DeclStmt *>> Decls; // block, declaration
  bool VisitGotoStmt(GotoStmt *G) {
    Jumps.push_back({G, G->getLabel()});
    return true;
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *G) {
    Indirect.push_back(G);
    return true;
  }
  bool VisitAddrLabelExpr(AddrLabelExpr *A) {
    AddressTaken.insert(A->getLabel());
    return true;
  }
  std::vector<const DeclRefExpr *> Refs;
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    Refs.push_back(R);
    return true;
  }
  bool VisitLabelStmt(LabelStmt *L) {
    Labels[L->getDecl()] = L;
    return true;
  }
  bool VisitCompoundStmt(CompoundStmt *CS) {
    for (Stmt *C : CS->body()) {
      while (true) {
        if (auto *L = dyn_cast<LabelStmt>(C))
          C = L->getSubStmt();
        else if (auto *A = dyn_cast<AttributedStmt>(C))
          C = A->getSubStmt();
        else
          break;
      }
      if (auto *DS = dyn_cast<DeclStmt>(C))
        Decls.push_back({CS, DS});
    }
    return true;
  }
  bool VisitForStmt(ForStmt *F) {
    if (auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit()))
      Decls.push_back({F, DS});
    return true;
  }
};
} // namespace

void GotoGuards::compute(FunctionDecl *FD, const SourceManager &SM,
                         const std::function<bool(const VarDecl *)> &Counted) {
  Guarded.clear();
  BackwardReleases.clear();
  Errors.clear();
  JumpCollector JC;
  JC.TraverseStmt(FD->getBody());
  for (const IndirectGotoStmt *G : JC.Indirect)
    for (const LabelDecl *L : JC.AddressTaken)
      JC.Jumps.push_back({G, L});
  if (JC.Jumps.empty())
    return;
  auto Loc = [&](SourceLocation L) { return SM.getExpansionLoc(L); };
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(Loc(A), Loc(B));
  };
  std::vector<LocalInfo> Locals;
  for (auto &BD : JC.Decls)
    for (const Decl *D : BD.second->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (Counted(V))
          Locals.push_back({V, BD.first, BD.second->getEndLoc(), BD.first->getEndLoc(),
                            BD.first->getBeginLoc()});
  auto InScope = [&](const LocalInfo &I, SourceLocation P) {
    return Before(I.DeclEnd, P) && Before(P, I.BlockEnd);
  };
  auto InBlock = [&](const LocalInfo &I, SourceLocation P) {
    return Before(I.BlockBegin, P) && Before(P, I.BlockEnd);
  };
  std::set<const Stmt *> GuardedBlocks;
  for (auto &J : JC.Jumps) {
    auto LIt = JC.Labels.find(J.second);
    if (LIt == JC.Labels.end())
      continue;
    SourceLocation G = J.first->getBeginLoc(), L = LIt->second->getBeginLoc();
    for (const LocalInfo &I : Locals) {
      if (!InScope(I, L) || InScope(I, G))
        continue;
      if (isa<ForStmt>(I.Block) || !InBlock(I, G)) {
        Errors.push_back({G, diag::GotoIntoScope, I.V->getName().str()});
        continue;
      }
      GuardedBlocks.insert(I.Block);
    }
  }
  for (const LocalInfo &I : Locals) {
    if (!GuardedBlocks.count(I.Block))
      continue;
    // A guarded local's storage is hoisted to the start of its block
    // (FunctionRewriterGuards.cpp): its type must be nameable there, and no
    // earlier use in the block may mean another variable of the same name.
    QualType T = I.V->getType();
    const Type *Base = T->getBaseElementTypeUnsafe();
    const RecordDecl *RD = Base->getAsRecordDecl();
    std::string N = I.V->getName().str();
    const TypedefType *TT = T->getAs<TypedefType>();
    if (T->isVariablyModifiedType() || (RD && !RD->getIdentifier() && !RD->getTypedefNameForAnonDecl()) ||
        (RD && InBlock(I, RD->getLocation())) || (TT && InBlock(I, TT->getDecl()->getLocation()))) {
      Errors.push_back({I.V->getLocation(), diag::GotoPastUnnamedType, N});
      continue;
    }
    bool Shadowed = false;
    for (const DeclRefExpr *R : JC.Refs)
      if (R->getDecl() != I.V && R->getDecl()->getDeclName() == I.V->getDeclName() &&
          !InBlock(I, R->getDecl()->getLocation()) && InBlock(I, R->getLocation()) &&
          Before(R->getLocation(), I.V->getLocation()))
        Shadowed = true;
    if (Shadowed) {
      Errors.push_back({I.V->getLocation(), diag::GotoPastShadowed, N});
      continue;
    }
    Guarded[I.V] = {static_cast<unsigned>(Guarded.size()), I.Block};
  }
  // Backward jumps out of a guarded local's scope, to a label in its block.
  for (auto &J : JC.Jumps) {
    auto LIt = JC.Labels.find(J.second);
    if (LIt == JC.Labels.end())
      continue;
    SourceLocation G = J.first->getBeginLoc(), L = LIt->second->getBeginLoc();
    std::vector<const VarDecl *> Release;
    for (const LocalInfo &I : Locals)
      if (Guarded.count(I.V) && InScope(I, G) && !InScope(I, L) && InBlock(I, L))
        Release.insert(Release.begin(), I.V); // last declared first
    if (!Release.empty()) {
      if (isa<IndirectGotoStmt>(J.first)) {
        Errors.push_back({G, diag::ComputedGotoBack, ""});
        continue;
      }
      BackwardReleases[J.first] = Release;
    }
  }
}

std::string GotoGuards::guardName(const VarDecl *V) const {
  auto It = Guarded.find(V);
  return "rc__g" + std::to_string(It == Guarded.end() ? 0 : It->second.first) + "_" +
         V->getName().str();
}

const Stmt *GotoGuards::blockOf(const VarDecl *V) const {
  auto It = Guarded.find(V);
  return It == Guarded.end() ? nullptr : It->second.second;
}

} // namespace autorc
