// CycleNames.cpp — see CycleNames.h.
#include "CycleNames.h"
#include "../Compat.h"
#include <algorithm>

namespace autorc {
namespace warnings {

// Split "prev_sibling" / "parentNode" into lower-case words.
std::vector<std::string> nameWords(llvm::StringRef N) {
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

static bool isOrdinal(const std::string &W) {
  return W == "prev" || W == "previous" || W == "pred";
}

// Does Leaf's struct have a field named like Leaf with word I forward
// (next_sibling for prev_sibling)?
static bool hasForwardPartner(const clang::FieldDecl *Leaf, size_t I) {
  std::vector<std::string> Mine = nameWords(Leaf->getName());
  for (const clang::FieldDecl *F : Leaf->getParent()->fields()) {
    std::vector<std::string> W = nameWords(F->getName());
    if (F == Leaf || W.size() != Mine.size() || I >= W.size())
      continue;
    bool Same = true;
    for (size_t J = 0; J < W.size(); ++J)
      if (J != I && W[J] != Mine[J])
        Same = false;
    if (Same && (W[I] == "next" || W[I] == "succ" || W[I] == "following"))
      return true;
  }
  return false;
}

bool isBackLinkName(llvm::StringRef N, const clang::FieldDecl *Leaf) {
  static const char *const Back[] = {"prev",   "previous", "pred",  "parent",  "owner",
                                     "up",     "back",     "outer", "container", "enclosing",
                                     "super",  "creator",  "holder", "manager", "backlink",
                                     "backref", "uplink",  "ancestor", "master", "boss"};
  for (const std::string &W : nameWords(N))
    for (const char *B : Back)
      if (W == B) {
        std::vector<std::string> LeafWords =
            Leaf ? nameWords(Leaf->getName()) : std::vector<std::string>();
        size_t I = std::find(LeafWords.begin(), LeafWords.end(), W) - LeafWords.begin();
        if (isOrdinal(W) && LeafWords.size() > 1 && I < LeafWords.size() &&
            !hasForwardPartner(Leaf, I))
          continue; // prev_version: an older object, not the holder
        return true;
      }
  return false;
}

bool listMayHold(llvm::StringRef Field, const clang::RecordDecl *RD,
                 const clang::RecordDecl *Owner) {
  // Words for elements of any type, and words for the owner's own kind.
  static const char *const Elements[] = {"node", "nodes", "subnodes", "elements"};
  static const char *const Kids[] = {"child", "children", "kid", "kids", "subtrees",
                                     "descendants"};
  bool OwnType = Owner && RD->getCanonicalDecl() == Owner->getCanonicalDecl();
  std::string TypeName = RD->getName().lower();
  if (TypeName.empty())
    if (const clang::TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      TypeName = TD->getName().lower();
  for (const std::string &W : nameWords(Field)) {
    for (const char *K : Elements)
      if (W == K)
        return true;
    for (const char *K : Kids)
      if (W == K && OwnType)
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

} // namespace warnings
} // namespace autorc
