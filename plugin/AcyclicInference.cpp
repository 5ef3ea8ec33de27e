// AcyclicInference.cpp — see AcyclicInference.h.
#include "AcyclicInference.h"
#include <set>
#include <vector>

using namespace clang;

namespace autorc {

// The structs RD's strong slots lead to, past RC_ACYCLIC ones (a promise
// that no cycle passes through them); Anywhere if one leads anywhere.
static std::vector<const RecordDecl *> successors(TypeGraph &G, const RecordDecl *RD,
                                                  bool &Anywhere) {
  std::vector<const RecordDecl *> Out;
  if (!RD->getDefinition() || G.types().isRuntimeDecl(RD))
    Anywhere = true;
  for (const TypeEdge &E : G.edgesFrom(RD)) {
    if (E.IntoAcyclic)
      continue;
    if (E.K != TypeEdge::Struct)
      Anywhere = true;
    else
      Out.push_back(E.To);
  }
  return Out;
}

void AcyclicInference::solve(const RecordDecl *RD) {
  auto Succ = [&](const RecordDecl *N) {
    bool Unused = false;
    return successors(Graph, N, Unused);
  };
  // Reverse topological order: every component a component reaches is
  // decided before it.
  for (const auto &C : TypeGraph::components({RD}, Succ)) {
    bool Cyclic = C.size() > 1, Anywhere = false;
    std::set<const RecordDecl *> In(C.begin(), C.end());
    for (const RecordDecl *N : C)
      for (const RecordDecl *M : successors(Graph, N, Anywhere)) {
        if (M == N)
          Cyclic = true;
        else if (!In.count(M) && LeadsAnywhere.count(M))
          Anywhere = true;
      }
    for (const RecordDecl *N : C) {
      if (Cache.count(N))
        continue;
      if (Anywhere)
        LeadsAnywhere.insert(N);
      Cache[N] = ManagedTypes::hasAnnotation(N, "autorc_acyclic") ? Verdict::Annotated
                 : (Cyclic || Anywhere)                          ? Verdict::MayCycle
                                                                 : Verdict::Inferred;
    }
  }
}

AcyclicInference::Verdict AcyclicInference::verdict(const RecordDecl *RD) {
  RD = canon(RD);
  if (!Cache.count(RD))
    solve(RD);
  return Cache[RD];
}

std::string AcyclicInference::summary(TranslationUnitDecl *TU, llvm::StringRef File) {
  std::vector<const RecordDecl *> Records;
  std::set<const RecordDecl *> Seen;
  std::vector<const DeclContext *> Ctxs{TU};
  while (!Ctxs.empty()) {
    const DeclContext *DC = Ctxs.back();
    Ctxs.pop_back();
    for (const Decl *D : DC->decls()) {
      const auto *RD = dyn_cast<RecordDecl>(D);
      if (!RD)
        continue;
      Ctxs.push_back(RD); // structs declared inside structs
      if (!RD->isThisDeclarationADefinition() || !MT.isManagedRecord(RD) ||
          MT.isUntouchable(RD->getLocation()))
        continue;
      if (Seen.insert(canon(RD)).second)
        Records.push_back(RD);
    }
  }
  unsigned Annotated = 0, Inferred = 0;
  std::string Inf, May;
  for (const RecordDecl *RD : Records) {
    std::string Name = MT.recordSpelling(RD);
    switch (verdict(RD)) {
    case Verdict::Annotated:
      ++Annotated;
      break;
    case Verdict::Inferred:
      ++Inferred;
      Inf += (Inf.empty() ? "" : ", ") + Name;
      break;
    case Verdict::MayCycle:
      May += (May.empty() ? "" : ", ") + Name;
      break;
    }
  }
  std::string S = "autorc: " + File.str() + ": " + std::to_string(Records.size()) +
                  " managed types, " + std::to_string(Annotated + Inferred) + " acyclic (" +
                  std::to_string(Annotated) + " annotated, " + std::to_string(Inferred) +
                  " inferred" + (Inf.empty() ? "" : ": " + Inf) + ")";
  S += "; may cycle: " + (May.empty() ? std::string("none") : May);
  return S;
}

} // namespace autorc
