// Contracts.cpp — see Contracts.h.
#include "Contracts.h"
#include "Compat.h"
#include "ManagedTypes.h"
#include "clang/AST/Attr.h"

using namespace clang;

namespace autorc {
namespace contracts {

// The numbers after Prefix in FD's annotations "Prefix<n>:<m>..." (all of
// them, one vector per annotation).
static std::vector<std::vector<unsigned>> numbered(const Decl *D, llvm::StringRef Prefix) {
  std::vector<std::vector<unsigned>> Out;
  if (!D)
    return Out;
  for (const Decl *R : D->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      llvm::StringRef S = A->getAnnotation();
      if (!compat::startsWith(S, Prefix))
        continue;
      std::vector<unsigned> Ns;
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      S.drop_front(Prefix.size()).split(Parts, ':');
      bool OK = true;
      for (llvm::StringRef P : Parts) {
        unsigned N;
        if (P.trim().getAsInteger(10, N))
          OK = false;
        else
          Ns.push_back(N);
      }
      if (OK && !Ns.empty())
        Out.push_back(Ns);
    }
  return Out;
}

std::vector<Store> stores(const FunctionDecl *FD) {
  std::vector<Store> Out;
  for (const auto &Ns : numbered(FD, "autorc_stores:")) {
    if (Ns.size() != 2 || Ns[0] >= FD->getNumParams() || Ns[1] >= FD->getNumParams())
      continue;
    bool Seen = false;
    for (const Store &S : Out)
      Seen |= S.Container == Ns[0] && S.Value == Ns[1];
    if (!Seen) // the same annotation on two redeclarations
      Out.push_back({Ns[0], Ns[1]});
  }
  return Out;
}

bool clears(const FunctionDecl *FD, unsigned &Container) {
  for (const auto &Ns : numbered(FD, "autorc_clears:"))
    if (Ns.size() == 1 && Ns[0] < FD->getNumParams()) {
      Container = Ns[0];
      return true;
    }
  return false;
}

bool readsOnly(const FunctionDecl *FD) {
  return ManagedTypes::hasAnnotation(FD, "autorc_reads_only");
}

bool returnsFresh(const FunctionDecl *FD) { return ManagedTypes::hasAnnotation(FD, "autorc_fresh"); }

bool isContainer(const RecordDecl *RD) { return ManagedTypes::hasAnnotation(RD, "autorc_container"); }

} // namespace contracts
} // namespace autorc
