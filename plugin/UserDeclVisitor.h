// UserDeclVisitor.h — a RecursiveASTVisitor over the user's declarations:
// the toolchain's headers and <autorc.h> (ManagedTypes::isUntouchable) are
// skipped whole, which halves a walk of a small file's translation unit.
// The checks (Checks.h, UserCodeVisitor) and the whole-file analyses that
// need no more than the user's code derive from it.
#ifndef AUTORC_PLUGIN_USERDECLVISITOR_H
#define AUTORC_PLUGIN_USERDECLVISITOR_H

#include "ManagedTypes.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace autorc {

template <typename Derived> class UserDeclVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  explicit UserDeclVisitor(const ManagedTypes &MT) : MT(MT) {}
  bool TraverseDecl(clang::Decl *X) {
    if (X && !clang::isa<clang::TranslationUnitDecl>(X) && MT.isUntouchable(X->getLocation()))
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(X);
  }

protected:
  const ManagedTypes &MT;
};

} // namespace autorc

#endif
