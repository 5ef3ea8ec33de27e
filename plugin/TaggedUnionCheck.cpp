// TaggedUnionCheck.cpp — [autorc-unsupported] stores that would change a
// tagged union member by member (docs/semantics.md, "Tagged unions").
//
// An RC_TAGGED(tag, value) union member holds a reference only while the
// tag says so. A store into the member alone cannot know whether the old
// bits were a reference (the tag may already have been changed, or may
// change next), and a store to the tag alone turns bits into a reference or
// a reference into bits. So both are refused, with the way that works: a
// whole assignment of the struct, which the counting of plain structs
// handles (the old value released under the old tag, the new one retained
// under the new tag). Taking the address of either is refused likewise.
#include "Checks.h"
#include "SlotLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace autorc {

namespace {
class TaggedStoreCheck : public UserCodeVisitor<TaggedStoreCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      check(BO->getLHS(), BO->getOperatorLoc(), "a store to");
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      check(UO->getSubExpr(), UO->getOperatorLoc(), "a store to");
    else if (UO->getOpcode() == UO_AddrOf)
      check(UO->getSubExpr(), UO->getOperatorLoc(), "the address of");
    return true;
  }

private:
  // Does record R hold (directly or through anonymous members) a union
  // whose members are RC_TAGGED by a field named Name?
  static bool isTagOf(const RecordDecl *R, llvm::StringRef Name, unsigned Depth = 0) {
    if (!R || Depth > 8)
      return false;
    for (const FieldDecl *F : R->fields()) {
      const auto *RT = F->getType()->getAs<RecordType>();
      if (!RT)
        continue;
      const RecordDecl *Sub = RT->getDecl()->getDefinition();
      if (!Sub)
        continue;
      if (Sub->isUnion())
        for (const FieldDecl *M : Sub->fields()) {
          std::string Tag, Value;
          if (taggedAnnotation(M, Tag, Value) && Tag == Name)
            return true;
        }
      if (F->isAnonymousStructOrUnion() && isTagOf(Sub, Name, Depth + 1))
        return true;
    }
    return false;
  }

  void check(Expr *LHS, SourceLocation At, const char *What) {
    const Expr *E = LHS->IgnoreParenImpCasts();
    bool First = true;
    while (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      std::string Tag, Value;
      if (F && taggedAnnotation(F, Tag, Value)) {
        report(At, std::string(What) + " the RC_TAGGED union member '" + F->getName().str() +
                       "'", ME);
        return;
      }
      if (F && First && isTagOf(F->getParent(), F->getName())) {
        report(At, std::string(What) + " the tag field '" + F->getName().str() + "'", ME);
        return;
      }
      First = false;
      if (ME->isArrow())
        return;
      E = ME->getBase()->IgnoreParenImpCasts();
    }
  }

  void report(SourceLocation At, const std::string &What, const MemberExpr *ME) {
    D.report(At, diag::TaggedMemberStore, {What});
  }
};
} // namespace

void runTaggedUnionCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  TaggedStoreCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
