// AcyclicInference.cpp — see AcyclicInference.h.
#include "AcyclicInference.h"
#include <set>
#include <vector>

using namespace clang;

namespace autorc {

static const RecordDecl *canonRD(const RecordDecl *RD) {
  return cast<RecordDecl>(RD->getCanonicalDecl());
}

// The managed struct a strong field points to (through arrays too), or null.
static const RecordDecl *strongTarget(const ManagedTypes &MT, const FieldDecl *F) {
  if (MT.slotKindOf(F) != SlotKind::Strong)
    return nullptr;
  QualType T = F->getType();
  while (const ArrayType *AT = MT.context().getAsArrayType(T))
    T = AT->getElementType();
  return MT.managedPointee(T);
}

bool AcyclicInference::reaches(const RecordDecl *Start, const RecordDecl *Target) {
  std::set<const RecordDecl *> Seen;
  std::vector<const RecordDecl *> Work{Start};
  Seen.insert(Start);
  while (!Work.empty()) {
    const RecordDecl *Cur = Work.back();
    Work.pop_back();
    const RecordDecl *Def = Cur->getDefinition();
    // The runtime's containers hold objects of any type; an incomplete
    // struct's fields are unknown.
    if (!Def || MT.isRuntimeDecl(Cur))
      return true;
    for (const FieldDecl *F : Def->fields()) {
      const RecordDecl *To = strongTarget(MT, F);
      if (!To)
        continue;
      To = canonRD(To);
      if (To == Target)
        return true;
      // A promise that no cycle passes through To: nothing beyond it can
      // come back (a path Target -> To -> Target would be such a cycle).
      if (ManagedTypes::hasAnnotation(To, "autorc_acyclic"))
        continue;
      if (Seen.insert(To).second)
        Work.push_back(To);
    }
  }
  return false;
}

AcyclicInference::Verdict AcyclicInference::verdict(const RecordDecl *RD) {
  RD = canonRD(RD);
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  Verdict V;
  if (ManagedTypes::hasAnnotation(RD, "autorc_acyclic"))
    V = Verdict::Annotated;
  else if (!RD->getDefinition() || MT.isRuntimeDecl(RD) || reaches(RD, RD))
    V = Verdict::MayCycle;
  else
    V = Verdict::Inferred;
  Cache[RD] = V;
  return V;
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
      if (Seen.insert(canonRD(RD)).second)
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
